/**
 * Report generation: a network's report rendered (JSON, HTML, PDF, DOCX) from a snapshot of its inputs,
 * and the finalisation that renders it again with the drafting state's assessment. Kept apart from
 * report-service.ts (reading, assessment) so that only the functions that render carry the renderers.
 */
import { createHash } from 'node:crypto';
import { actorOf, auditEntry } from '../audit/audit-repository.ts';
import { ContributionRepository } from '../contributions/contribution-repository.ts';
import type { Caller } from '../lib/caller.ts';
import { config } from '../lib/config.ts';
import { AppError } from '../lib/errors.ts';
import { logger } from '../lib/logger.ts';
import { transact } from '../lib/transactions.ts';
import { networkInSemester } from '../networks/network-service.ts';
import { renderReportDocx } from './render-docx.ts';
import { renderReportHtml } from './render-html.ts';
import { renderReportPdf } from './render-pdf.ts';
import { buildReport, type ReportInputs } from './report-builder.ts';
import { ReportFiles } from './report-files.ts';
import {
  type ReportFormat,
  type ReportRecord,
  ReportRepository,
  reportFileKey,
  reportFormats,
} from './report-repository.ts';
import { getReport, loadForDrafting } from './report-service.ts';

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
  /**
   * Finalising: the drafting state's assessment, and who finalises (audited with the new version).
   * From the queue: `leaseOwner`, the message's id, so that its redelivery after a crash takes over
   * the lease its dead attempt left (see ReportRepository.acquireLease).
   */
  extra: { assessment?: string; finalisedBy?: Caller; leaseOwner?: string } = {},
): Promise<{ outcome: 'generated' | 'unchanged' | 'busy'; version?: number }> {
  if (!(await ReportRepository.acquireLease(semesterId, networkId, now, extra.leaseOwner)))
    return { outcome: 'busy' };
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
      ReportFiles.upload(files.inputs, 'inputs', JSON.stringify(snapshot)),
      ReportFiles.upload(files.json, 'json', JSON.stringify(withAssessment, null, 2)),
      ReportFiles.upload(files.html, 'html', html),
      ReportFiles.upload(files.pdf, 'pdf', pdf),
      ReportFiles.upload(files.docx, 'docx', docx),
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
    throw new AppError('conflict', 'The report is being generated right now; try again in a minute.');
  return getReport(caller, semesterId, networkId);
}
