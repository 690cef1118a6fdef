import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo } from '../../functions/lib/aws.ts';
import { brusselsDate, semesterIdAt } from '../../shared/semesters.ts';
import { requiredContributionValues } from '../fixtures/contribution-values.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

// A submit racing the semester close: either submitted before the close (and in the report the close
// generates) or refused with 409 semester_closed and left a draft. Never a submission the close missed.
let app: TestApp;
const tokens: Record<string, string> = {};
const states = ['DE', 'FR', 'NL'] as const;
const people = [...states.flatMap((s) => [`${s}:editor`, `${s}:coordinator`]), 'EC:admin'];
const today = brusselsDate(new Date());
const LAST_YEAR = `${Number(today.slice(0, 4)) - 1}-03-01`;
const current = semesterIdAt(new Date());

const requiredValues = requiredContributionValues;

/** The semesters after `from`, in order. */
function semestersFrom(from: string, count: number): string[] {
  const ids: string[] = [];
  let [year, half] = [Number(from.slice(0, 4)), from.endsWith('H1') ? 1 : 2];
  for (let i = 0; i < count; i++) {
    ids.push(`${year}-H${half}`);
    [year, half] = half === 1 ? [year, 2] : [year + 1, 1];
  }
  return ids;
}

const contributionPath = (semester: string, state: string) =>
  `/api/semesters/${semester}/networks/BF/contributions/${state}`;

async function saveDraft(semester: string, state: string) {
  const saved = await app.call('PUT', contributionPath(semester, state), {
    token: tokens[`${state}:editor`],
    body: { templateVersion: 1, version: 0, values: requiredValues },
  });
  expect(saved.status, JSON.stringify(saved.json)).toBe(200);
}

const submit = (semester: string, state: string) =>
  app.call('POST', `${contributionPath(semester, state)}/submit`, {
    token: tokens[`${state}:coordinator`],
    body: { version: 1 },
  });

const close = (semester: string) =>
  app.call('POST', `/api/semesters/${semester}/close`, { token: tokens['EC:admin'], body: { force: true } });

/** The states the BF report of a semester counts as having contributed (latest version). */
async function contributedInReport(semester: string): Promise<string[]> {
  await app.reportQueue.idle();
  const report = await app.call('GET', `/api/semesters/${semester}/reports/BF`, {
    token: tokens['EC:admin'],
  });
  expect(report.status, JSON.stringify(report.json)).toBe(200);
  const json = await fetch(report.json.formats.json).then(
    (r) => r.json() as Promise<{ annex: { contributed: string[] } }>,
  );
  return json.annex.contributed;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  app = await startTestApp();
  Object.assign(tokens, await app.loginAll(people));
  // Members of the Burkina Faso network in this semester and every later one.
  for (const state of states) {
    const created = await app.call('POST', '/api/secondments', {
      token: tokens[`${state}:editor`],
      body: {
        hostCountry: 'BF',
        post: { city: 'Ouagadougou', mission: 'embassy' },
        authority: 'Police',
        officer: { name: 'Officer' },
        startDate: LAST_YEAR,
        tasks: ['flows'],
      },
    });
    expect(created.status).toBe(201);
    const notify = await app.call('POST', `/api/secondments/${created.json.id}/notify`, {
      token: tokens[`${state}:editor`],
      body: { version: 1 },
    });
    expect(notify.status).toBe(200);
  }
});
afterAll(async () => {
  await app?.stop();
});

describe('a submit racing the semester close', () => {
  const [held, ...rounds] = semestersFrom(current, 7) as [string, ...string[]];

  it('is refused when the close lands between its read and its write, as is a network activity', async () => {
    // Both have read the semester open and are about to write when the close commits.
    await saveDraft(held, 'DE');
    const writes = ['"submitted"', 'ACTIVITY#'];
    const reached: (() => void)[] = [];
    const atWrite = writes.map((_, i) => new Promise<void>((resolve) => (reached[i] = resolve)));
    let releaseWrites!: () => void;
    const released = new Promise<void>((resolve) => {
      releaseWrites = resolve;
    });
    dynamo().middlewareStack.add(
      (next, context) => async (args) => {
        const input = JSON.stringify(args.input);
        const held = writes.findIndex((marker) => input.includes(marker));
        if (context.commandName === 'TransactWriteItemsCommand' && held >= 0) {
          reached[held]?.();
          await released;
        }
        return next(args);
      },
      { step: 'initialize', name: 'holdTheWrites' },
    );
    try {
      const submitting = submit(held, 'DE');
      const recording = app.call('POST', '/api/networks/BF/meetings', {
        token: tokens['FR:editor'],
        body: {
          date: today,
          convenedBy: 'FR',
          participants: ['DE', 'FR'],
          commissionPresent: true,
          ebcgPresent: true,
          topics: ['Routes'],
          summary: 'Held until the close.',
        },
      });
      await Promise.all(atWrite);
      expect((await close(held)).status).toBe(200);
      releaseWrites();
      for (const refused of [await submitting, await recording]) {
        expect(refused.status, JSON.stringify(refused.json)).toBe(409);
        expect(refused.json.error.code).toBe('semester_closed');
      }
    } finally {
      dynamo().middlewareStack.remove('holdTheWrites');
    }
    const stored = await app.call('GET', contributionPath(held, 'DE'), { token: tokens['EC:admin'] });
    expect(stored.json).toMatchObject({ status: 'draft', version: 1, lock: 'semester_closed' });
    expect(stored.json.records.meetings).toEqual([]);
    expect(await contributedInReport(held)).toEqual([]);
  });

  it(`is either in before the close or refused, over ${rounds.length} rounds`, async () => {
    const outcomes = new Set<string>();
    for (const [round, semester] of rounds.entries()) {
      for (const state of states) await saveDraft(semester, state);
      // Staggered starts, so that the close falls before, between and after the submits' steps.
      const closing = sleep(round * 3).then(() => close(semester));
      const submits = await Promise.all(
        states.map((state, i) => sleep(((round + i) % 4) * 4).then(() => submit(semester, state))),
      );
      expect((await closing).status).toBe(200);
      const submitted: string[] = [];
      for (const [i, state] of states.entries()) {
        const answer = submits[i];
        const stored = await app.call('GET', contributionPath(semester, state), {
          token: tokens['EC:admin'],
        });
        if (answer?.status === 200) {
          submitted.push(state);
          expect(stored.json).toMatchObject({ status: 'submitted', late: false, version: 2 });
          outcomes.add('submitted');
        } else {
          expect(answer?.status, JSON.stringify(answer?.json)).toBe(409);
          expect(answer?.json.error.code).toBe('semester_closed');
          expect(stored.json).toMatchObject({ status: 'draft', version: 1 });
          outcomes.add('refused');
        }
      }
      expect(await contributedInReport(semester)).toEqual(submitted);
    }
    // Not a proof of every interleaving, but both outcomes were seen.
    expect([...outcomes].sort()).toEqual(['refused', 'submitted']);
  });
});
