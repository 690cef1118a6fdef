import { createHash } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AnnualSummaryDocument } from '#shared/annual-summary.ts';
import type { ReportDocument } from '#shared/reports.ts';
import { REPORTS_PREFIX } from '#shared/table-design.ts';
import { dynamo, tableName } from '../lib/aws.ts';
import { config } from '../lib/config.ts';
import { SemesterRepository } from '../semesters/semester-repository.ts';
import { annualPartition, latestSummary } from './annual-summary-reading.ts';
import { renderAnnualHtml, renderAnnualPdf } from './render-annual.ts';
import { ReportFiles } from './report-files.ts';
import { ReportRepository } from './report-repository.ts';

type Figures = Record<string, number>;

const add = (into: Figures, from: Figures) => {
  for (const [key, value] of Object.entries(from)) into[key] = (into[key] ?? 0) + value;
};

async function readReport(key: string): Promise<ReportDocument> {
  return JSON.parse(await ReportFiles.readText(key)) as ReportDocument;
}

/** The latest report of every network in the year's two semesters, read from their JSON files. */
async function yearReports(year: number) {
  const records = (
    await Promise.all([`${year}-H1`, `${year}-H2`].map((s) => ReportRepository.forSemester(s)))
  ).flat();
  const documents = await Promise.all(records.map((r) => readReport(r.files.json)));
  return records.map((record, i) => ({ record, document: documents[i] as ReportDocument }));
}

function aggregate(reports: Awaited<ReturnType<typeof yearReports>>) {
  const byNetwork = new Map<string, AnnualSummaryDocument['networks'][number]>();
  for (const { document } of reports) {
    const network = byNetwork.get(document.network.id) ?? {
      networkId: document.network.id,
      ilosByState: {},
      meetings: 0,
      trainings: 0,
      figures: {},
    };
    // ILOs: the most a state had in the network in either semester.
    for (const member of document.composition) {
      network.ilosByState[member.state] = Math.max(network.ilosByState[member.state] ?? 0, member.ilos);
    }
    network.meetings += document.participation.meetings;
    network.trainings += document.sections.find((s) => s.id === 'A4')?.records.length ?? 0;
    for (const section of document.sections) {
      for (const figure of section.figures) add(network.figures, { [figure.fieldId]: figure.total });
    }
    byNetwork.set(network.networkId, network);
  }
  const networks = [...byNetwork.values()].sort((a, b) => a.networkId.localeCompare(b.networkId));
  const overall = { ilosByState: {} as Figures, meetings: 0, trainings: 0, figures: {} as Figures };
  // Overall sums count each ILO and each figure once: regional networks overlap country networks.
  for (const network of networks.filter((n) => !n.networkId.startsWith('R-'))) {
    add(overall.ilosByState, network.ilosByState);
    overall.meetings += network.meetings;
    overall.trainings += network.trainings;
    add(overall.figures, network.figures);
  }
  return { networks, overall };
}

/**
 * Drafts the annual summary of `year` once its H2 is closed, again only when its inputs (the reports'
 * versions) changed. Files first, then the record.
 */
export async function draftAnnualSummary(
  year: number,
  now: Date,
): Promise<{ outcome: string; version?: number }> {
  const h2 = await SemesterRepository.get(`${year}-H2`);
  if (h2?.status !== 'closed') return { outcome: 'not_due' };
  const reports = await yearReports(year);
  if (reports.length === 0) return { outcome: 'no_reports' };
  const list = reports
    .map(({ record }) => ({
      semester: record.semester,
      networkId: record.networkId,
      version: record.version,
      status: record.status,
    }))
    .sort((a, b) => `${a.semester}${a.networkId}`.localeCompare(`${b.semester}${b.networkId}`));
  const previous = aggregate(await yearReports(year - 1));
  const inputsHash = createHash('sha256')
    .update(JSON.stringify({ list, previous: previous.overall.figures }))
    .digest('hex');
  const latest = await latestSummary(year);
  if (latest?.inputsHash === inputsHash) return { outcome: 'unchanged', version: latest.version };

  const version = (latest?.version ?? 0) + 1;
  const { networks, overall } = aggregate(reports);
  const hasPrevious = Object.keys(previous.overall.figures).length > 0;
  const change = hasPrevious
    ? Object.fromEntries(
        Object.entries(overall.figures).map(([k, v]) => [k, v - (previous.overall.figures[k] ?? 0)]),
      )
    : null;
  const summary: AnnualSummaryDocument = {
    year,
    version,
    generatedAt: now.toISOString(),
    classification: config().REPORT_CLASSIFICATION,
    overall: {
      networks: networks.length,
      ...overall,
      previousYearFigures: hasPrevious ? previous.overall.figures : null,
      change,
    },
    networks,
    reports: list,
  };
  const base = `${REPORTS_PREFIX}annual/${year}/v${version}/summary`;
  const files = { json: `${base}.json`, html: `${base}.html`, pdf: `${base}.pdf` };
  await Promise.all([
    ReportFiles.upload(files.json, 'json', JSON.stringify(summary, null, 2)),
    ReportFiles.upload(files.html, 'html', renderAnnualHtml(summary)),
    ReportFiles.upload(files.pdf, 'pdf', await renderAnnualPdf(summary)),
  ]);
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        pk: annualPartition(year),
        sk: `V#${String(version).padStart(4, '0')}`,
        entityType: 'AnnualSummary',
        year,
        version,
        inputsHash,
        generatedAt: summary.generatedAt,
        files,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return { outcome: 'generated', version };
}

/** The job's year: the latest whose second semester is closed. */
export async function draftLatestAnnualSummary(now: Date) {
  const closedH2 = (await SemesterRepository.list())
    .filter((s) => s.semester.endsWith('-H2') && s.status === 'closed')
    .map((s) => Number(s.semester.slice(0, 4)));
  if (closedH2.length === 0) return { outcome: 'not_due' };
  const year = Math.max(...closedH2);
  return { year, ...(await draftAnnualSummary(year, now)) };
}
