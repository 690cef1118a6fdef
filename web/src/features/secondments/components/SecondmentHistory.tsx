import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { formatInstant } from '../../../lib/dates.ts';
import { useOrganisationName } from '../../../lib/display-names.ts';
import { useErrorMessage } from '../../../lib/error-message.ts';
import { useSecondmentHistory } from '../api/secondments.ts';

/** Every version: what happened, who did it (organisation, and name when recorded), when. Newest first. */
export function SecondmentHistory({ secondmentId }: { secondmentId: string }) {
  const { t, i18n } = useTranslation();
  const describeError = useErrorMessage();
  const organisationName = useOrganisationName();
  const history = useSecondmentHistory(secondmentId);

  let content: ReactNode;
  if (history.error) {
    content = (
      <ErrorState
        title={t('secondments.history.loadFailed')}
        message={describeError(history.error)}
        onRetry={() => void history.refetch()}
      />
    );
  } else if (!history.data) {
    content = <LoadingState label={t('secondments.history.loading')} />;
  } else {
    const versions = [...history.data.items].sort((a, b) => b.version - a.version);
    content = (
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">{t('secondments.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('secondments.history.version')}</th>
              <th scope="col">{t('secondments.history.action')}</th>
              <th scope="col">{t('secondments.history.actor')}</th>
              <th scope="col">{t('secondments.history.at')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((entry) => (
              <tr key={entry.version}>
                <th scope="row">{entry.version}</th>
                <td>{t(`secondments.history.actions.${entry.action}`)}</td>
                <td>
                  {entry.actor.name
                    ? t('secondments.history.actorWithName', {
                        organisation: organisationName(entry.actor.organisation),
                        name: entry.actor.name,
                      })
                    : organisationName(entry.actor.organisation)}
                </td>
                <td className="table__date">
                  <time dateTime={entry.at}>{formatInstant(entry.at, i18n.language)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <section aria-labelledby="secondment-history">
      <h2 className="section-title" id="secondment-history">
        {t('secondments.history.title')}
      </h2>
      {content}
    </section>
  );
}
