import { createHash } from 'node:crypto';
import { membersInSemester } from '#shared/networks.ts';
import { isParticipatingState } from '#shared/reference/states.ts';
import { actorOf, auditEntry } from '../audit/audit-repository.ts';
import { ContributionRepository } from '../contributions/contribution-repository.ts';
import { config } from '../lib/config.ts';
import type { Caller } from '../lib/http/caller.ts';
import { forbidden, HttpError, notFound, staleVersion } from '../lib/http/errors.ts';
import { logger } from '../lib/logger.ts';
import { ConditionFailed, transact } from '../lib/transactions.ts';
import { NetworkRepository } from '../networks/network-repository.ts';
import { networkInSemester } from '../networks/network-service.ts';
import { RegionRepository } from '../networks/region-repository.ts';
import { SemesterRepository } from '../semesters/semester-repository.ts';
import { requestReportGeneration } from './generation-queue.ts';
import { renderReportDocx } from './render-docx.ts';
import { renderReportHtml } from './render-html.ts';
import { renderReportPdf } from './render-pdf.ts';
import { buildReport, type ReportInputs } from './report-builder.ts';
import {
  type ReportFormat,
  type ReportRecord,
  ReportRepository,
  reportFileKey,
  reportFormats,
} from './report-repository.ts';

type Snapshot = Omit<ReportInputs, 'version' | 'generatedAt' | 'classification'>;

async function snapshotOf(semesterId: string, networkId: string): Promise<Snapshot> {
  const [network, contributions] = await Promise.all([
    networkInSemester(networkId, semesterId),
    ContributionRepository.forNetwork(semesterId, networkId),
  ]);
  return {
    network: network.network,
    semesterId,
    drafting: network.drafting ?? null,
    expected: network.members.map((m) => m.state),
    postings: network.postings,
    activities: network.activities.map(({ kind, recordedBy, fields }) => ({ kind, recordedBy, fields })),
    arrangements: network.arrangements.map(({ kind, parties, scope, validFrom, validTo, status }) => ({
      kind,
      parties,
      scope,
      validFrom,
      status,
      ...(validTo ? { validTo } : {}),
    })),
    contributions: contributions.map(({ state, status, late, templateVersion, values }) => ({
      state,
      status,
      late,
      templateVersion,
      values,
    })),
  };
}

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * Generates a network's report for a semester, once per distinct input: the same inputs again
 * (a retried message, a second close) add nothing; changed inputs (a late contribution accepted)
 * add a new version. Files first, then the record: a report is never recorded half-written.
 */
export async function generateNetworkReport(
  semesterId: string,
  networkId: string,
  now: Date,
  /** Finalising: the drafting state's assessment, and who finalises (audited with the new version). */
  extra: { assessment?: string; finalisedBy?: Caller } = {},
): Promise<{ outcome: 'generated' | 'unchanged' | 'busy'; version?: number }> {
  if (!(await ReportRepository.acquireLease(semesterId, networkId, now))) return { outcome: 'busy' };
  let recorded = false;
  try {
    const [snapshot, latest] = await Promise.all([
      snapshotOf(semesterId, networkId),
      ReportRepository.latest(semesterId, networkId),
    ]);
    const inputsHash = hashOf({ snapshot, assessment: extra.assessment ?? null });
    if (latest && latest.inputsHash === inputsHash && !extra.finalisedBy) {
      return { outcome: 'unchanged', version: latest.version };
    }
    const version = (latest?.version ?? 0) + 1;
    const generatedAt = now.toISOString();
    const report = buildReport({
      ...snapshot,
      classification: config().REPORT_CLASSIFICATION,
      version,
      generatedAt,
    });
    const withAssessment = extra.assessment ? { ...report, assessment: extra.assessment } : report;
    // The assessment is the drafting state's own text, kept apart from the contributions it comments on.
    const files = Object.fromEntries(
      [...reportFormats, 'inputs'].map((format) => [
        format,
        reportFileKey(semesterId, networkId, version, format as ReportFormat),
      ]),
    ) as ReportRecord['files'];
    const html = renderReportHtml(withAssessment);
    const [pdf, docx] = await Promise.all([
      renderReportPdf(withAssessment),
      renderReportDocx(withAssessment),
    ]);
    await Promise.all([
      ReportRepository.uploadFile(files.inputs, 'inputs', JSON.stringify(snapshot)),
      ReportRepository.uploadFile(files.json, 'json', JSON.stringify(withAssessment, null, 2)),
      ReportRepository.uploadFile(files.html, 'html', html),
      ReportRepository.uploadFile(files.pdf, 'pdf', pdf),
      ReportRepository.uploadFile(files.docx, 'docx', docx),
    ]);
    const record: ReportRecord = {
      semester: semesterId,
      networkId,
      version,
      status: extra.finalisedBy ? 'finalised' : 'generated',
      drafting: snapshot.drafting,
      generatedAt,
      inputsHash,
      files,
      revision: 1,
      ...(extra.assessment ? { assessment: extra.assessment } : {}),
      ...(extra.finalisedBy ? { finalisedAt: generatedAt, finalisedBy: extra.finalisedBy.organisation } : {}),
    };
    await transact([
      ReportRepository.put(record, undefined),
      ReportRepository.releaseLeaseItem(semesterId, networkId),
      ...(extra.finalisedBy
        ? [
            auditEntry({
              kind: 'report',
              entityId: `${semesterId}.${networkId}`,
              owner: latest?.drafting?.state ?? extra.finalisedBy.organisation,
              action: 'report_finalised',
              at: generatedAt,
              actor: actorOf(extra.finalisedBy),
              before: { version: latest?.version, status: latest?.status, revision: latest?.revision },
              after: {
                version,
                status: record.status,
                ...(extra.assessment ? { assessment: extra.assessment } : {}),
              },
            }),
          ]
        : []),
    ]);
    recorded = true;
    logger.info('report generated', { semester: semesterId, networkId, version });
    return { outcome: 'generated', version };
  } finally {
    if (!recorded) await ReportRepository.releaseLease(semesterId, networkId);
  }
}

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

function canRead(caller: Caller, record: ReportRecord, members: string[]): boolean {
  if (record.status === 'finalised') {
    return (
      isParticipatingState(caller.organisation) ||
      ['EC', 'COUNCIL', 'EP', 'EBCG'].includes(caller.organisation)
    );
  }
  return caller.organisation === 'EC' || members.includes(caller.organisation);
}

type ReportAction = 'assess' | 'finalise';

function allowedOn(caller: Caller, record: ReportRecord): ReportAction[] {
  const drafting = caller.role === 'coordinator' && record.drafting?.state === caller.organisation;
  return drafting && record.status === 'generated' ? ['assess', 'finalise'] : [];
}

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
    allowed: allowedOn(caller, record),
  };
}

export async function listReports(caller: Caller, semesterId: string) {
  const [records, membership, semesterRecord] = await Promise.all([
    ReportRepository.forSemester(semesterId),
    membershipIndex(semesterId),
    SemesterRepository.get(semesterId),
  ]);
  const visible = records.filter((record) => canRead(caller, record, membership.membersOf(record.networkId)));
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
  return { version: record.version, html: await ReportRepository.readText(record.files.html) };
}

/** One version (the latest unless asked), if the caller may read it. */
async function readableVersion(caller: Caller, semesterId: string, networkId: string, version?: number) {
  const versions = await ReportRepository.versions(semesterId, networkId);
  const record = version ? versions.find((v) => v.version === version) : versions.at(-1);
  if (!record) throw notFound('The report');
  const members = await membersOf(semesterId, networkId);
  if (!canRead(caller, record, members)) {
    throw forbidden(
      'This report is not finalised yet: it is read by the network members and the Commission until then.',
    );
  }
  return { record, versions, members };
}

export async function getReport(caller: Caller, semesterId: string, networkId: string, version?: number) {
  const { record, versions, members } = await readableVersion(caller, semesterId, networkId, version);
  const latest = versions.at(-1)?.version === record.version;
  const name = `report-${semesterId}-${networkId}-v${record.version}`;
  const formats = Object.fromEntries(
    await Promise.all(
      reportFormats.map(async (format) => [
        format,
        await ReportRepository.signedUrl(record.files[format], `${name}.${format}`),
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
      readable: canRead(caller, v, members),
    })),
  };
}

async function loadForDrafting(caller: Caller, semesterId: string, networkId: string, revision: number) {
  const record = await ReportRepository.latest(semesterId, networkId);
  if (!record) throw notFound('The report');
  if (!(caller.role === 'coordinator' && record.drafting?.state === caller.organisation)) {
    throw forbidden("Only the drafting state's coordinators assess and finalise this report.");
  }
  if (record.status === 'finalised') throw new HttpError('not_editable', 'This report is finalised.');
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

/** Finalising renders a new version with the assessment: the generated one is kept, never overwritten. */
export async function finaliseReport(
  caller: Caller,
  semesterId: string,
  networkId: string,
  revision: number,
  now: Date,
) {
  const record = await loadForDrafting(caller, semesterId, networkId, revision);
  const result = await generateNetworkReport(semesterId, networkId, now, {
    ...(record.assessment ? { assessment: record.assessment } : {}),
    finalisedBy: caller,
  });
  if (result.outcome === 'busy')
    throw new HttpError('conflict', 'The report is being generated right now; try again in a minute.');
  return getReport(caller, semesterId, networkId);
}
