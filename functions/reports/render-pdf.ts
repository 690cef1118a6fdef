import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Font, create as parseFont } from 'fontkit';
import PDFDocument from 'pdfkit';
import { REPORT_LOCALE } from '#shared/reference/countries.ts';
import type { ReportDocument } from '#shared/reports.ts';
import {
  annexLines,
  byStateText,
  cellText,
  columnLabel,
  dateText,
  headerLines,
  numberText,
  partTitles,
  reportTitle,
  stateName,
  totalLines,
} from './report-text.ts';

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

/**
 * A new A4 document with the embedded fonts, tagged for PDF/UA-1 (title, language, structure tree);
 * `finish` stamps the marking and page numbers (as artifacts, outside the reading order) and ends it.
 * PDF/UA rather than PDF/A-2a: pdfkit takes one `subset`, so it cannot claim both at once, and the
 * report's first need is a screen reader following its headings and tables.
 */
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
    lang: REPORT_LOCALE,
    tagged: true,
    pdfVersion: '1.7',
    // pdfkit 0.20 supports PDF/UA; its type declarations (@types/pdfkit) list only the PDF/A subsets.
    subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
    displayTitle: true,
  });
  // pdfkit takes a parsed font wherever it takes a file (fontkit.d.ts).
  doc.registerFont('body', body);
  doc.registerFont('bold', bold);
  const root = doc.struct('Document');
  doc.addStructure(root);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const finish = () => {
    root.end();
    // The classification marking and page numbers on every page, once the page count is known.
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      // Writing inside the margins must not push pdfkit onto a new page.
      const { top, bottom } = doc.page.margins;
      doc.page.margins.top = 0;
      doc.page.margins.bottom = 0;
      const width = doc.page.width - 2 * MARGIN;
      doc.markContent('Artifact', { type: 'Pagination' });
      doc.font('bold').fontSize(9);
      doc.text(classification, MARGIN, MARGIN - 6, { width, align: 'center', lineBreak: false });
      doc.font('body').fontSize(8);
      doc.text(`Page ${i + 1} of ${count}`, MARGIN, doc.page.height - MARGIN, {
        width,
        align: 'right',
        lineBreak: false,
      });
      doc.endMarkedContent();
      doc.page.margins.top = top;
      doc.page.margins.bottom = bottom;
    }
    doc.end();
    return done;
  };
  return { doc, root, finish };
}

type Pdf = ReturnType<typeof createPdf>['doc'];
type Struct = ReturnType<Pdf['struct']>;

/** One tagged block of text: a heading (H1…H4) or a paragraph, in the reading order of `parent`. */
function block(doc: Pdf, parent: Struct, type: 'H1' | 'H2' | 'H3' | 'H4' | 'P', text: string) {
  const sizes = { H1: 16, H2: 14, H3: 11.5, H4: 10, P: 10 };
  if (type !== 'P' && type !== 'H1') doc.moveDown(type === 'H4' ? 0.3 : 0.6);
  parent.add(
    doc.struct(type, {}, () => {
      doc
        .font(type === 'P' ? 'body' : 'bold')
        .fontSize(sizes[type])
        .text(text, MARGIN, doc.y, { paragraphGap: type === 'P' ? 3 : 2 });
    }),
  );
  doc.font('body').fontSize(10);
}

interface PdfTable {
  caption?: string;
  header: string[];
  rows: string[][];
  /** Columns that hold numbers, aligned right. */
  numeric?: boolean[];
  /** The first cell of each row heads its row (TH scope row). */
  rowHeaders?: boolean;
  widths?: number[];
}

const CELL_PADDING = 4;
const TABLE_FONT_SIZE = 9;

/**
 * A drawn table with a heading row (TH, scope column), tagged Table/TR/TH/TD. pdfkit's table does not
 * repeat its heading row on a page break, so a table that does not fit is ended and continued on the
 * next page as a new table under the same heading row.
 */
function table(doc: Pdf, parent: Struct, spec: PdfTable) {
  if (spec.caption) block(doc, parent, 'H4', spec.caption);
  const width = doc.page.width - 2 * MARGIN;
  const columns = spec.header.length;
  const widths = spec.widths ?? Array.from({ length: columns }, () => width / columns);
  const cell = (
    text: string,
    index: number,
    heading: boolean,
    scope: 'column' | 'row',
  ): PDFKit.Mixins.CellOptions => ({
    text,
    ...(heading ? { type: 'TH' as const, scope, font: { src: 'bold' } } : { type: 'TD' as const }),
    align: { x: spec.numeric?.[index] ? 'right' : 'left', y: 'top' },
  });
  const headerRow = spec.header.map((text, i) => cell(text, i, true, 'column'));
  const rowHeight = (row: string[], font: 'body' | 'bold') => {
    doc.font(font).fontSize(TABLE_FONT_SIZE);
    return Math.max(
      ...row.map(
        (text, i) =>
          doc.heightOfString(text || ' ', { width: (widths[i] ?? 0) - 2 * CELL_PADDING }) +
          2 * CELL_PADDING +
          2,
      ),
    );
  };
  const begin = () => {
    doc.font('body').fontSize(TABLE_FONT_SIZE);
    const options: PDFKit.Mixins.TableOptions & { structParent: Struct } = {
      structParent: parent,
      position: { x: MARGIN, y: doc.y },
      columnStyles: widths.map((w) => ({ width: w })),
      defaultStyle: { padding: CELL_PADDING, border: 0.5, borderColor: '#888888' },
    };
    // The structure parent tags the table (Table/TR/TH/TD); @types/pdfkit does not declare it yet.
    const started = doc.table(options);
    started.row(headerRow);
    return started;
  };
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  if (doc.y + rowHeight(spec.header, 'bold') + rowHeight(spec.rows[0] ?? [], 'body') > bottom())
    doc.addPage();
  let current = begin();
  for (const row of spec.rows) {
    if (doc.y + rowHeight(row, 'body') > bottom()) {
      current.end();
      doc.addPage();
      current = begin();
    }
    current.row(row.map((text, i) => cell(text, i, i === 0 && !!spec.rowHeaders, 'row')));
  }
  current.end();
  doc.x = MARGIN;
  doc.font('body').fontSize(10).moveDown(0.5);
}

/** A plain document of headed sections of lines (the annual summary). */
export function renderTextPdf(input: {
  title: string;
  subtitle: string;
  classification: string;
  sections: { heading: string; lines: string[] }[];
}): Promise<Buffer> {
  const { doc, root, finish } = createPdf(input.title, input.classification);
  block(doc, root, 'H1', input.title);
  block(doc, root, 'P', input.subtitle);
  for (const section of input.sections) {
    block(doc, root, 'H2', section.heading);
    for (const line of section.lines) block(doc, root, 'P', line);
  }
  return finish();
}

export async function renderReportPdf(report: ReportDocument): Promise<Buffer> {
  const { doc, root, finish } = createPdf(reportTitle(report), report.classification);
  const width = doc.page.width - 2 * MARGIN;

  block(doc, root, 'H1', reportTitle(report));
  doc.moveDown(0.3);
  table(doc, root, {
    header: ['Item', 'Value'],
    rows: headerLines(report),
    rowHeaders: true,
    widths: [width * 0.3, width * 0.7],
  });

  for (const part of ['A', 'B', 'C'] as const) {
    block(doc, root, 'H2', partTitles[part]);
    for (const section of report.sections.filter((s) => s.part === part)) {
      block(doc, root, 'H3', `${section.id}. ${section.title}`);
      let empty = true;
      for (const record of section.records) {
        empty = false;
        block(doc, root, 'P', `${dateText(record.date)} — ${record.text}`);
      }
      for (const narrative of section.narratives) {
        if (!narrative.entries.length) continue;
        block(doc, root, 'H4', narrative.label);
        for (const entry of narrative.entries) {
          empty = false;
          block(doc, root, 'P', `${stateName(entry.state)}: ${entry.text}`);
        }
      }
      for (const t of section.tables) {
        if (!t.rows.length) continue;
        empty = false;
        const numeric = t.columns.map((c) => c.type === 'count');
        const totals = Object.keys(t.totals).length
          ? [
              [
                'Total',
                ...t.columns.slice(1).map((c) => (c.id in t.totals ? numberText(t.totals[c.id] ?? 0) : '')),
              ],
            ]
          : [];
        table(doc, root, {
          caption: t.label,
          header: t.columns.map((c) => columnLabel(c.id)),
          rows: [...t.rows.map((row) => t.columns.map((c) => cellText(c.type, row[c.id]))), ...totals],
          numeric,
        });
        for (const line of totalLines(t)) block(doc, root, 'P', line);
      }
      if (section.figures.length) {
        empty = false;
        table(doc, root, {
          caption: 'Figures, summed over the contributions',
          header: ['Figure', 'Total', 'By state'],
          rows: section.figures.map((f) => [f.label, numberText(f.total), byStateText(f.byState)]),
          numeric: [false, true, false],
          rowHeaders: true,
          widths: [width * 0.4, width * 0.15, width * 0.45],
        });
      }
      if (empty) block(doc, root, 'P', 'Nothing reported.');
    }
  }
  if (report.assessment) {
    block(doc, root, 'H2', 'Assessment of the drafting state');
    for (const text of report.assessment.split(/\n{2,}/)) block(doc, root, 'P', text);
  }
  block(doc, root, 'H2', 'Annex — Contributions');
  table(doc, root, {
    header: ['Contributions', 'States'],
    rows: annexLines(report),
    rowHeaders: true,
    widths: [width * 0.3, width * 0.7],
  });

  return finish();
}
