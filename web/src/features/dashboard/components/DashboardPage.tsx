import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/layout/Page.tsx';
import { PresidencyGapsWarning } from '../../../components/semester/PresidencyGapsWarning.tsx';
import { ErrorState } from '../../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { useMe } from '../../../lib/me.ts';
import { useReference } from '../../../lib/reference.ts';
import { currentSemester } from '../utils/current-semester.ts';
import { CurrentSemesterSummary } from './CurrentSemesterSummary.tsx';
import { WhoYouAre } from './WhoYouAre.tsx';

/**
 * The dashboard. Other features' panels (such as the latest notifications) come in through `panels`,
 * composed at the route (app/router.tsx), so that no feature imports another.
 */
export function DashboardPage({ panels }: { panels?: ReactNode }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const me = useMe();
  const reference = useReference();

  const failed = me.error ?? reference.error;
  let content: ReactNode;
  if (failed) {
    content = (
      <ErrorState
        title={t('errors.loadFailed')}
        message={describeError(failed)}
        onRetry={() => {
          if (me.isError) void me.refetch();
          if (reference.isError) void reference.refetch();
        }}
      />
    );
  } else if (!me.data || !reference.data) {
    content = <LoadingState label={t('dashboard.loading')} />;
  } else {
    content = (
      <div className="card-grid">
        <WhoYouAre me={me.data} />
        <CurrentSemesterSummary semester={currentSemester(reference.data, new Date())} />
        {panels}
      </div>
    );
  }

  return (
    <Page title={t('dashboard.title')}>
      <PresidencyGapsWarning />
      {content}
    </Page>
  );
}
