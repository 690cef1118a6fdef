import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { Contribution } from '#shared/contributions.ts';
import type { ReportTemplate } from '#shared/report-templates.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { contributionQuery } from '../api/contributions.ts';
import type { SetAside } from '../utils/draft-store.ts';
import {
  changedFieldIds,
  controlId,
  flatValuesOfContribution,
  signatureOf,
  withFields,
} from '../utils/form-values.ts';
import type { ContributionAutosave } from './use-contribution-autosave.ts';
import type { ContributionDraft } from './use-contribution-draft.ts';

/**
 * After a conflict: the form shows the latest version, and what the person typed is set aside beside
 * it, to put back over it (fields they did not change keep the newer values) or drop.
 */
export function useContributionConflict(
  draft: ContributionDraft,
  autosave: ContributionAutosave,
  template: ReportTemplate,
  contribution: Contribution,
  onChange: (contribution: Contribution) => void,
) {
  const queryClient = useQueryClient();
  const describeError = useErrorMessage();
  const setAsideHeading = useRef<HTMLHeadingElement>(null);
  const { server, aside, keeper } = draft;

  const reloadLatest = async () => {
    try {
      const latest = await queryClient.fetchQuery({ ...contributionQuery(contribution), staleTime: 0 });
      const yours: SetAside = { values: draft.currentValues(), base: server.current.values };
      const latestValues = flatValuesOfContribution(template, latest);
      server.current = {
        version: latest.version,
        values: latestValues,
        signature: signatureOf(template, latestValues),
        savedAt: latest.savedAt,
      };
      autosave.block(null);
      aside.update(yours, latest.version);
      draft.resetTo(latestValues);
      keeper.keepNow();
      autosave.setStatus(latest.savedAt ? { kind: 'saved', at: latest.savedAt } : { kind: 'idle' });
      onChange(latest);
      window.setTimeout(() => setAsideHeading.current?.focus(), 0);
    } catch (error) {
      autosave.setStatus({ kind: 'failed', message: describeError(error) });
    }
  };

  const putBack = () => {
    const setAside = aside.current();
    if (!setAside) return;
    const changed = changedFieldIds(template, setAside.base, setAside.values);
    draft.resetTo(withFields(server.current.values, setAside.values, changed));
    aside.update(null);
    keeper.keepNow();
    void autosave.saveNow();
    const first = changed[0];
    if (first) window.setTimeout(() => document.getElementById(controlId(first))?.focus(), 0);
  };

  const dropSetAside = () => {
    aside.update(null);
    keeper.keepNow();
  };

  return { reloadLatest, putBack, dropSetAside, setAsideHeading };
}
