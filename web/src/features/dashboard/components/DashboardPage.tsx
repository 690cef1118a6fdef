import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/layout/Page.tsx';
import { PresidencyGapsWarning } from '../../../components/semester/PresidencyGapsWarning.tsx';
import { useSignedInMe } from '../../../lib/me.ts';
import { useSignedInReference } from '../../../lib/reference.ts';
import { currentSemester } from '../utils/current-semester.ts';
import { CurrentSemesterSummary } from './CurrentSemesterSummary.tsx';
import { WhoYouAre } from './WhoYouAre.tsx';

/**
 * The dashboard. Other features' panels (such as the latest notifications) come in through `panels`,
 * composed at the route (app/router.tsx), so that no feature imports another.
 */
export function DashboardPage({ panels }: { panels?: ReactNode }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const reference = useSignedInReference();
  return (
    <Page title={t('dashboard.title')}>
      <PresidencyGapsWarning />
      <div className="card-grid">
        <WhoYouAre me={me} />
        <CurrentSemesterSummary semester={currentSemester(reference, new Date())} />
        {panels}
      </div>
    </Page>
  );
}
