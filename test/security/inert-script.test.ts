import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '#functions/reports/render-html.ts';
import { reportDocumentPolicy } from '#shared/report-style.ts';
import { brusselsDate, previousSemesterId, semester, semesterIdAt } from '#shared/semesters.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { PAYLOADS } from './payloads.ts';
import { completeValues, secondmentFields } from './world.ts';

/** The drafting state's own text: markup too, kept apart so the narratives are checked on their own. */
const ASSESSMENT = '<b>Assessed</b> <script>alert("assessment")</script>';
const ALL = [...PAYLOADS, ASSESSMENT];

let app: TestApp;
const tokens: Record<string, string> = {};
const scratch = mkdtempSync(join(tmpdir(), 'ilo-inert-'));
const previous = previousSemesterId(semesterIdAt(new Date()));
const during = semester(previous).start;
const lastYear = `${Number(brusselsDate(new Date()).slice(0, 4)) - 1}-03-01`;
const files: Record<'html' | 'pdf' | 'docx' | 'json', Buffer> = {} as never;
let inlineHtml = '';

async function call(person: string, method: string, path: string, body?: unknown, status = 200) {
  const answer = await app.call(method, path, { token: tokens[person], ...(body ? { body } : {}) });
  expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.json)}`).toBe(status);
  return answer.json;
}

beforeAll(async () => {
  app = await startTestApp();
  for (const person of ['DE:editor', 'DE:coordinator', 'FR:editor', 'EC:admin']) {
    const [organisation, role] = person.split(':') as [string, string];
    tokens[person] = await app.login(organisation, role);
  }
  for (const state of ['DE', 'DE', 'FR']) {
    const created = await call(
      `${state}:editor`,
      'POST',
      '/api/secondments',
      secondmentFields('BF', lastYear),
      201,
    );
    await call(`${state}:editor`, 'POST', `/api/secondments/${created.id}/notify`, { version: 1 });
  }
  // Every kind of text that reaches the report: narratives, table cells, records, the arrangement's
  // scope and the drafting state's assessment.
  const narratives = ['A2.text', 'A9.text', 'B1.text', 'B3.text', 'B4.text', 'B6.text', 'B7.text', 'A8.text'];
  const values = {
    ...completeValues,
    ...Object.fromEntries(narratives.map((field, i) => [field, PAYLOADS[i]])),
  };
  const contribution = `/api/semesters/${previous}/networks/BF/contributions`;
  await call('DE:editor', 'PUT', `${contribution}/DE`, { templateVersion: 1, version: 0, values });
  // Only submitted contributions make the report.
  await call('DE:coordinator', 'POST', `${contribution}/DE/submit`, { version: 1 });
  await call('FR:editor', 'PUT', `${contribution}/FR`, {
    templateVersion: 1,
    version: 0,
    values: completeValues,
  });
  await call(
    'DE:editor',
    'POST',
    '/api/networks/BF/meetings',
    {
      date: during,
      convenedBy: 'DE',
      participants: ['DE', 'FR'],
      commissionPresent: true,
      ebcgPresent: true,
      topics: [PAYLOADS[1]],
      summary: PAYLOADS[0],
    },
    201,
  );
  await call(
    'DE:coordinator',
    'POST',
    '/api/arrangements',
    {
      kind: 'representation',
      parties: ['DE', 'FR'],
      hostCountries: ['BF'],
      scope: PAYLOADS[2],
      validFrom: during,
    },
    201,
  );
  await call('EC:admin', 'POST', `/api/semesters/${previous}/close`, {});
  await app.reportQueue.idle();
  const report = await call('DE:coordinator', 'GET', `/api/semesters/${previous}/reports/BF`);
  const assessed = await call('DE:coordinator', 'PUT', `/api/semesters/${previous}/reports/BF/assessment`, {
    assessment: ASSESSMENT,
    revision: report.revision,
  });
  const finalised = await call('DE:coordinator', 'POST', `/api/semesters/${previous}/reports/BF/finalise`, {
    revision: assessed.revision,
  });
  for (const format of ['html', 'pdf', 'docx', 'json'] as const) {
    const answer = await fetch(finalised.formats[format]);
    expect(answer.status).toBe(200);
    files[format] = Buffer.from(await answer.arrayBuffer());
  }
  inlineHtml = (await call('EC:admin', 'GET', `/api/semesters/${previous}/reports/BF/html`)).html;
}, 120_000);

afterAll(async () => {
  await app?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** One entry of a zip file (a DOCX is one), read from its central directory. */
function unzipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + extra;
  }
  throw new Error(`${name} is not in the zip`);
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe('script and markup typed by the states stay inert in every report format', () => {
  it('the HTML escapes every payload, has no element the states did not get from the template, and carries its own policy', () => {
    for (const html of [files.html.toString('utf8'), inlineHtml]) {
      for (const payload of ALL) {
        expect(html).toContain(escapeHtml(payload));
        expect(html).not.toContain(payload);
      }
      expect(html).not.toMatch(/<(script|img|svg|iframe|a|object|embed|link|base|form)\b/i);
      expect(html.match(/<style\b/gi)).toHaveLength(1);
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${reportDocumentPolicy}">`);
    }
    expect(reportDocumentPolicy).toMatch(/default-src 'none'/);
    expect(reportDocumentPolicy).not.toMatch(/script-src|unsafe/);
  });

  it('the PDF shows each payload as the literal text it was', () => {
    const pdf = join(scratch, 'report.pdf');
    writeFileSync(pdf, files.pdf);
    const text = oneLine(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
    for (const payload of ALL) expect(text).toContain(oneLine(payload));
  });

  it('the DOCX holds each payload as escaped text, not as markup', () => {
    const xml = unzipEntry(files.docx, 'word/document.xml');
    expect(xml).not.toMatch(/<(script|img|svg|iframe|style)\b/i);
    // The document's text, from its text runs, as Word reads it.
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((match) => match[1] ?? '')
      .join('')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&apos;', "'")
      .replaceAll('&amp;', '&');
    for (const payload of ALL) expect(text).toContain(payload);
  });

  it('the JSON keeps the text as data', () => {
    const json = JSON.parse(files.json.toString('utf8'));
    const all = JSON.stringify(json);
    for (const payload of PAYLOADS) expect(all).toContain(JSON.stringify(payload).slice(1, -1));
    expect(json.assessment).toBe(ASSESSMENT);
  });
});
