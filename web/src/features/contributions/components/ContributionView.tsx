import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contribution } from '#shared/contributions.ts';
import type { ReportTemplate, TemplateField } from '#shared/report-templates.ts';
import { Section } from '../../../components/ui/Section.tsx';
import { Table } from '../../../components/ui/Table.tsx';
import { useValueDisplay } from '../utils/display.ts';
import {
  contributionDraftKey,
  forgetStoredContribution,
  loadStoredContribution,
} from '../utils/draft-store.ts';
import { changedFieldIds, flatValuesOfContribution } from '../utils/form-values.ts';
import { useTemplateText } from '../utils/template-texts.ts';
import { ChangesTable } from './ChangesTable.tsx';
import { TemplateSections } from './TemplateSections.tsx';

/** A contribution as it stands, read-only, in the template's order. */
export function ContributionView({
  template,
  contribution,
}: {
  template: ReportTemplate;
  contribution: Contribution;
}) {
  const { t } = useTranslation();
  const text = useTemplateText();
  const display = useValueDisplay();
  const values = flatValuesOfContribution(template, contribution);

  const renderValue = (field: TemplateField) => {
    const value = values[field.id];
    if (field.kind === 'table' && Array.isArray(value) && value.length > 0) {
      return (
        <Table
          caption={text.label(field)}
          columns={field.columns.map((column) => text.column(column.id))}
          compact
        >
          {value.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list of rows, never reordered.
            <tr key={index}>
              {field.columns.map((column) => (
                <td key={column.id} className={column.type === 'text' ? 'table__text' : undefined}>
                  {display.cell(column, row[column.id] ?? '')}
                </td>
              ))}
            </tr>
          ))}
        </Table>
      );
    }
    return (
      <dl className="field-view">
        <dt className="field-view__label">{text.label(field)}</dt>
        <dd className={field.kind === 'narrative' ? 'field-view__value prose' : 'field-view__value'}>
          {field.kind === 'table' ? t('contributions.view.noRows') : display.field(field, value)}
        </dd>
      </dl>
    );
  };

  return (
    <div className="contribution-view">
      <h2 className="visually-hidden">{t('contributions.view.title')}</h2>
      <TemplateSections template={template} records={contribution.records} renderValue={renderValue} />
    </div>
  );
}

/**
 * Text this browser kept for a contribution that can no longer be changed here (submitted, the
 * semester closed, or not by this person): shown beside what is saved, to copy, until forgotten.
 */
export function KeptText({
  organisation,
  template,
  contribution,
}: {
  organisation: string;
  template: ReportTemplate;
  contribution: Contribution;
}) {
  const { t } = useTranslation();
  const key = contributionDraftKey(organisation, contribution);
  const [stored, setStored] = useState(() => loadStoredContribution(key, template));
  if (!stored) return null;
  const typed = stored.setAside?.values ?? stored.values;
  const saved = flatValuesOfContribution(template, contribution);
  const changed = changedFieldIds(template, saved, typed);
  if (changed.length === 0) return null;
  return (
    <Section
      id="kept-text-title"
      title={t('contributions.kept.title')}
      className="notice"
      headingClassName="notice__title"
    >
      <p>{t('contributions.kept.body')}</p>
      <ChangesTable template={template} fieldIds={changed} yours={typed} theirs={saved} />
      <button
        className="button button--secondary"
        type="button"
        onClick={() => {
          forgetStoredContribution(key);
          setStored(null);
        }}
      >
        {t('contributions.kept.forget')}
      </button>
    </Section>
  );
}
