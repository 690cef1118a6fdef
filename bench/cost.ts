/**
 * The monthly on-demand cost at full scale, from the request units each API call and job consumed
 * in this run (ReturnConsumedCapacity) and the assumptions below. Prices: eu-west-1 list prices
 * for on-demand use, as known when this was written; they are constants here so that one edit
 * updates them. Free tiers are ignored (a production account usually has other workloads).
 */
import type { EndpointMeasurement } from './api.ts';
import type { CloseMeasurement } from './close.ts';
import type { JobMeasurement } from './jobs.ts';

export const prices = {
  /** DynamoDB on demand, per million write / read request units (after the November 2024 reduction). */
  dynamoWriteUnitPerMillion: 0.7068,
  dynamoReadUnitPerMillion: 0.1413,
  dynamoStoragePerGbMonth: 0.283,
  /** Continuous backups (point-in-time recovery), per GB-month. */
  dynamoPitrPerGbMonth: 0.2264,
  /** Lambda on Graviton (arm64): per GB-second, and per million requests. */
  lambdaArmPerGbSecond: 0.0000133334,
  lambdaPerMillionRequests: 0.2,
  /** API Gateway HTTP API, per million requests. */
  httpApiPerMillion: 1.11,
  s3PutPer1000: 0.005,
  s3GetPer1000: 0.0004,
  s3StoragePerGbMonth: 0.023,
  sqsPerMillion: 0.4,
};

/**
 * How often each measured endpoint is called in a month at full scale. About 700 people use the
 * platform (500 ILOs and 200 officials in the states' headquarters, the Commission and the Council),
 * each signing in some 8 times a month; a contribution (about 450 per semester) is autosaved some
 * 150 times while it is written; meetings and other activities are recorded about 3,000 times a year;
 * secondments are amended about 100 times a month.
 */
export const monthlyRequests: Record<string, number> = {
  'GET /api/secondments': 700 * 8 * 2,
  'GET /api/secondments/{id}': 700 * 8 * 3,
  'GET /api/networks': 700 * 8,
  'GET /api/networks/{id}?semester': 700 * 8 * 2,
  'GET /api/semesters/{id}': 700 * 8 * 0.5,
  'GET …/contributions/{state}': 700 * 8,
  'GET /api/contributions/outstanding': 700 * 8,
  'GET /api/feed': 700 * 8,
  'PUT …/contributions/{state} (autosave)': (450 * 150) / 6,
  'POST /api/networks/{id}/meetings': 3000 / 12,
  'PUT /api/secondments/{id} (amend)': 100,
};

/** Lambda memory of the API functions and of the report generator (infra/stateless-stack.ts). */
const API_MEMORY_GB = 0.5;
const GENERATOR_MEMORY_GB = 1.536;

export interface CostLine {
  what: string;
  usdPerMonth: number;
  basis: string;
}

export interface CostEstimate {
  lines: CostLine[];
  totalUsdPerMonth: number;
}

export function estimateMonthlyCost(input: {
  api: EndpointMeasurement[];
  close?: CloseMeasurement;
  jobs?: JobMeasurement[];
  /** The table's and its indexes' size at the end of the generated two years (item bytes). */
  tableBytes: number;
  /** The reports' files of one semester. */
  reportBytesPerSemester?: number;
}): CostEstimate {
  let readUnits = 0;
  let writeUnits = 0;
  let requests = 0;
  let gbSeconds = 0;
  for (const endpoint of input.api) {
    const perMonth = monthlyRequests[endpoint.endpoint] ?? 0;
    requests += perMonth;
    readUnits += perMonth * endpoint.dynamo.readUnits;
    writeUnits += perMonth * endpoint.dynamo.writeUnits;
    // Billed duration: the single-client median (on Lambda each request has its own environment).
    const single = endpoint.levels.find((l) => l.concurrency === 1)?.api.p50 ?? 0;
    gbSeconds += perMonth * (single / 1000) * API_MEMORY_GB;
  }
  const lines: CostLine[] = [];
  const apiDynamo =
    (readUnits / 1e6) * prices.dynamoReadUnitPerMillion +
    (writeUnits / 1e6) * prices.dynamoWriteUnitPerMillion;
  lines.push({
    what: 'DynamoDB requests of the API',
    usdPerMonth: apiDynamo,
    basis: `${(readUnits / 1e6).toFixed(2)} M RRU, ${(writeUnits / 1e6).toFixed(2)} M WRU`,
  });
  if (input.close) {
    // Two closes a year, plus late versions and finalisations: count three generations per network a semester.
    const perMonth = (3 / 6) * 1;
    const closeDynamo =
      perMonth *
      ((input.close.readUnits / 1e6) * prices.dynamoReadUnitPerMillion +
        (input.close.writeUnits / 1e6) * prices.dynamoWriteUnitPerMillion);
    lines.push({
      what: 'DynamoDB requests of the close and report generation',
      usdPerMonth: closeDynamo,
      basis: `${input.close.readUnits.toFixed(0)} RRU + ${input.close.writeUnits.toFixed(0)} WRU per close, ×3 a semester`,
    });
    const generatorSeconds = input.close.perReport.p50 / 1000;
    gbSeconds += perMonth * input.close.reports * generatorSeconds * GENERATOR_MEMORY_GB;
    lines.push({
      what: 'S3 report uploads',
      usdPerMonth: perMonth * (input.close.s3Puts / 1000) * prices.s3PutPer1000,
      basis: `${input.close.s3Puts} PUT per close`,
    });
  }
  if (input.jobs?.length) {
    // The erasure runs daily; reminders go out twice a semester (on the other days the job stops early).
    const perMonth: Record<string, number> = {
      erasePersonalData: 30,
      sendReminders: 2 / 6,
      seedReference: 1,
    };
    let reads = 0;
    let writes = 0;
    for (const job of input.jobs) {
      reads += (perMonth[job.job] ?? 0) * job.readUnits;
      writes += (perMonth[job.job] ?? 0) * job.writeUnits;
    }
    lines.push({
      what: 'DynamoDB requests of the other jobs',
      usdPerMonth:
        (reads / 1e6) * prices.dynamoReadUnitPerMillion + (writes / 1e6) * prices.dynamoWriteUnitPerMillion,
      basis: `${reads.toFixed(0)} RRU, ${writes.toFixed(0)} WRU (erasure daily, reminders twice a semester)`,
    });
  }
  const tableGb = input.tableBytes / 1e9;
  lines.push({
    what: 'DynamoDB storage and point-in-time recovery',
    usdPerMonth: tableGb * (prices.dynamoStoragePerGbMonth + prices.dynamoPitrPerGbMonth),
    basis: `${tableGb.toFixed(2)} GB (table and indexes) after two years`,
  });
  if (input.reportBytesPerSemester) {
    const reportGb = (input.reportBytesPerSemester * 4) / 1e9;
    lines.push({
      what: 'S3 storage of two years of reports',
      usdPerMonth: reportGb * prices.s3StoragePerGbMonth,
      basis: `${reportGb.toFixed(2)} GB`,
    });
  }
  lines.push({
    what: 'Lambda (arm64) and the HTTP API',
    usdPerMonth:
      gbSeconds * prices.lambdaArmPerGbSecond +
      (requests / 1e6) * (prices.lambdaPerMillionRequests + prices.httpApiPerMillion),
    basis: `${(requests / 1000).toFixed(0)} k requests, ${gbSeconds.toFixed(0)} GB-s`,
  });
  return { lines, totalUsdPerMonth: lines.reduce((sum, line) => sum + line.usdPerMonth, 0) };
}
