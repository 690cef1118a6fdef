import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
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

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

/** An editable Word document, for the drafting state to add its assessment around the generated text. */
export async function renderReportDocx(report: ReportDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: reportTitle(report), heading: HeadingLevel.TITLE }),
  ];
  for (const [label, value] of headerLines(report)) {
    children.push(
      new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] }),
    );
  }
  for (const part of ['A', 'B', 'C'] as const) {
    children.push(new Paragraph({ text: partTitles[part], heading: HeadingLevel.HEADING_1 }));
    for (const section of report.sections.filter((s) => s.part === part)) {
      children.push(
        new Paragraph({ text: `${section.id}. ${section.title}`, heading: HeadingLevel.HEADING_2 }),
      );
      for (const record of section.records)
        children.push(
          new Paragraph({ text: `${dateText(record.date)} — ${record.text}`, bullet: { level: 0 } }),
        );
      for (const narrative of section.narratives) {
        for (const entry of narrative.entries) {
          children.push(
            new Paragraph({ children: [new TextRun({ text: stateName(entry.state), bold: true })] }),
          );
          for (const text of entry.text.split(/\n{2,}/)) children.push(new Paragraph(text));
        }
      }
      for (const table of section.tables.filter((t) => t.rows.length)) {
        children.push(new Paragraph({ children: [new TextRun({ text: table.label, bold: true })] }));
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({
                tableHeader: true,
                children: table.columns.map((c) => cell(columnLabel(c.id), true)),
              }),
              ...table.rows.map(
                (row) =>
                  new TableRow({ children: table.columns.map((c) => cell(cellText(c.type, row[c.id]))) }),
              ),
            ],
          }),
        );
        for (const line of totalLines(table))
          children.push(new Paragraph({ children: [new TextRun({ text: line, bold: true })] }));
      }
      for (const figure of section.figures) {
        const byState = byStateText(figure.byState);
        children.push(
          new Paragraph({
            children: [
              new TextRun({ text: `${figure.label}: `, bold: true }),
              new TextRun(`${numberText(figure.total)}${byState ? ` (${byState})` : ''}`),
            ],
          }),
        );
      }
    }
  }
  if (report.assessment) {
    children.push(
      new Paragraph({ text: 'Assessment of the drafting state', heading: HeadingLevel.HEADING_1 }),
    );
    for (const text of report.assessment.split(/\n{2,}/)) children.push(new Paragraph(text));
  }
  children.push(new Paragraph({ text: 'Annex — Contributions', heading: HeadingLevel.HEADING_1 }));
  for (const [label, value] of annexLines(report)) {
    children.push(
      new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] }),
    );
  }

  const document = new Document({
    title: reportTitle(report),
    creator: 'ILO Network Platform',
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: report.classification, bold: true })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
