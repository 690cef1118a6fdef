/**
 * `npm start`: the whole product on this machine. DynamoDB Local and s3rver keep their data under
 * DATA_DIR (default .data/), the same handler code answers at http://127.0.0.1:PORT/api, and the
 * built web app is served on the same origin. Ctrl-C stops everything.
 */
import './process-defaults.ts';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jobs } from '#functions/routes.ts';
import { hasDemoData, seedDemoSecondments } from './demo-data.ts';
import { type BackingServices, type LocalApp, startBackingServices, startLocalApp } from './runtime.ts';
import { startLocalScheduler } from './scheduler.ts';
import { assertJava } from './servers/dynamodb-local.ts';
import { LocalSetupError } from './servers/errors.ts';
import { portInUse } from './servers/ports.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = resolve(root, process.env.DATA_DIR ?? '.data');
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

export const demoSignIns = [
  'DE editor',
  'DE coordinator',
  'FR editor',
  'IE coordinator (2026-H2 Presidency)',
  'EC admin',
  'COUNCIL reader',
  'EP reader',
];

async function main(): Promise<void> {
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new LocalSetupError(`PORT must be a number from 1 to 65535, not "${process.env.PORT}".`);
  }
  if (await portInUse(port, host)) {
    throw new LocalSetupError(
      `Port ${port} is already in use: stop the program using it, or start on another port with PORT=${port + 1} npm start.`,
    );
  }
  assertJava();
  const started = Date.now();
  console.log(`Starting the ILO Network Platform (data in ${dataDir}) ...`);
  let services: BackingServices | undefined;
  let app: LocalApp | undefined;
  let scheduler: { stop(): void } | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping ...`);
    scheduler?.stop();
    await app?.stop();
    await services?.stop();
    console.log('Stopped. Your data is kept in', dataDir);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  services = await startBackingServices({ dataDir, s3Dir: resolve(dataDir, 's3') });
  app = await startLocalApp({
    services,
    tableName: process.env.TABLE_NAME ?? 'ilo-network',
    bucket: process.env.REPORTS_BUCKET ?? 'ilo-network-reports',
    keyFile: resolve(dataDir, 'dev-signing-key.json'),
    host,
    port,
    webDir: resolve(root, 'web/dist'),
    deadLetterFile: resolve(dataDir, 'report-dead-letters.jsonl'),
    queueJournalFile: resolve(dataDir, 'report-queue.jsonl'),
    log: (line) => console.log(line),
  });
  console.log(`
ILO Network Platform is running (started in ${((Date.now() - started) / 1000).toFixed(1)} s)

  Web app:  ${app.baseUrl}/
  API:      ${app.baseUrl}/api   (contract: ${app.baseUrl}/api/openapi.json)
  Data:     ${dataDir}   (DynamoDB Local at ${services.dynamoEndpoint}, S3 at ${services.s3Endpoint})

Sign in on the web app's sign-in page as any organisation and role, for example:
${demoSignIns.map((s) => `  - ${s}`).join('\n')}
Or as a person of the demo directory, by e-mail (DE's coordinator: katrin.vogel@de.demo.ilo-network.example).
From a shell:
  curl -s -X POST ${app.baseUrl}/api/dev/login -H 'content-type: application/json' -d '{"organisation":"DE","role":"editor"}'

Press Ctrl-C to stop.`);
  if (!(await hasDemoData())) {
    console.log('Writing the demo data (secondments, network activity, contributions) ...');
    const demo = await seedDemoSecondments(new Date());
    console.log(`Demo data written: ${demo} notified secondments and what goes with them.`);
  }
  const { handler: erasePersonalData } = await import('#functions/handlers/erase-personal-data.ts');
  const { handler: closeSemesters } = await import('#functions/handlers/close-semesters.ts');
  const { handler: sendReminders } = await import('#functions/handlers/send-reminders.ts');
  const { handler: draftAnnualSummary } = await import('#functions/handlers/draft-annual-summary.ts');
  // The schedules of the jobs table, which the stack's rules read too; run at start-up to catch up.
  scheduler = startLocalScheduler(
    [
      { name: 'close-semesters', schedule: jobs.closeSemesters.schedule, run: closeSemesters },
      { name: 'erase-personal-data', schedule: jobs.erasePersonalData.schedule, run: erasePersonalData },
      { name: 'send-reminders', schedule: jobs.sendReminders.schedule, run: sendReminders },
      {
        name: 'draft-annual-summary',
        schedule: jobs.draftAnnualSummary.schedule,
        // After the reports the close asked for have been generated.
        run: async (event) => {
          await app?.reportQueue.idle();
          return draftAnnualSummary(event);
        },
      },
    ],
    (line) => console.log(line),
  );
}

main().catch((error: unknown) => {
  if (error instanceof LocalSetupError) console.error(`Cannot start: ${error.message}`);
  else console.error('Cannot start:', error);
  process.exit(1);
});
