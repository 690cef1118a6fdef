import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as draftAnnualSummary } from '../../functions/handlers/draft-annual-summary.ts';
import { handler as generateReports } from '../../functions/handlers/generate-reports.ts';
import { s3 } from '../../functions/lib/aws.ts';
import type { ReportDocument } from '../../shared/reports.ts';
import { brusselsDate, semesterIdAt } from '../../shared/semesters.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;
const tokens: Record<string, string> = {};
const people = [
  'DE:editor',
  'DE:coordinator',
  'FR:editor',
  'FR:coordinator',
  'EC:admin',
  'COUNCIL:reader',
  'EP:reader',
  'NL:editor',
];
const current = semesterIdAt(new Date());
const LAST_YEAR = `${Number(brusselsDate(new Date()).slice(0, 4)) - 1}-03-01`;
const OFFICER = 'Zuzana Nováková-Officer';
const values = {
  'A2.text': 'Weekly exchanges: Č, ł, Ő, Ελλάδα, България.',
  'A9.text': '<script>alert(1)</script>',
  'B1.text': 'Flows remain high.',
  'B1.flows': [{ nationality: 'NE', originOrTransit: 'transit', estimatedVolume: 120, trend: 'increasing' }],
  'B4.text': 'A new route.',
  'C.personsNotBoarded': 7,
  'C.fraudulentDocuments': 3,
  'C.returnsFacilitated': 1,
  'C.trainingSessions': 1,
  'C.trainingParticipants': 9,
  'C.meetings': 2,
};

async function post(as: string, hostCountry: string) {
  const created = await app.call('POST', '/api/secondments', {
    token: tokens[as],
    body: {
      hostCountry,
      post: { city: 'Capital', mission: 'embassy' },
      authority: 'Police',
      officer: { name: OFFICER, email: 'z.novakova@example.eu' },
      startDate: LAST_YEAR,
      tasks: ['flows'],
    },
  });
  expect(created.status).toBe(201);
  await app.call('POST', `/api/secondments/${created.json.id}/notify`, {
    token: tokens[as],
    body: { version: 1 },
  });
}

async function contribute(state: string, net: string, submit: boolean) {
  const path = `/api/semesters/${current}/networks/${net}/contributions/${state}`;
  const saved = await app.call('PUT', path, {
    token: tokens[`${state}:editor`],
    body: { templateVersion: 1, version: 0, values },
  });
  expect(saved.status, JSON.stringify(saved.json)).toBe(200);
  if (submit) {
    const submitted = await app.call('POST', `${path}/submit`, {
      token: tokens[`${state}:coordinator`],
      body: { version: saved.json.version },
    });
    expect(submitted.status).toBe(200);
  }
}

const pdfText = (pdf: Buffer) => {
  const file = join(mkdtempSync(join(tmpdir(), 'report-')), 'r.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
};

beforeAll(async () => {
  app = await startTestApp();
  Object.assign(tokens, await app.loginAll(people));
  // Burkina Faso (BF): DE with two ILOs drafts (the Presidency has none there), FR is late.
  await post('DE:editor', 'BF');
  await post('DE:editor', 'BF');
  await post('FR:editor', 'BF');
  // Ghana (GH): only NL; its generation will meet an S3 failure.
  await post('NL:editor', 'GH');
  await contribute('DE', 'BF', true);
  await contribute('FR', 'BF', false);
  // A regional network over both: it gets a report of its own.
  const region = await app.call('PUT', '/api/regional-networks/R-west-africa', {
    token: tokens['EC:admin'],
    body: { name: 'West Africa', hostCountries: ['BF', 'GH'], version: 0 },
  });
  expect(region.status).toBe(200);
});
afterAll(async () => {
  await app?.stop();
});

/** The states the semester page (`GET /api/semesters/{id}`) calls late in one network. */
async function semesterPageLate(networkId: string): Promise<string[]> {
  const detail = await app.call('GET', `/api/semesters/${current}`, { token: tokens['EC:admin'] });
  expect(detail.status).toBe(200);
  return detail.json.networks.find((n: { networkId: string }) => n.networkId === networkId)?.late;
}

describe('semester close and report generation', () => {
  it('closes once when asked twice at once, and generates one report per network, the failed one on retry', async () => {
    // S3 refuses the first upload of GH's files: that report must not be recorded until the retry.
    let failuresLeft = 1;
    s3().middlewareStack.add(
      (next, context) => async (args) => {
        const key = String((args.input as { Key?: string }).Key ?? '');
        if (context.commandName === 'PutObjectCommand' && key.includes('/GH/') && failuresLeft > 0) {
          failuresLeft -= 1;
          throw Object.assign(new Error('S3 is unavailable'), {
            name: 'ServiceUnavailable',
            $fault: 'server',
          });
        }
        return next(args);
      },
      { step: 'initialize', name: 'failOneGhanaUpload' },
    );
    const closes = await Promise.all(
      [1, 2].map(() =>
        app.call('POST', `/api/semesters/${current}/close`, {
          token: tokens['EC:admin'],
          body: { force: true },
        }),
      ),
    );
    expect(closes.map((c) => c.status)).toEqual([200, 200]);
    await app.reportQueue.idle();
    s3().middlewareStack.remove('failOneGhanaUpload');
    expect(failuresLeft).toBe(0);
    expect(app.reportQueue.deadLetters).toEqual([]);

    const list = await app.call('GET', `/api/semesters/${current}/reports`, { token: tokens['EC:admin'] });
    expect(
      list.json.items.map((r: { networkId: string; version: number }) => [r.networkId, r.version]),
    ).toEqual([
      ['BF', 1],
      ['GH', 1],
      ['R-west-africa', 1],
    ]);
    expect(list.json.items[0]).toMatchObject({
      status: 'generated',
      draftingState: { state: 'DE', reason: 'fallback' },
    });
  });

  it('writes the report in every format, with the contents of the contributions and no personal data', async () => {
    const report = await app.call('GET', `/api/semesters/${current}/reports/BF`, {
      token: tokens['DE:coordinator'],
    });
    expect(report.status).toBe(200);
    expect(report.json.allowed).toEqual(['assess', 'finalise']);
    const json = (await (await fetch(report.json.formats.json)).json()) as ReportDocument;
    expect(json.annex).toEqual({ contributed: ['DE'], missing: ['FR'], late: ['FR'] });
    expect(await semesterPageLate('BF'), 'late on the semester page as in the annex').toEqual(
      json.annex.late,
    );
    expect(json.sections.find((s) => s.id === 'C')?.figures[0]).toMatchObject({
      total: 7,
      byState: { DE: 7 },
    });
    const html = await (await fetch(report.json.formats.html)).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const inline = await app.call('GET', `/api/semesters/${current}/reports/BF/html`, {
      token: tokens['FR:editor'],
    });
    expect(inline.json).toEqual({ version: 1, html });
    const pdfResponse = await fetch(report.json.formats.pdf);
    expect(pdfResponse.status).toBe(200);
    const text = pdfText(Buffer.from(await pdfResponse.arrayBuffer()));
    for (const sample of ['Part A — Network activities', 'Ελλάδα', 'България', 'Č, ł, Ő'])
      expect(text).toContain(sample);
    const docx = Buffer.from(await (await fetch(report.json.formats.docx)).arrayBuffer());
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    for (const document of [JSON.stringify(json), html, text]) {
      expect(document).not.toContain('Nováková');
      expect(document).not.toContain('z.novakova@example.eu');
    }
  });

  it('is read by members and the Commission until finalised, not by the Council or Parliament', async () => {
    expect(
      (await app.call('GET', `/api/semesters/${current}/reports/BF`, { token: tokens['COUNCIL:reader'] }))
        .status,
    ).toBe(403);
    const council = await app.call('GET', `/api/semesters/${current}/reports`, {
      token: tokens['COUNCIL:reader'],
    });
    expect(council.json.items).toEqual([]);
    expect(
      (await app.call('GET', `/api/semesters/${current}/reports/BF`, { token: tokens['NL:editor'] })).status,
    ).toBe(403);
  });

  it('serves each file through a lasting route: a fresh redirect for readers, 403 and 404 otherwise', async () => {
    const route = (format: string, version = 1) =>
      `/api/semesters/${current}/reports/BF/files/${version}/${format}`;
    const direct = await app.call('GET', `/api/semesters/${current}/reports/BF`, {
      token: tokens['FR:editor'],
    });
    const redirect = await app.call('GET', route('pdf'), { token: tokens['FR:editor'] });
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get('location') ?? '';
    expect(redirect.json).toEqual({ location });
    const viaRoute = Buffer.from(await (await fetch(location)).arrayBuffer());
    const viaReport = Buffer.from(await (await fetch(direct.json.formats.pdf)).arrayBuffer());
    expect(viaRoute.subarray(0, 5).toString()).toBe('%PDF-');
    expect(viaRoute.equals(viaReport)).toBe(true);
    // Who may not read the report is refused by the route, not by an expired signature.
    expect((await app.call('GET', route('pdf'), { token: tokens['COUNCIL:reader'] })).status).toBe(403);
    expect((await app.call('GET', route('docx'), { token: tokens['NL:editor'] })).status).toBe(403);
    expect((await app.call('GET', route('pdf', 99), { token: tokens['FR:editor'] })).status).toBe(404);
    expect((await app.call('GET', route('exe'), { token: tokens['FR:editor'] })).status).toBe(400);
  });

  it('generates nothing new for the same inputs, even with two generators at once', async () => {
    const message = (id: string) => ({
      messageId: id,
      receiptHandle: id,
      body: JSON.stringify({ semester: current, networkId: 'BF' }),
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: String(Date.now()),
        SenderId: 'TEST',
        ApproximateFirstReceiveTimestamp: String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:eu-west-1:000000000000:report-generation',
      awsRegion: 'eu-west-1',
    });
    await Promise.all([
      generateReports({ Records: [message('a')] }),
      generateReports({ Records: [message('b')] }),
    ]);
    const report = await app.call('GET', `/api/semesters/${current}/reports/BF`, {
      token: tokens['EC:admin'],
    });
    expect(report.json.versions.map((v: { version: number }) => v.version)).toEqual([1]);
  });

  it('makes a new version for a late contribution accepted under an exception, keeping the old one', async () => {
    const path = `/api/semesters/${current}/networks/BF/contributions/FR`;
    const reopened = await app.call('POST', `${path}/reopen`, {
      token: tokens['DE:coordinator'],
      body: { version: 1 },
    });
    expect(reopened.status, JSON.stringify(reopened.json)).toBe(200);
    const submitted = await app.call('POST', `${path}/submit`, {
      token: tokens['FR:coordinator'],
      body: { version: 2 },
    });
    expect(submitted.json).toMatchObject({ status: 'submitted', late: true });
    await app.reportQueue.idle();
    const report = await app.call('GET', `/api/semesters/${current}/reports/BF`, {
      token: tokens['EC:admin'],
    });
    expect(report.json.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const json = (await (await fetch(report.json.formats.json)).json()) as ReportDocument;
    expect(json.annex).toEqual({ contributed: ['DE', 'FR'], missing: [], late: ['FR'] });
    expect(await semesterPageLate('BF'), 'late on the semester page as in the annex').toEqual(
      json.annex.late,
    );
    const first = await app.call('GET', `/api/semesters/${current}/reports/BF?version=1`, {
      token: tokens['EC:admin'],
    });
    const firstJson = (await (await fetch(first.json.formats.json)).json()) as ReportDocument;
    expect(firstJson.annex.missing).toEqual(['FR']);
  });

  it("takes the drafting state's assessment and finalises; then the Council and Parliament read it", async () => {
    const latest = await app.call('GET', `/api/semesters/${current}/reports/BF`, {
      token: tokens['DE:coordinator'],
    });
    expect(
      (
        await app.call('PUT', `/api/semesters/${current}/reports/BF/assessment`, {
          token: tokens['FR:coordinator'],
          body: { assessment: 'Not ours', revision: latest.json.revision },
        })
      ).status,
    ).toBe(403);
    const assessed = await app.call('PUT', `/api/semesters/${current}/reports/BF/assessment`, {
      token: tokens['DE:coordinator'],
      body: {
        assessment: 'The network worked well; routes through Niger need attention.',
        revision: latest.json.revision,
      },
    });
    expect(assessed.status).toBe(200);
    const stale = await app.call('POST', `/api/semesters/${current}/reports/BF/finalise`, {
      token: tokens['DE:coordinator'],
      body: { revision: latest.json.revision },
    });
    expect(stale.status).toBe(409);
    const finalised = await app.call('POST', `/api/semesters/${current}/reports/BF/finalise`, {
      token: tokens['DE:coordinator'],
      body: { revision: assessed.json.revision },
    });
    expect(finalised.status, JSON.stringify(finalised.json)).toBe(200);
    expect(finalised.json).toMatchObject({ status: 'finalised', version: 3, allowed: [] });
    const html = await (await fetch(finalised.json.formats.html)).text();
    expect(html).toContain('routes through Niger need attention');
    for (const as of ['COUNCIL:reader', 'EP:reader']) {
      const read = await app.call('GET', `/api/semesters/${current}/reports/BF`, { token: tokens[as] });
      expect(read.status, as).toBe(200);
      expect(
        read.json.versions.map((v: { readable: boolean }) => v.readable),
        as,
      ).toEqual([false, false, true]);
    }
    const older = await app.call('GET', `/api/semesters/${current}/reports/BF?version=2`, {
      token: tokens['DE:coordinator'],
    });
    expect(older.json.allowed).toEqual([]);
  });

  it("drafts the Commission's annual summary once H2 is closed, from the year's reports", async () => {
    const year = Number(current.slice(0, 4));
    const result = await draftAnnualSummary({ time: new Date().toISOString() });
    if (!current.endsWith('H2')) {
      // In the first half of a year this year's H2 is still open: nothing is drafted for it.
      expect(result).not.toMatchObject({ year, outcome: 'generated' });
      return;
    }
    expect(result).toMatchObject({ year, outcome: 'generated', version: 1 });
    expect(await draftAnnualSummary({ time: new Date().toISOString() })).toMatchObject({
      outcome: 'unchanged',
    });
    expect(
      (await app.call('GET', `/api/annual-summaries/${year}`, { token: tokens['DE:coordinator'] })).status,
    ).toBe(403);
    const summary = await app.call('GET', `/api/annual-summaries/${year}`, { token: tokens['EP:reader'] });
    expect(summary.status).toBe(200);
    expect(summary.json.summary.overall).toMatchObject({
      networks: 3,
      figures: { 'C.personsNotBoarded': 14 },
    });
    expect(
      summary.json.summary.networks.find((n: { networkId: string }) => n.networkId === 'BF').ilosByState,
    ).toEqual({ DE: 2, FR: 1 });
    expect(
      summary.json.summary.reports.map(
        (r: { networkId: string; version: number }) => `${r.networkId}v${r.version}`,
      ),
    ).toEqual(['BFv3', 'GHv1', 'R-west-africav1']);
    const pdf = Buffer.from(await (await fetch(summary.json.formats.pdf)).arrayBuffer());
    expect(pdfText(pdf)).toContain(`Annual summary of the ILO networks — ${year}`);
  });
});
