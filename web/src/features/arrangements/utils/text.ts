import { useTranslation } from 'react-i18next';
import { countryName } from '../../../lib/display-names.ts';
import { useListFormat } from '../../../lib/name-lists.ts';
import type { Arrangement } from '../api/arrangements.ts';

/** An arrangement's name: its kind and where ("Representation in Türkiye", "Task sharing in Niger and Mali"). */
export function useArrangementTitle(): (arrangement: Pick<Arrangement, 'kind' | 'hostCountries'>) => string {
  const { t, i18n } = useTranslation();
  const join = useListFormat();
  return (arrangement) =>
    t(`arrangements.title.${arrangement.kind}`, {
      countries: join(arrangement.hostCountries.map((code) => countryName(code, i18n.language))),
    });
}
