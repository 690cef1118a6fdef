import { type ContributionValues, lateStates } from '#shared/contributions.ts';
import { type DraftingState, type Posting, postingOverlaps } from '#shared/networks.ts';
import { countryName } from '#shared/reference/countries.ts';
import { templateFieldTexts } from '#shared/report-template-texts.ts';
import { reportTemplate, type TemplateField } from '#shared/report-templates.ts';
import type { ReportDocument, ReportSection } from '#shared/reports.ts';
import { semester } from '#shared/semesters.ts';
import { counted, dateText, organisationText } from './report-text.ts';

const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** What a report is built from: a snapshot taken at generation time, stored beside the report. */
export interface ReportInputs {
  classification: string;
  version: number;
  generatedAt: string;
  network: ReportDocument['network'];
  semesterId: string;
  drafting: DraftingState | null;
  expected: string[];
  postings: Posting[];
  activities: { kind: string; recordedBy: string; fields: Record<string, unknown> }[];
  arrangements: {
    kind: string;
    parties: string[];
    scope: string;
    validFrom: string;
    validTo?: string;
    status: string;
  }[];
  contributions: {
    state: string;
    status: string;
    late: boolean;
    templateVersion: number;
    values: ContributionValues;
  }[];
}

const label = (field: TemplateField) => templateFieldTexts.en[field.id]?.label ?? field.id;
const names = (codes: unknown) =>
  Array.isArray(codes) ? codes.map((c) => countryName(String(c))).join(', ') : '';
const yesNo = (value: unknown) => (value ? 'present' : 'absent');

/** One line per record, in the report's words (no personal data is ever part of a record). */
function recordLine(kind: string, f: Record<string, unknown>): string {
  switch (kind) {
    case 'meeting':
      return [
        `Convened by ${countryName(String(f.convenedBy))}; participants: ${names(f.participants)}.`,
        `Commission ${yesNo(f.commissionPresent)}, EBCG Agency ${yesNo(f.ebcgPresent)}${f.absenceReason ? ` (reason: ${String(f.absenceReason).replace(/\.$/, '')})` : ''}.`,
        Array.isArray(f.topics) && f.topics.length ? `Topics: ${f.topics.join('; ')}.` : '',
        String(f.summary ?? ''),
      ]
        .filter(Boolean)
        .join(' ');
    case 'training':
      return `${f.kind === 'consular_staff_training' ? 'Training for consular staff' : 'Joint specialised training attended'}, organised by ${
        Array.isArray(f.organisers) ? f.organisers.map((o) => organisationText(String(o))).join(', ') : ''
      }; ${counted(Number(f.participantCount) || 0, 'participant')}. ${Array.isArray(f.topics) ? f.topics.join('; ') : ''} ${f.summary ?? ''}`.trim();
    case 'carrier_position':
      return `Carriers: ${Array.isArray(f.carriers) ? f.carriers.join(', ') : ''}; states: ${names(f.states)}. ${f.position ?? ''}`;
    case 'contact':
      return `${sentenceCase(String(f.counterpartType).replaceAll('_', ' '))}: ${f.counterpart}. ${f.summary ?? ''}`;
    default:
      return '';
  }
}

const sourceKinds: Record<string, string> = {
  meetings: 'meeting',
  trainings: 'training',
  carrier_positions: 'carrier_position',
  contacts: 'contact',
};

/**
 * The report of one network for one semester: header, parts A, B and C and the annex, laid out by
 * the template version the contributions used. Narratives are merged under each heading with the
 * contributing state named; tables are merged (with a state column) and totalled; figures are summed
 * with the per-state breakdown. Only submitted contributions count; the others are missing.
 */
export function buildReport(inputs: ReportInputs): ReportDocument {
  const { start, end } = semester(inputs.semesterId);
  const included = inputs.contributions
    .filter((c) => c.status === 'submitted' && inputs.expected.includes(c.state))
    .sort((a, b) => a.state.localeCompare(b.state));
  const templateVersion = Math.max(1, ...included.map((c) => c.templateVersion));
  const template = reportTemplate(templateVersion);
  if (!template) throw new Error(`Report template version ${templateVersion} is not known`);

  const active = inputs.postings.filter((p) => postingOverlaps(p, start, end));
  const composition = [...new Set(active.map((p) => p.state))].sort().map((state) => {
    const mine = active.filter((p) => p.state === state);
    return { state, ilos: mine.length, posts: new Set(mine.map((p) => p.city ?? p.hostCountry)).size };
  });
  const meetings = inputs.activities.filter((a) => a.kind === 'meeting');

  const sections: ReportSection[] = template.sections.map((section) => {
    const records =
      section.source === 'arrangements'
        ? inputs.arrangements.map((a) => ({
            date: a.validFrom,
            kind: a.kind,
            by: a.parties.join(', '),
            text: `${a.kind === 'representation' ? 'Representation' : 'Task sharing'} between ${names(a.parties)} (${
              a.status === 'in_effect' ? 'in effect' : a.status
            }), valid from ${dateText(a.validFrom)}${a.validTo ? ` to ${dateText(a.validTo)}` : ''}: ${a.scope}`,
          }))
        : section.source
          ? inputs.activities
              .filter((a) => a.kind === sourceKinds[section.source ?? ''])
              .map((a) => ({
                date: String(a.fields.date),
                kind: a.kind,
                by: a.recordedBy,
                text: recordLine(a.kind, a.fields),
              }))
              .sort((a, b) => a.date.localeCompare(b.date))
          : [];
    const narratives: ReportSection['narratives'] = [];
    const tables: ReportSection['tables'] = [];
    const figures: ReportSection['figures'] = [];
    for (const field of section.fields) {
      if (field.kind === 'narrative') {
        const entries = included
          .map((c) => ({ state: c.state, text: String(c.values[field.id] ?? '').trim() }))
          .filter((e) => e.text);
        narratives.push({ fieldId: field.id, label: label(field), entries });
      } else if (field.kind === 'table') {
        const rows: Record<string, string | number>[] = included.flatMap((c) =>
          (Array.isArray(c.values[field.id])
            ? (c.values[field.id] as Record<string, string | number>[])
            : []
          ).map((row) => ({
            state: c.state,
            ...row,
          })),
        );
        const totals: Record<string, number> = {};
        for (const column of field.columns.filter((c) => c.type === 'count')) {
          totals[column.id] = rows.reduce((sum, row) => sum + (Number(row[column.id]) || 0), 0);
        }
        tables.push({
          fieldId: field.id,
          label: label(field),
          columns: [{ id: 'state', type: 'state' }, ...field.columns.map(({ id, type }) => ({ id, type }))],
          rows,
          totals,
        });
      } else {
        const byState = Object.fromEntries(
          included
            .filter((c) => typeof c.values[field.id] === 'number')
            .map((c) => [c.state, c.values[field.id] as number]),
        );
        figures.push({
          fieldId: field.id,
          label: label(field),
          total: Object.values(byState).reduce((sum, n) => sum + n, 0),
          byState,
        });
      }
    }
    return { id: section.id, part: section.part, title: section.title, records, narratives, tables, figures };
  });

  const contributed = included.map((c) => c.state);
  return {
    templateVersion,
    classification: inputs.classification,
    version: inputs.version,
    generatedAt: inputs.generatedAt,
    network: inputs.network,
    semester: { id: inputs.semesterId, start, end },
    drafting: inputs.drafting,
    composition,
    participation: {
      meetings: meetings.length,
      commissionPresent: meetings.filter((m) => m.fields.commissionPresent).length,
      ebcgPresent: meetings.filter((m) => m.fields.ebcgPresent).length,
      absenceReasons: meetings
        .map((m) => m.fields.absenceReason)
        .filter((r): r is string => typeof r === 'string' && r !== ''),
    },
    sections,
    annex: {
      contributed,
      missing: inputs.expected.filter((s) => !contributed.includes(s)).sort(),
      // Reports are of closed semesters (generated at the close, or for a late contribution after it).
      late: lateStates({ expected: inputs.expected, contributions: inputs.contributions, closed: true }),
    },
  };
}
