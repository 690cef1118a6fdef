import { useTranslation } from 'react-i18next';
import { type FieldPath, fieldPaths, type SecondmentFormValues } from '../utils/form-values.ts';
import { fieldKeys, useFieldDisplay } from '../utils/text.ts';

interface TypedValuesProps {
  caption: string;
  /** What the person typed. */
  yours: SecondmentFormValues;
  /** To compare with (the latest saved version): only the fields that differ are listed. */
  theirs?: SecondmentFormValues | undefined;
  theirsHeading?: string;
  /** The fields to consider (all when left out). */
  fields?: readonly FieldPath[];
}

/**
 * What someone typed, field by field, as a table: beside the latest version after a conflict (only
 * the differences), or alone when it can no longer be saved, so that it can be copied elsewhere.
 */
export function TypedValues({
  caption,
  yours,
  theirs,
  theirsHeading,
  fields = fieldPaths,
}: TypedValuesProps) {
  const { t } = useTranslation();
  const display = useFieldDisplay();
  const none = t('secondments.detail.none');
  const rows = fields
    .map((path) => ({
      path,
      yours: display(path, yours),
      theirs: theirs ? display(path, theirs) : undefined,
    }))
    .filter((row) => (theirs ? row.yours !== row.theirs : row.yours !== none));

  if (rows.length === 0) return <p>{t('secondments.form.noDifference')}</p>;
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('secondments.form.compareField')}</th>
            <th scope="col">{t('secondments.form.compareYours')}</th>
            {theirs && <th scope="col">{theirsHeading}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.path}>
              <th scope="row">{t(`secondments.fields.${fieldKeys[row.path]}.label`)}</th>
              <td className="table__text">{row.yours}</td>
              {theirs && <td className="table__text">{row.theirs}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
