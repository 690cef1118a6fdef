import { countryName, REPORT_LOCALE } from '#shared/reference/countries.ts';
import { institutionNames } from '#shared/reference/organisations.ts';
import {
  templateColumnTexts,
  templateOptionTexts,
  templatePartNames,
} from '#shared/report-template-texts.ts';
import type { ReportDocument } from '#shared/reports.ts';
import { SEMESTER_TIME_ZONE } from '#shared/semesters.ts';

/** Words shared by every rendering of a report (HTML, PDF, DOCX), in English. */
export const draftingReasonText: Record<NonNullable<ReportDocument['drafting']>['reason'], string> = {
  presidency: 'holds the Council Presidency and had ILOs in the network',
  acting: 'acting on behalf of the Presidency, designated by the network',
  fallback: 'the member with the most ILOs (the Presidency had none in the network)',
  reassigned: 'reassigned by the Commission',
};

const { A, B, C } = templatePartNames.en;
export const partTitles = { A: `Part A — ${A}`, B: `Part B — ${B}`, C: `Part C — ${C}` } as const;

export const stateName = (code: string) => countryName(code);

/** A participating state or an EU body by its name (EC, COUNCIL, EP and EBCG are not countries). */
export const organisationText = (code: string) =>
  institutionNames[code as keyof typeof institutionNames] ?? countryName(code);

const dateFormat = new Intl.DateTimeFormat(REPORT_LOCALE, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** An ISO date as people write it: "3 March 2026" (anything else is shown as given). */
export function dateText(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return isoDate;
  return dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

const brusselsTime = new Intl.DateTimeFormat(REPORT_LOCALE, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: SEMESTER_TIME_ZONE,
});

/** An instant in Brussels time, where the institutions are: "3 December 2026, 17:14 (Brussels time)". */
export function brusselsTimeText(isoInstant: string): string {
  const parts = Object.fromEntries(
    brusselsTime.formatToParts(new Date(isoInstant)).map((p) => [p.type, p.value]),
  );
  return `${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute} (Brussels time)`;
}

const numberFormat = new Intl.NumberFormat(REPORT_LOCALE);
export const numberText = (n: number) => numberFormat.format(n);

/** "1 ILO", "2 ILOs": a count with its noun in the right number. */
export const counted = (n: number, one: string, many = `${one}s`) =>
  `${numberText(n)} ${n === 1 ? one : many}`;

export function reportTitle(report: ReportDocument): string {
  const where = report.network.name ?? report.network.hostCountries.map(stateName).join(', ');
  return `ILO network ${where} — semester report ${report.semester.id}`;
}

export function headerLines(report: ReportDocument): [string, string][] {
  const { drafting, participation } = report;
  return [
    ['Host country', report.network.hostCountries.map(stateName).join(', ')],
    [
      'Semester',
      `${report.semester.id} (${dateText(report.semester.start)} to ${dateText(report.semester.end)})`,
    ],
    [
      'Drafting state',
      drafting ? `${stateName(drafting.state)} — ${draftingReasonText[drafting.reason]}` : 'none',
    ],
    [
      'Composition',
      report.composition
        .map((c) => `${stateName(c.state)}: ${counted(c.ilos, 'ILO')}, ${counted(c.posts, 'post')}`)
        .join('; ') || 'none',
    ],
    [
      'Commission and EBCG participation',
      `${counted(participation.meetings, 'meeting')}; Commission present at ${participation.commissionPresent}, EBCG Agency at ${participation.ebcgPresent}${
        participation.absenceReasons.length
          ? `; reasons for absence: ${participation.absenceReasons.join('; ')}`
          : ''
      }`,
    ],
    ['Classification', report.classification],
    [
      'Version',
      `${report.version}, generated ${brusselsTimeText(report.generatedAt)} (template version ${report.templateVersion})`,
    ],
  ];
}

/** A table column's heading: the template's label, never its field id. */
export const columnLabel = (id: string) => templateColumnTexts.en[id] ?? id;

/** A table cell as text: country codes become names, choices words, counts formatted numbers. */
export function cellText(type: string, value: string | number | undefined): string {
  if (value === undefined || value === '') return '';
  if (type === 'country' || type === 'state') return stateName(String(value));
  if (type === 'choice') return templateOptionTexts.en[String(value)] ?? String(value).replaceAll('_', ' ');
  if (type === 'count' && typeof value === 'number') return numberText(value);
  return String(value);
}

/** A table's totals in words: "Total estimated volume: 6,480". */
export function totalLines(table: ReportDocument['sections'][number]['tables'][number]): string[] {
  return Object.entries(table.totals).map(
    ([column, total]) => `Total ${columnLabel(column).toLowerCase()}: ${numberText(total)}`,
  );
}

/** A figure's breakdown by state: "Germany 10, France 4". */
export const byStateText = (byState: Record<string, number>) =>
  Object.entries(byState)
    .map(([state, n]) => `${stateName(state)} ${numberText(n)}`)
    .join(', ');

/** The annex's rows, the same in every format. */
export function annexLines(report: ReportDocument): [string, string][] {
  const list = (codes: string[]) => codes.map(stateName).join(', ') || 'none';
  return [
    ['Contributed', list(report.annex.contributed)],
    ['Did not contribute', list(report.annex.missing)],
    ['Late', list(report.annex.late)],
  ];
}
