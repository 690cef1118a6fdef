import { useTranslation } from 'react-i18next';
import type { DraftingReason } from '#shared/networks.ts';
import { useOrganisationName } from '../../../lib/display-names.ts';

interface Drafting {
  state: string;
  reason: DraftingReason;
}

/**
 * Why a state drafts the report, in words: the short form for tables ("Presidency", "Most ILOs") or
 * the sentence for the report's page, which names the Presidency when it is not the drafting state.
 */
export function useDraftingReason(): (
  drafting: Drafting,
  presidency: string | undefined,
  form: 'short' | 'long',
) => string {
  const { t } = useTranslation();
  const organisationName = useOrganisationName();
  return (drafting, presidency, form) => {
    if (form === 'short') return t(`reports.drafting.short.${drafting.reason}`);
    return t(`reports.drafting.long.${drafting.reason}`, {
      state: organisationName(drafting.state),
      presidency: presidency ? organisationName(presidency) : t('reports.drafting.thePresidency'),
    });
  };
}

/** "Germany — the member with the most ILOs", or "No drafting state" for a network without members. */
export function DraftingStateCell({
  drafting,
  presidency,
}: {
  drafting: Drafting | null;
  presidency?: string;
}) {
  const { t } = useTranslation();
  const organisationName = useOrganisationName();
  const reason = useDraftingReason();
  if (!drafting) return <>{t('reports.drafting.none')}</>;
  return (
    <>
      {organisationName(drafting.state)}
      <span className="table__secondary">{reason(drafting, presidency, 'short')}</span>
    </>
  );
}
