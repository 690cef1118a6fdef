import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Font, create as parseFont } from 'fontkit';
import PDFDocument from 'pdfkit';
import type { ReportDocument } from '#shared/reports.ts';
import { cellText, headerLines, partTitles, reportTitle, stateName } from './report-text.ts';

/**
 * The PDF rendering, with pdfkit: it writes the PDF directly (no browser to start), fast and small
 * enough for a Lambda function, and embeds a TrueType font. DejaVu Sans covers every EU script
 * (Latin with its diacritics, Greek, Cyrillic), so Č, ł, Ő, Ελλάδα and България come out right.
 * Fonts come from REPORT_FONT_DIR (the deployed bundle copies them there) or the npm package.
 */
function fontDir(): string {
  if (process.env.REPORT_FONT_DIR) return process.env.REPORT_FONT_DIR;
  const packageJson = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json');
  return join(dirname(packageJson), 'ttf');
}

const MARGIN = 56;

let fonts: { body: Font; bold: Font } | undefined;

/**
 * The two fonts, read and parsed once per execution environment and shared by every document:
 * parsing them again for each report (pdfkit does, given a file) was a third of its rendering time.
 * pdfkit embeds a subset of its own per document, so sharing the parsed font changes no output.
 */
function reportFonts() {
  if (!fonts) {
    const dir = fontDir();
    fonts = {
      body: parseFont(readFileSync(join(dir, 'DejaVuSans.ttf'))),
      bold: parseFont(readFileSync(join(dir, 'DejaVuSans-Bold.ttf'))),
    };
  }
  return fonts;
}

/** A new A4 document with the embedded fonts; `finish` stamps the marking and page numbers and ends it. */
function createPdf(title: string, classification: string) {
  const { body, bold } = reportFonts();
  const doc = new PDFDocument({
    // Our own font from the start: pdfkit's default (Helvetica) would load standard-font files that a
    // bundled function does not carry, and could not write Greek or Cyrillic anyway.
    font: body,
    size: 'A4',
    margins: { top: MARGIN + 14, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: title, Subject: `Classification: ${classification}`, Creator: 'ILO Network Platform' },
    lang: 'en',
  });
  // pdfkit takes a parsed font wherever it takes a file (fontkit.d.ts).
  doc.registerFont('body', body);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const finish = () => {
    // The classification marking and page numbers on every page, once the page count is known.
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      // Writing inside the margins must not push pdfkit onto a new page.
      const { top, bottom } = doc.page.margins;
      doc.page.margins.top = 0;
      doc.page.margins.bottom = 0;
      const width = doc.page.width - 2 * MARGIN;
      doc.font('bold').fontSize(9);
      doc.text(classification, MARGIN, MARGIN - 6, { width, align: 'center', lineBreak: false });
      doc.font('body').fontSize(8);
      doc.text(`Page ${i + 1} of ${count}`, MARGIN, doc.page.height - MARGIN, {
        width,
        align: 'right',
        lineBreak: false,
      });
      doc.page.margins.top = top;
      doc.page.margins.bottom = bottom;
    }
    doc.end();
    return done;
  };
  return { doc, finish };
}

/** A plain document of headed sections of lines (the annual summary). */
export function renderTextPdf(input: {
  title: string;
  subtitle: string;
  classification: string;
  sections: { heading: string; lines: string[] }[];
}): Promise<Buffer> {
  const { doc, finish } = createPdf(input.title, input.classification);
  doc.font('bold').fontSize(16).text(input.title);
  doc.font('body').fontSize(10).text(input.subtitle);
  for (const section of input.sections) {
    doc.moveDown(0.6).font('bold').fontSize(12).text(section.heading).moveDown(0.2).font('body').fontSize(10);
    for (const line of section.lines) doc.text(`• ${line}`, { paragraphGap: 2 });
  }
  return finish();
}

export async function renderReportPdf(report: ReportDocument): Promise<Buffer> {
  const { doc, finish } = createPdf(reportTitle(report), report.classification);
  const heading = (text: string, size: number) => {
    doc.moveDown(0.6).font('bold').fontSize(size).text(text).moveDown(0.3).font('body').fontSize(10);
  };
  const line = (label: string, value: string) => {
    doc.font('bold').text(`${label}: `, { continued: true }).font('body').text(value);
  };

  doc.font('bold').fontSize(16).text(reportTitle(report));
  doc.font('body').fontSize(10).moveDown(0.5);
  for (const [label, value] of headerLines(report)) line(label, value);

  for (const part of ['A', 'B', 'C'] as const) {
    heading(partTitles[part], 14);
    for (const section of report.sections.filter((s) => s.part === part)) {
      heading(`${section.id}. ${section.title}`, 11.5);
      let empty = true;
      for (const record of section.records) {
        empty = false;
        doc.text(`• ${record.date} — ${record.text}`, { paragraphGap: 3 });
      }
      for (const narrative of section.narratives) {
        for (const entry of narrative.entries) {
          empty = false;
          doc.font('bold').text(stateName(entry.state)).font('body').text(entry.text, { paragraphGap: 4 });
        }
      }
      for (const table of section.tables) {
        if (!table.rows.length) continue;
        empty = false;
        doc.font('bold').text(table.label).font('body');
        for (const row of table.rows) {
          doc.text(`• ${table.columns.map((c) => cellText(c.type, row[c.id])).join(' | ')}`);
        }
        const totals = Object.entries(table.totals).map(([column, total]) => `${column}: ${total}`);
        if (totals.length)
          doc
            .font('bold')
            .text(`Total — ${totals.join(', ')}`)
            .font('body');
      }
      for (const figure of section.figures) {
        empty = false;
        const byState = Object.entries(figure.byState)
          .map(([state, n]) => `${stateName(state)} ${n}`)
          .join(', ');
        line(figure.label, `${figure.total}${byState ? ` (${byState})` : ''}`);
      }
      if (empty) doc.fillColor('#555555').text('Nothing reported.').fillColor('black');
    }
  }
  if (report.assessment) {
    heading('Assessment of the drafting state', 14);
    doc.text(report.assessment);
  }
  heading('Annex — Contributions', 14);
  const list = (codes: string[]) => codes.map(stateName).join(', ') || 'none';
  line('Contributed', list(report.annex.contributed));
  line('Did not contribute', list(report.annex.missing));
  line('Late', list(report.annex.late));

  return finish();
}
