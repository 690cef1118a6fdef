/**
 * The report format as versioned data, not code. A contribution records the template version it was
 * written against and the report renders with that version. Version 1 is modelled on Articles 2 and 4
 * of Regulation 377/2004; the official annex of Decision 2005/687/EC can be loaded as a later version.
 */
export type SectionKind = 'records' | 'narrative' | 'table' | 'figures';

export interface TemplateSection {
  /** Stable id used in data and links, e.g. `A1`. */
  id: string;
  part: 'A' | 'B' | 'C';
  /** i18n key of the heading; the English heading is given for documents rendered without i18n. */
  titleKey: string;
  title: string;
  kind: SectionKind;
}

export interface ReportTemplate {
  version: number;
  regime: 'regulation-377-2004';
  sections: readonly TemplateSection[];
}

const section = (id: string, kind: SectionKind, title: string): TemplateSection => ({
  id,
  part: id[0] as TemplateSection['part'],
  titleKey: `report.sections.${id}`,
  title,
  kind,
});

export const reportTemplateV1: ReportTemplate = {
  version: 1,
  regime: 'regulation-377-2004',
  sections: [
    section('A1', 'records', 'Meetings'),
    section('A2', 'narrative', 'Exchange of information and practice'),
    section('A3', 'records', 'Coordination with commercial carriers'),
    section('A4', 'records', 'Training attended and given'),
    section('A5', 'narrative', 'Common approaches to gathering and reporting information'),
    section('A6', 'records', 'Contacts with host and neighbouring networks and international organisations'),
    section('A7', 'records', 'Representation and task-sharing arrangements'),
    section('A8', 'narrative', "Asylum seekers' access to protection"),
    section('A9', 'narrative', 'Difficulties and recommendations'),
    section('B1', 'table', 'Irregular migration flows originating from or transiting the host country'),
    section('B2', 'table', 'Routes'),
    section('B3', 'narrative', 'Smuggling organisations and their methods'),
    section('B4', 'narrative', 'Incidents, factors and trends'),
    section('B5', 'table', 'Identity and travel document fraud'),
    section('B6', 'narrative', 'Assistance to the host authorities'),
    section('B7', 'narrative', 'Return and readmission cooperation'),
    section('C', 'figures', 'Figures'),
  ],
};

export const reportTemplates: readonly ReportTemplate[] = [reportTemplateV1];

export const currentReportTemplateVersion = reportTemplateV1.version;

export function reportTemplate(version: number): ReportTemplate | undefined {
  return reportTemplates.find((t) => t.version === version);
}
