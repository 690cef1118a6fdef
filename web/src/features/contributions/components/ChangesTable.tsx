import { useTranslation } from 'react-i18next';
import { type ReportTemplate, templateFields } from '#shared/report-templates.ts';
import { useValueDisplay } from '../utils/display.ts';
import type { FlatValues } from '../utils/form-values.ts';
import { useTemplateText } from '../utils/template-texts.ts';

interface ChangesTableProps {
  template: ReportTemplate;
  /** The fields to list. */
  fieldIds: readonly string[];
  yours: FlatValues;
  /** The latest saved version, to compare with; left out to list what was typed alone. */
  theirs?: FlatValues;
}

/** What someone typed, field by field: beside the latest version after a conflict, or alone, to copy. */
export function ChangesTable({ template, fieldIds, yours, theirs }: ChangesTableProps) {
  const { t } = useTranslation();
  const text = useTemplateText();
  const display = useValueDisplay();
  const fields = templateFields(template).filter((field) => fieldIds.includes(field.id));
  if (fields.length === 0) return <p>{t('contributions.form.noDifference')}</p>;
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <caption className="table__caption">
          {theirs ? t('contributions.form.compareCaption') : t('contributions.form.keptCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('contributions.form.compareField')}</th>
            <th scope="col">{t('contributions.form.compareYours')}</th>
            {theirs && <th scope="col">{t('contributions.form.compareLatest')}</th>}
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field.id}>
              <th scope="row">{text.label(field)}</th>
              <td className="table__text">{display.field(field, yours[field.id])}</td>
              {theirs && <td className="table__text">{display.field(field, theirs[field.id])}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
