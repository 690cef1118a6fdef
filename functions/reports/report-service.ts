import { membersInSemester } from '#shared/networks.ts';
import { actorOf, auditEntry } from '../audit/audit-repository.ts';
import type { Caller } from '../lib/caller.ts';
import { AppError, forbidden, notFound, staleVersion } from '../lib/errors.ts';
import { ConditionFailed, transact } from '../lib/transactions.ts';
import { NetworkRepository } from '../networks/network-repository.ts';
import { RegionRepository } from '../networks/region-repository.ts';
import { SemesterRepository } from '../semesters/semester-repository.ts';
import { requestReportGeneration } from './generation-queue.ts';
import { ReportFiles } from './report-files.ts';
import { allowedOnReport, draftsReport, readsReport } from './report-policy.ts';
import {
  type ReportFormat,
  type ReportRecord,
  ReportRepository,
  reportFormats,
} from './report-repository.ts';

/**
 * Who was a member of which network in a semester, from every posting (one Query) and the regional
 * networks (one Query): a country network's members, or a regional network's over its countries.
 */
async function membershipIndex(semesterId: string) {
  const [postings, regions] = await Promise.all([NetworkRepository.allPostings(), RegionRepository.list()]);
  const membersOfCountries = (hostCountries: string[]) =>
    membersInSemester(
      postings.filter((p) => hostCountries.includes(p.hostCountry)),
      semesterId,
    ).map((m) => m.state);
  const regionCountries = new Map(regions.map((r) => [r.id, r.hostCountries]));
  return {
    membersOf: (networkId: string) => membersOfCountries(regionCountries.get(networkId) ?? [networkId]),
    networks: () => [
      ...[...new Set(postings.map((p) => p.hostCountry))]
        .filter((cc) => membersOfCountries([cc]).length > 0)
        .sort(),
      ...regions.filter((r) => membersOfCountries(r.hostCountries).length > 0).map((r) => r.id),
    ],
  };
}

/** Every network with members in the semester: each host country's, and each regional one. */
export async function networksWithMembers(semesterId: string): Promise<string[]> {
  return (await membershipIndex(semesterId)).networks();
}

/** After a close: one generation request per network that had members in the semester. */
export async function requestSemesterReports(semesterId: string): Promise<number> {
  const networks = await networksWithMembers(semesterId);
  await requestReportGeneration(networks.map((networkId) => ({ semester: semesterId, networkId })));
  return networks.length;
}

// ---- reading, assessment and finalisation -----------------------------------------------------

async function membersOf(semesterId: string, networkId: string) {
  return (await membershipIndex(semesterId)).membersOf(networkId);
}

function summary(record: ReportRecord, caller: Caller) {
  return {
    semester: record.semester,
    networkId: record.networkId,
    version: record.version,
    status: record.status,
    draftingState: record.drafting,
    generatedAt: record.generatedAt,
    revision: record.revision,
    ...(record.assessment ? { assessment: record.assessment } : {}),
    ...(record.finalisedAt ? { finalisedAt: record.finalisedAt } : {}),
    allowed: allowedOnReport(caller, record),
  };
}

export async function listReports(caller: Caller, semesterId: string) {
  const [records, membership, semesterRecord] = await Promise.all([
    ReportRepository.forSemester(semesterId),
    membershipIndex(semesterId),
    SemesterRepository.get(semesterId),
  ]);
  const visible = records.filter((record) =>
    readsReport(caller, record, membership.membersOf(record.networkId)),
  );
  // Generation runs in the background after the close: what is still to come, for a progress display.
  const expected = semesterRecord?.status === 'closed' ? membership.networks() : [];
  const generated = new Set(records.map((r) => r.networkId));
  return {
    items: visible.map((record) => summary(record, caller)),
    progress: { expected: expected.length, generated: expected.filter((n) => generated.has(n)).length },
  };
}

/** The HTML rendering of a report, for the web app to show inline (in a sandboxed frame). */
export async function getReportHtml(caller: Caller, semesterId: string, networkId: string, version?: number) {
  const { record } = await readableVersion(caller, semesterId, networkId, version);
  return { version: record.version, html: await ReportFiles.readText(record.files.html) };
}

/** One version (the latest unless asked), if the caller may read it. */
async function readableVersion(caller: Caller, semesterId: string, networkId: string, version?: number) {
  const versions = await ReportRepository.versions(semesterId, networkId);
  const record = version ? versions.find((v) => v.version === version) : versions.at(-1);
  if (!record) throw notFound('The report');
  const members = await membersOf(semesterId, networkId);
  if (!readsReport(caller, record, members)) {
    throw forbidden(
      'This report is not finalised yet: it is read by the network members and the Commission until then.',
    );
  }
  return { record, versions, members };
}

/**
 * A fresh short-lived link to one file of a report version, for a caller who may read that version:
 * the lasting address a download goes through, so a copied link never meets an expired signature.
 */
export async function reportFileLink(
  caller: Caller,
  semesterId: string,
  networkId: string,
  version: number,
  format: ReportFormat,
): Promise<string> {
  const { record } = await readableVersion(caller, semesterId, networkId, version);
  return ReportFiles.signedUrl(
    record.files[format],
    `report-${semesterId}-${networkId}-v${record.version}.${format}`,
  );
}

export async function getReport(caller: Caller, semesterId: string, networkId: string, version?: number) {
  const { record, versions, members } = await readableVersion(caller, semesterId, networkId, version);
  const latest = versions.at(-1)?.version === record.version;
  const name = `report-${semesterId}-${networkId}-v${record.version}`;
  const formats = Object.fromEntries(
    await Promise.all(
      reportFormats.map(async (format) => [
        format,
        await ReportFiles.signedUrl(record.files[format], `${name}.${format}`),
      ]),
    ),
  );
  return {
    ...summary(record, caller),
    // Only the latest version is assessed and finalised.
    ...(latest ? {} : { allowed: [] }),
    formats,
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status,
      generatedAt: v.generatedAt,
      readable: readsReport(caller, v, members),
    })),
  };
}

export async function loadForDrafting(
  caller: Caller,
  semesterId: string,
  networkId: string,
  revision: number,
) {
  const record = await ReportRepository.latest(semesterId, networkId);
  if (!record) throw notFound('The report');
  if (!draftsReport(caller, record)) {
    throw forbidden("Only the drafting state's coordinators assess and finalise this report.");
  }
  if (record.status === 'finalised') throw new AppError('not_editable', 'This report is finalised.');
  if (record.revision !== revision) throw staleVersion('this report', record.revision);
  return record;
}

export async function saveAssessment(
  caller: Caller,
  semesterId: string,
  networkId: string,
  input: { assessment: string; revision: number },
  now: Date,
) {
  const record = await loadForDrafting(caller, semesterId, networkId, input.revision);
  const after: ReportRecord = { ...record, assessment: input.assessment, revision: record.revision + 1 };
  try {
    await transact([
      ReportRepository.put(after, record.revision),
      auditEntry({
        kind: 'report',
        entityId: `${semesterId}.${networkId}`,
        owner: record.drafting?.state ?? caller.organisation,
        action: 'assessment_saved',
        at: now.toISOString(),
        actor: actorOf(caller),
        before: {
          version: record.version,
          revision: record.revision,
          ...(record.assessment ? { assessment: record.assessment } : {}),
        },
        after: { version: after.version, revision: after.revision, assessment: input.assessment },
      }),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed) throw staleVersion('this report');
    throw error;
  }
  return summary(after, caller);
}
