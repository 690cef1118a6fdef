import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3 } from '../../functions/lib/aws.ts';
import { brusselsDate, semesterIdAt } from '../../shared/semesters.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

// The local runtime as `npm start` runs it: report batches generated in worker threads, each its
// own execution environment with its own SDK clients, as Lambda runs the generator.
let app: TestApp;
const tokens: Record<string, string> = {};
const current = semesterIdAt(new Date());
const LAST_YEAR = `${Number(brusselsDate(new Date()).slice(0, 4)) - 1}-03-01`;
const HOSTS = ['BF', 'SN', 'TR'];

beforeAll(async () => {
  app = await startTestApp({ reportWorkers: 2 });
  Object.assign(tokens, await app.loginAll(['DE:editor', 'EC:admin']));
  for (const hostCountry of HOSTS) {
    const created = await app.call('POST', '/api/secondments', {
      token: tokens['DE:editor'],
      body: {
        hostCountry,
        post: { city: 'Capital', mission: 'embassy' },
        authority: 'Border police',
        officer: { name: 'Officer Name' },
        startDate: LAST_YEAR,
        tasks: ['flows'],
      },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const notified = await app.call('POST', `/api/secondments/${created.json.id}/notify`, {
      token: tokens['DE:editor'],
      body: { version: 1 },
    });
    expect(notified.status, JSON.stringify(notified.json)).toBe(200);
  }
});
afterAll(async () => {
  await app?.stop();
});

describe('report generation in worker threads', () => {
  it('generates every network’s report outside the API’s thread', async () => {
    // This thread's S3 client refuses every upload: a report generated here would fail.
    let uploadsHere = 0;
    s3().middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'PutObjectCommand') {
          uploadsHere += 1;
          throw new Error('uploads from the API thread are refused in this test');
        }
        return next(args);
      },
      { step: 'initialize', name: 'refuseUploadsHere' },
    );
    try {
      expect(app.reportWorkers).toBe(2);
      const closed = await app.call('POST', `/api/semesters/${current}/close`, {
        token: tokens['EC:admin'],
        body: { force: true },
      });
      expect(closed.status, JSON.stringify(closed.json)).toBe(200);
      await app.reportQueue.idle();
      expect(app.reportQueue.deadLetters).toEqual([]);
      const reports = await app.call('GET', `/api/semesters/${current}/reports`, {
        token: tokens['EC:admin'],
      });
      expect(reports.json.items.map((r: { networkId: string }) => r.networkId).sort()).toEqual(HOSTS);
      for (const networkId of HOSTS) {
        const report = await app.call('GET', `/api/semesters/${current}/reports/${networkId}`, {
          token: tokens['EC:admin'],
        });
        expect(report.status).toBe(200);
        for (const link of Object.values(report.json.formats) as string[])
          expect((await fetch(link)).status).toBe(200);
      }
      expect(uploadsHere).toBe(0);
    } finally {
      s3().middlewareStack.remove('refuseUploadsHere');
    }
  });
});
