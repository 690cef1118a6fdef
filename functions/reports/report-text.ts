import { countryName } from '#shared/reference/countries.ts';
import { templatePartNames } from '#shared/report-template-texts.ts';
import type { ReportDocument } from '#shared/reports.ts';

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

export function reportTitle(report: ReportDocument): string {
  const where = report.network.name ?? report.network.hostCountries.map(stateName).join(', ');
  return `ILO network ${where} — semester report ${report.semester.id}`;
}

export function headerLines(report: ReportDocument): [string, string][] {
  const { drafting, participation } = report;
  return [
    ['Host country', report.network.hostCountries.map(stateName).join(', ')],
    ['Semester', `${report.semester.id} (${report.semester.start} to ${report.semester.end})`],
    [
      'Drafting state',
      drafting ? `${stateName(drafting.state)} — ${draftingReasonText[drafting.reason]}` : 'none',
    ],
    [
      'Composition',
      report.composition
        .map((c) => `${stateName(c.state)}: ${c.ilos} ILO(s), ${c.posts} post(s)`)
        .join('; ') || 'none',
    ],
    [
      'Commission and EBCG participation',
      `${participation.meetings} meeting(s); Commission present at ${participation.commissionPresent}, EBCG Agency at ${participation.ebcgPresent}${
        participation.absenceReasons.length
          ? `; reasons for absence: ${participation.absenceReasons.join('; ')}`
          : ''
      }`,
    ],
    ['Classification', report.classification],
    [
      'Version',
      `${report.version}, generated ${report.generatedAt} (template version ${report.templateVersion})`,
    ],
  ];
}

/** A table cell as text: country codes become names, numbers stay numbers. */
export function cellText(type: string, value: string | number | undefined): string {
  if (value === undefined) return '';
  if (type === 'country' || type === 'state') return stateName(String(value));
  return String(value).replaceAll('_', ' ');
}
