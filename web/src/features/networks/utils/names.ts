import { useTranslation } from 'react-i18next';
import { countryName } from '../../../lib/display-names.ts';

interface NamedNetwork {
  id: string;
  kind: 'country' | 'regional';
  name?: string | undefined;
}

/**
 * A network's name in the UI language: a country network is named after its host country
 * ("Türkiye"), a regional one has the name the Commission gave it.
 */
export function useNetworkName(): (network: NamedNetwork) => string {
  const { i18n } = useTranslation();
  return (network) =>
    network.kind === 'regional' ? (network.name ?? network.id) : countryName(network.id, i18n.language);
}

/** The title of a network's page: "ILO network in Türkiye", "Sahel (regional ILO network)". */
export function useNetworkTitle(): (network: NamedNetwork) => string {
  const { t } = useTranslation();
  const name = useNetworkName();
  return (network) =>
    network.kind === 'regional'
      ? t('networks.titleRegional', { name: name(network) })
      : t('networks.titleCountry', { country: name(network) });
}

/** A network page's title before the network is read: from its id alone. */
export function useProvisionalNetworkTitle(): (id: string) => string {
  const { t, i18n } = useTranslation();
  return (id) =>
    /^[A-Z]{2}$/.test(id)
      ? t('networks.titleCountry', { country: countryName(id, i18n.language) })
      : t('networks.titleFallback');
}

/** The total ILOs of a list of members. */
export function totalIlos(members: readonly { ilos: number }[]): number {
  return members.reduce((sum, member) => sum + member.ilos, 0);
}
