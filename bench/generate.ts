/**
 * The full-scale data set, written through the product's own use cases (the ones the handlers call),
 * with each input checked by the endpoint's own schema first, so every item has exactly the shape
 * the product stores: versions, audit entries, feed entries and network postings included.
 *
 * On its own: `npx tsx bench/generate.ts [--scale 1] [--seed 377] [--semester 2026-H1]
 * [--data-dir .data-bench]` writes it into a data folder that `DATA_DIR=.data-bench npm start` serves.
 */
// First: the local defaults (quiet handler logs) before any handler module creates its logger.
import '../local/process-defaults.ts';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { saveContribution, submitContribution } from '#functions/contributions/contribution-service.ts';
import { dynamo, tableName } from '#functions/lib/aws.ts';
import type { Caller } from '#functions/lib/caller.ts';
import { acceptArrangement, proposeArrangement } from '#functions/networks/arrangement-service.ts';
import { designateDraftingState, recordActivity } from '#functions/networks/network-service.ts';
import { saveRegion } from '#functions/networks/region-service.ts';
import {
  createSecondment,
  endSecondment,
  notifySecondment,
} from '#functions/secondments/secondment-service.ts';
import { SemesterRepository } from '#functions/semesters/semester-repository.ts';
import { endpoints } from '#shared/api/endpoints.ts';
import type { ActivityKind } from '#shared/networks.ts';
import type { OrganisationCode } from '#shared/reference/organisations.ts';
import { currentReportTemplateVersion } from '#shared/report-templates.ts';
import { isSemesterId, type SemesterId, semester } from '#shared/semesters.ts';
import { mapPool } from './lib/pool.ts';
import {
  type DatasetPlan,
  defaultGeneratorOptions,
  type GeneratorOptions,
  planCounts,
  planDataset,
} from './plan.ts';

export interface WrittenDataset {
  plan: DatasetPlan;
  /** The product's id and version of each planned secondment, by plan key. */
  secondments: Map<string, { id: string; version: number }>;
  seconds: number;
}

const caller = (organisation: string, role: Caller['role']): Caller => ({
  subject: `bench-${organisation.toLowerCase()}-${role}`,
  organisation: organisation as OrganisationCode,
  role,
  name: 'Benchmark data',
});

const activityEndpoints: Record<ActivityKind, keyof typeof endpoints> = {
  meeting: 'recordMeeting',
  training: 'recordTraining',
  carrier_position: 'recordCarrierPosition',
  contact: 'recordContact',
};

/** The handler's own input check: the endpoint's body schema. */
function body<T>(endpoint: keyof typeof endpoints, input: unknown): T {
  const schema = (endpoints[endpoint] as { body?: { parse(value: unknown): unknown } }).body;
  if (!schema) throw new Error(`${endpoint} takes no body`);
  return schema.parse(input) as T;
}

/**
 * Writes the plan into the table and bucket the handlers are configured for (TABLE_NAME etc., as
 * `startLocalApp` sets them). `concurrency` writes run at once; `progress` gets one line per phase.
 */
export async function writeDataset(
  plan: DatasetPlan,
  options: { concurrency?: number; progress?: (line: string) => void } = {},
): Promise<WrittenDataset> {
  const concurrency = options.concurrency ?? 6;
  const progress = options.progress ?? (() => {});
  const started = Date.now();
  const phase = async <T>(name: string, items: readonly T[], task: (item: T) => Promise<void>) => {
    const phaseStart = Date.now();
    let done = 0;
    let reported = Date.now();
    await mapPool(items, concurrency, async (item) => {
      await task(item);
      done += 1;
      if (Date.now() - reported > 10_000) {
        reported = Date.now();
        progress(`  ${name}: ${done}/${items.length}`);
      }
    });
    progress(`  ${name}: ${items.length} in ${((Date.now() - phaseStart) / 1000).toFixed(1)} s`);
  };

  const secondments = new Map<string, { id: string; version: number }>();
  await phase('secondments', plan.secondments, async (planned) => {
    const editor = caller(planned.state, 'editor');
    const fields = body<Parameters<typeof createSecondment>[1]>('createSecondment', planned.input);
    const draft = await createSecondment(editor, fields, new Date(planned.createdAt));
    secondments.set(planned.key, { id: draft.id, version: draft.version });
    if (!planned.notifiedAt) return;
    const notified = await notifySecondment(editor, draft.id, draft.version, new Date(planned.notifiedAt));
    secondments.set(planned.key, { id: draft.id, version: notified.version });
    if (planned.end) {
      const ended = await endSecondment(
        editor,
        draft.id,
        body('endSecondment', { version: notified.version, endDate: planned.end.endDate }),
        new Date(planned.end.at),
      );
      secondments.set(planned.key, { id: draft.id, version: ended.version });
    }
  });

  await phase('regional networks', plan.regions, async (region) => {
    await saveRegion(
      caller('EC', 'admin'),
      region.id,
      body('saveRegion', { name: region.name, hostCountries: region.hostCountries, version: 0 }),
      new Date(plan.clock),
    );
  });

  await phase('acting-state designations', plan.designations, async (designation) => {
    await designateDraftingState(
      caller(designation.state, 'coordinator'),
      designation.networkId,
      designation.semester,
      body('designateActingState', { state: designation.state, version: 0 }),
      'acting',
      new Date(designation.at),
    );
  });

  await phase('network activities', plan.activities, async (activity) => {
    await recordActivity(
      caller(activity.recordedBy, 'editor'),
      activity.networkId,
      activity.kind,
      body(activityEndpoints[activity.kind], activity.fields),
      new Date(activity.at),
    );
  });

  await phase('arrangements', plan.arrangements, async (arrangement) => {
    const proposed = await proposeArrangement(
      caller(arrangement.proposer, 'coordinator'),
      body('proposeArrangement', arrangement.input),
      new Date(arrangement.at),
    );
    let version = proposed.version;
    for (const party of arrangement.acceptedBy) {
      version = (
        await acceptArrangement(caller(party, 'coordinator'), proposed.id, version, new Date(arrangement.at))
      ).version;
    }
  });

  await phase('contributions', plan.contributions, async (contribution) => {
    const { semester: semesterId, networkId, state } = contribution;
    const draft = body<{ templateVersion: number; version: number; values: Record<string, unknown> }>(
      'saveContribution',
      { templateVersion: currentReportTemplateVersion, version: 0, values: contribution.values },
    );
    const saved = await saveContribution(
      caller(state, 'editor'),
      semesterId,
      networkId,
      state,
      draft,
      new Date(contribution.savedAt),
    );
    if (contribution.submittedAt) {
      await submitContribution(
        caller(state, 'coordinator'),
        semesterId,
        networkId,
        state,
        saved.version,
        new Date(contribution.submittedAt),
      );
    }
  });

  // The earlier semesters were closed at their boundary. Their reports are not generated here: the
  // benchmark measures exactly that for the last semester, and no measured read depends on them. So
  // that the next close job does not take them for a close whose request was lost, their generation
  // is recorded as asked for.
  // The calendar's semesters before the data set's two years are closed the same way.
  const earlier = (await SemesterRepository.list())
    .map((record) => record.semester)
    .filter((id) => id < plan.semesters.closing);
  for (const semesterId of earlier) {
    await SemesterRepository.close(semesterId, semester(semesterId).endsAt);
    await SemesterRepository.reportsRequested(semesterId);
  }
  progress(`  closed ${earlier.join(', ')}`);
  return { plan, secondments, seconds: (Date.now() - started) / 1000 };
}

/** The generator's options, and any `extra` ones of the caller (answered in `rest`). */
export function parseGeneratorArgs(
  args: string[],
  extra: Record<string, { type: 'string' | 'boolean' }> = {},
): GeneratorOptions & { rest: Record<string, string | boolean | undefined> } {
  const { values } = parseArgs({
    args,
    options: {
      scale: { type: 'string' },
      seed: { type: 'string' },
      semester: { type: 'string' },
      ...extra,
    },
  });
  const scale = values.scale === undefined ? defaultGeneratorOptions.scale : Number(values.scale);
  const seed = values.seed === undefined ? defaultGeneratorOptions.seed : Number(values.seed);
  const semesterId = String(values.semester ?? defaultGeneratorOptions.semester);
  if (!(scale > 0 && scale <= 20))
    throw new Error(`--scale must be a number above 0 and at most 20, not ${values.scale}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, not ${values.seed}`);
  if (!isSemesterId(semesterId)) throw new Error(`--semester must look like 2026-H1, not ${semesterId}`);
  return { scale, seed, semester: semesterId as SemesterId, rest: values };
}

/** The stand-alone generator: a data folder `npm start` can serve. */
async function main(): Promise<void> {
  const { startBackingServices, startLocalApp } = await import('../local/runtime.ts');
  const options = parseGeneratorArgs(process.argv.slice(2), { 'data-dir': { type: 'string' } });
  const root = fileURLToPath(new URL('..', import.meta.url));
  const dataDir = resolve(root, String(options.rest['data-dir'] ?? '.data-bench'));
  const plan = planDataset(options);
  console.log(`Benchmark data, seed ${options.seed}, scale ${options.scale}:`, planCounts(plan));
  const services = await startBackingServices({ dataDir, s3Dir: resolve(dataDir, 's3') });
  try {
    const app = await startLocalApp({
      services,
      tableName: process.env.TABLE_NAME ?? 'ilo-network',
      bucket: process.env.REPORTS_BUCKET ?? 'ilo-network-reports',
      keyFile: resolve(dataDir, 'dev-signing-key.json'),
    });
    try {
      // `npm start` on this folder should serve this data, not add its demo data to it.
      await dynamo().send(
        new PutCommand({
          TableName: tableName(),
          Item: {
            pk: 'DEMO',
            sk: 'SECONDMENTS',
            entityType: 'DemoMarker',
            at: plan.clock,
            by: 'bench/generate.ts',
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      const written = await writeDataset(plan, { progress: (line) => console.log(line) });
      console.log(
        `Written in ${written.seconds.toFixed(0)} s into ${dataDir}. Serve it: DATA_DIR=${dataDir} npm start`,
      );
    } finally {
      await app.stop();
    }
  } finally {
    await services.stop();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
