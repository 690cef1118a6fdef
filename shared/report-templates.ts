/**
 * The report format as versioned data, not code. A contribution records the template version it was
 * written against and the report renders with that version. Version 1 is modelled on Articles 2 and 4
 * of Regulation 377/2004; the official annex of Decision 2005/687/EC can be loaded as a later version.
 */
import { type TemplateSectionId, templateSectionTitles } from './report-template-texts.ts';
export type SectionKind = 'records' | 'narrative' | 'table' | 'figures';

/** Network records that feed a section read-only, so nobody retypes them. */
export type RecordSource = 'meetings' | 'trainings' | 'carrier_positions' | 'contacts' | 'arrangements';

export type ColumnType = 'country' | 'text' | 'count' | 'choice';

export interface TableColumn {
  id: string;
  type: ColumnType;
  /** For `choice` columns. */
  options?: readonly string[];
  maxLength?: number;
}

interface FieldBase {
  /** Globally unique within the template: `<section>.<name>`, e.g. `B1.flows`. */
  id: string;
  /** i18n keys of the label and the help text (see report-template-texts.ts). */
  labelKey: string;
  helpKey: string;
  /** Submission is refused while this field is empty; drafts may leave anything empty. */
  requiredForSubmission: boolean;
}

/**
 * A figure the network's records already give (the meetings and trainings the same form lists), so
 * that nobody counts them again: the records of `source` are counted, or their `sum` property added
 * up; with `ofState`, only the records whose list in that property names the contributing state.
 */
export interface RecordFigure {
  source: RecordSource;
  ofState?: string;
  sum?: string;
  /** The state may change the figure (it then stands as typed); otherwise it is always the records'. */
  editable: boolean;
}

export type TemplateField =
  | (FieldBase & { kind: 'narrative'; maxLength: number })
  | (FieldBase & { kind: 'table'; columns: readonly TableColumn[]; maxRows: number })
  | (FieldBase & { kind: 'count'; fromRecords?: RecordFigure });

export interface TemplateSection {
  /** Stable id used in data and links, e.g. `A1`. */
  id: string;
  part: 'A' | 'B' | 'C';
  /** i18n key of the heading; the English heading is given for documents rendered without i18n. */
  titleKey: string;
  title: string;
  kind: SectionKind;
  /** Records shown read-only in this section (and in the report). */
  source?: RecordSource;
  fields: readonly TemplateField[];
}

export interface ReportTemplate {
  version: number;
  regime: 'regulation-377-2004';
  sections: readonly TemplateSection[];
}

const NARRATIVE_MAX = 20_000;
const trends = ['increasing', 'stable', 'decreasing'] as const;

const narrative = (id: string, requiredForSubmission = false, maxLength = NARRATIVE_MAX): TemplateField => ({
  id,
  kind: 'narrative',
  maxLength,
  requiredForSubmission,
  labelKey: `template.fields.${id}.label`,
  helpKey: `template.fields.${id}.help`,
});

const table = (id: string, columns: TableColumn[], requiredForSubmission = false): TemplateField => ({
  id,
  kind: 'table',
  columns,
  maxRows: 200,
  requiredForSubmission,
  labelKey: `template.fields.${id}.label`,
  helpKey: `template.fields.${id}.help`,
});

const count = (id: string, fromRecords?: RecordFigure): TemplateField => ({
  id,
  kind: 'count',
  ...(fromRecords ? { fromRecords } : {}),
  // Figures are summed over contributions: a missing one would make a total wrong, so all are required (0 is fine).
  requiredForSubmission: true,
  labelKey: `template.fields.${id}.label`,
  helpKey: `template.fields.${id}.help`,
});

const section = (
  id: TemplateSectionId,
  kind: SectionKind,
  fields: TemplateField[],
  source?: RecordSource,
): TemplateSection => ({
  id,
  part: id[0] as TemplateSection['part'],
  titleKey: `report.sections.${id}`,
  // The English title; every title, in each language, is in report-template-texts.ts.
  title: templateSectionTitles.en[id],
  kind,
  ...(source ? { source } : {}),
  fields,
});

export const reportTemplateV1: ReportTemplate = {
  version: 1,
  regime: 'regulation-377-2004',
  sections: [
    section('A1', 'records', [narrative('A1.comments', false, 5000)], 'meetings'),
    section('A2', 'narrative', [narrative('A2.text', true)]),
    section('A3', 'records', [narrative('A3.comments', false, 5000)], 'carrier_positions'),
    section('A4', 'records', [narrative('A4.comments', false, 5000)], 'trainings'),
    section('A5', 'narrative', [narrative('A5.text')]),
    section('A6', 'records', [narrative('A6.comments', false, 5000)], 'contacts'),
    section('A7', 'records', [narrative('A7.comments', false, 5000)], 'arrangements'),
    section('A8', 'narrative', [narrative('A8.text')]),
    section('A9', 'narrative', [narrative('A9.text')]),
    section('B1', 'table', [
      table('B1.flows', [
        { id: 'nationality', type: 'country' },
        { id: 'originOrTransit', type: 'choice', options: ['origin', 'transit'] },
        { id: 'estimatedVolume', type: 'count' },
        { id: 'trend', type: 'choice', options: trends },
      ]),
      narrative('B1.text', true),
    ]),
    section('B2', 'table', [
      table('B2.routes', [
        { id: 'from', type: 'country' },
        { id: 'via', type: 'text', maxLength: 200 },
        { id: 'to', type: 'country' },
        { id: 'mode', type: 'choice', options: ['air', 'land', 'sea'] },
        { id: 'trend', type: 'choice', options: trends },
      ]),
      narrative('B2.text'),
    ]),
    section('B3', 'narrative', [narrative('B3.text')]),
    section('B4', 'narrative', [narrative('B4.text', true)]),
    section('B5', 'table', [
      table('B5.fraud', [
        {
          id: 'documentType',
          type: 'choice',
          options: ['passport', 'visa', 'residence_permit', 'identity_card', 'other'],
        },
        { id: 'issuingCountry', type: 'country' },
        {
          id: 'fraudType',
          type: 'choice',
          options: ['counterfeit', 'forged', 'fraudulently_obtained', 'impostor'],
        },
        { id: 'cases', type: 'count' },
      ]),
      narrative('B5.text'),
    ]),
    section('B6', 'narrative', [narrative('B6.text')]),
    section('B7', 'narrative', [narrative('B7.text')]),
    section('C', 'figures', [
      count('C.personsNotBoarded'),
      count('C.fraudulentDocuments'),
      count('C.returnsFacilitated'),
      count('C.trainingSessions', { source: 'trainings', editable: false }),
      count('C.trainingParticipants', { source: 'trainings', sum: 'participantCount', editable: true }),
      count('C.meetings', { source: 'meetings', ofState: 'participants', editable: false }),
    ]),
  ],
};

export const reportTemplates: readonly ReportTemplate[] = [reportTemplateV1];

export const currentReportTemplateVersion = reportTemplateV1.version;

export function reportTemplate(version: number): ReportTemplate | undefined {
  return reportTemplates.find((t) => t.version === version);
}

export function templateFields(template: ReportTemplate): TemplateField[] {
  return template.sections.flatMap((s) => s.fields);
}

/** A figure that is always the records' (nobody types it): the server sets it on each save and submission. */
export function isComputedFigure(field: TemplateField): boolean {
  return field.kind === 'count' && field.fromRecords !== undefined && !field.fromRecords.editable;
}

/** The network's records by source, as a contribution carries them. */
export type NetworkRecordsBySource = Readonly<Partial<Record<RecordSource, readonly unknown[]>>>;

/** The figure the records give for a state's contribution (undefined: the field is not drawn from records). */
export function recordFigure(
  field: TemplateField,
  records: NetworkRecordsBySource,
  state: string,
): number | undefined {
  if (field.kind !== 'count' || !field.fromRecords) return undefined;
  const { source, ofState, sum } = field.fromRecords;
  // An activity keeps what was recorded under `fields`; an arrangement is the record itself.
  const property = (record: unknown, name: string): unknown => {
    if (typeof record !== 'object' || record === null) return undefined;
    const { fields } = record as { fields?: unknown };
    const data = typeof fields === 'object' && fields !== null ? fields : record;
    return (data as Record<string, unknown>)[name];
  };
  const counted = (records[source] ?? []).filter((record) => {
    if (!ofState) return true;
    const states = property(record, ofState);
    return Array.isArray(states) && states.includes(state);
  });
  if (!sum) return counted.length;
  return counted.reduce((total: number, record) => {
    const value = property(record, sum);
    return total + (typeof value === 'number' && Number.isFinite(value) ? value : 0);
  }, 0);
}

/** The values with every computed figure set from the records (whatever was sent for it). */
export function withComputedFigures<V extends Record<string, unknown>>(
  template: ReportTemplate,
  values: V,
  records: NetworkRecordsBySource,
  state: string,
): V {
  const computed = templateFields(template)
    .filter(isComputedFigure)
    .map((field) => [field.id, recordFigure(field, records, state)] as const);
  return computed.length === 0 ? values : { ...values, ...Object.fromEntries(computed) };
}
