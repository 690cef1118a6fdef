import { useTranslation } from 'react-i18next';
import { countryName } from '../../../lib/display-names.ts';
import { useRegions } from '../../../lib/regions.ts';

const isCountryNetwork = (networkId: string) => /^[A-Z]{2}$/.test(networkId);

/**
 * Names networks in the UI language: a country network after its host country ("Burkina Faso"), a
 * regional one (`R-sahel`) by the name the Commission gave it, read only when one is to be named.
 */
export function useNetworkNames(networkIds: readonly string[]) {
  const { t, i18n } = useTranslation();
  const regions = useRegions(networkIds.some((id) => !isCountryNetwork(id)));
  const name = (networkId: string): string => {
    if (isCountryNetwork(networkId)) return countryName(networkId, i18n.language);
    return regions.data?.items.find((region) => region.id === networkId)?.name ?? networkId;
  };
  return {
    /** "Burkina Faso", "Sahel". */
    name,
    /** "ILO network in Burkina Faso", "Sahel (regional ILO network)". */
    title: (networkId: string): string =>
      isCountryNetwork(networkId)
        ? t('reports.network.country', { country: name(networkId) })
        : t('reports.network.regional', { name: name(networkId) }),
  };
}
