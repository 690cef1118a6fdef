import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReportDocx } from '../../functions/reports/render-docx.ts';
import { renderReportHtml } from '../../functions/reports/render-html.ts';
import { renderReportPdf } from '../../functions/reports/render-pdf.ts';
import { buildReport } from '../../functions/reports/report-builder.ts';
import { fullScaleReportInputs } from '../fixtures/full-scale-report.ts';
import { reportInputs } from '../fixtures/report-inputs.ts';

const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';
const report = buildReport({
  ...reportInputs,
  contributions: reportInputs.contributions.map((c) =>
    c.state === 'DE' ? { ...c, values: { ...c.values, 'A9.text': hostile } } : c,
  ),
});
const scripts = ['Č', 'ł', 'Ő', 'Ελλάδα', 'България'];

describe('the report documents', () => {
  it('HTML: readable headings, names, totals; script in a narrative stays inert text', () => {
    const html = renderReportHtml(report);
    expect(html).toContain('<h2>Part A — Network activities</h2>');
    expect(html).toContain('A2. Exchange of information and practice');
    expect(html).toContain('Germany — the member with the most ILOs');
    for (const text of scripts) expect(html).toContain(text);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('LIMITE');
  });

  it('HTML: column headings are the template labels, choices and totals in words', () => {
    const html = renderReportHtml(report);
    expect(html).toContain('<th scope="col">Origin or transit</th>');
    expect(html).toContain('<th scope="col">Estimated volume</th>');
    expect(html).not.toContain('>originOrTransit<');
    expect(html).toContain('Total estimated volume: 400');
    expect(html).toContain('<td>Increasing</td>');
    expect(html).not.toContain('<td>increasing</td>');
    expect(html).toMatch(/generated \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} \(Brussels time\)/);
    expect(html).toContain('1 January 2026 to 30 June 2026');
  });

  it('PDF: headings, the marking and page numbers, and every EU script right with the embedded font', async () => {
    const pdf = await renderReportPdf(report);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    for (const heading of [
      'Part A — Network activities',
      'Part B — Situation in the host country',
      'Part C — Figures',
      'Annex — Contributions',
    ]) {
      expect(text).toContain(heading);
    }
    for (const sample of scripts) expect(text).toContain(sample);
    expect(text).toContain('LIMITE');
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain(hostile.slice(0, 20)); // shown as text, never run
    // Real tables with column headings, in words; no bullet rows of pipes, no field ids, no ISO dates.
    const flat = text.replace(/\s+/g, ' '); // table cells wrap their words over lines
    for (const heading of ['Nationality', 'Origin or transit', 'Estimated', 'Trend'])
      expect(flat).toContain(heading);
    expect(text).not.toMatch(/•.*\|/);
    expect(text).not.toMatch(/originOrTransit|estimatedVolume|Total —/);
    expect(flat).toContain('Total estimated volume: 400');
    expect(text).toContain('Increasing');
    expect(flat).toContain('1 January 2026 to 30 June 2026');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(flat).toMatch(/Germany: 3 ILOs, 2 posts; France: 1 ILO, 1 post/);
    expect(text).not.toContain('(s)');
    expect(flat).toContain('(Brussels time)');
    // Tagged (PDF/UA-1): title and language set, headings and tables in the structure tree.
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/PDF version:\s+1\.7/);
    expect(info).toMatch(/Title:\s+ILO network T/);
    const struct = execFileSync('pdfinfo', ['-struct', file], { encoding: 'utf8' });
    for (const tag of ['H1', 'H2', 'H3', 'Table', 'TR', 'TH', 'TD'])
      expect(struct).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));
    expect(struct.indexOf('H1')).toBeLessThan(struct.indexOf('H2'));
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
    // Page 1 as a picture, kept as a test artefact for a person to look at.
    mkdirSync('test-results', { recursive: true });
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      'test-results/report-page-1',
    ]);
  });

  it('DOCX: an editable Word document', async () => {
    const docx = await renderReportDocx(report);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(docx.includes(Buffer.from('word/document.xml'))).toBe(true);
    expect(docx.length).toBeGreaterThan(5000);
    const dir = mkdtempSync(join(tmpdir(), 'report-docx-'));
    const file = join(dir, 'report.docx');
    writeFileSync(file, docx);
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('Origin or transit');
    expect(xml).not.toContain('originOrTransit');
    expect(xml).toContain('Total estimated volume: 400');
    expect(xml).toContain('Increasing');
  });

  it('PDF of the largest network at full scale: tables continue over pages under their heading row', async () => {
    const large = buildReport(fullScaleReportInputs());
    const pdf = await renderReportPdf(large);
    mkdirSync('test-results/full-scale-report', { recursive: true });
    const file = 'test-results/full-scale-report/report.pdf';
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(5);
    // The flows table is longer than a page: every page it reaches starts again with its heading row.
    const flows = large.sections.find((s) => s.id === 'B1')?.tables[0];
    expect(flows?.rows.length).toBeGreaterThan(40);
    const pageTexts = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    }).split('\f');
    const withFlows = pageTexts.flatMap((t, i) => (/Origin or\s+transit/.test(t) ? [i + 1] : []));
    expect(withFlows.length).toBeGreaterThan(1);
    for (const page of withFlows) expect(pageTexts[page - 1]).toMatch(/State\s+Nationality/);
    // Page images for a person to look at (test-results/full-scale-report/page-N.png): the first
    // pages, and those of the flows table.
    const image = (first: number, last: number) =>
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        `${first}`,
        '-l',
        `${last}`,
        file,
        'test-results/full-scale-report/page',
      ]);
    image(1, 2);
    image(withFlows[0] ?? 1, Math.min(pages, (withFlows[0] ?? 1) + 2));
  }, 120_000);
});
