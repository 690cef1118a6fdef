/**
 * Reading the annual summary (the API), apart from drafting it (annual-summary-service.ts, the job),
 * so that the reading function does not carry the PDF renderer.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AnnualSummaryDocument } from '#shared/annual-summary.ts';
import { dynamo, tableName } from '../lib/aws.ts';
import type { Caller } from '../lib/caller.ts';
import { forbidden, notFound } from '../lib/errors.ts';
import { ReportFiles } from './report-files.ts';
import { readsAnnualSummary } from './report-policy.ts';

export const annualPartition = (year: number) => `ANNUAL#${year}`;

export async function latestSummary(year: number) {
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': annualPartition(year) },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  return Items?.[0] as
    | { version: number; inputsHash: string; generatedAt: string; files: Record<string, string> }
    | undefined;
}

/** The latest annual summary with links: the Commission, the Council and the Parliament. */
export async function getAnnualSummary(caller: Caller, year: number) {
  if (!readsAnnualSummary(caller)) {
    throw forbidden('The annual summary is read by the Commission, the Council and the Parliament.');
  }
  const latest = await latestSummary(year);
  if (!latest)
    throw notFound(`The annual summary of ${year} (it is drafted once the second semester is closed)`);
  const summary = JSON.parse(
    await ReportFiles.readText(latest.files.json as string),
  ) as AnnualSummaryDocument;
  const name = `annual-summary-${year}-v${latest.version}`;
  const formats = {
    json: await ReportFiles.signedUrl(latest.files.json as string, `${name}.json`),
    html: await ReportFiles.signedUrl(latest.files.html as string, `${name}.html`),
    pdf: await ReportFiles.signedUrl(latest.files.pdf as string, `${name}.pdf`),
  };
  return { year, version: latest.version, generatedAt: latest.generatedAt, summary, formats };
}
