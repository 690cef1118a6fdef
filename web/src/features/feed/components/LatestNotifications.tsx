import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FeedEntry, FeedKind } from '#shared/feed.ts';
import { LoadError } from '../../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { paths, secondmentPath } from '../../../config/paths.ts';
import { formatCalendarDate, formatInstant } from '../../../lib/dates.ts';
import { countryName, useOrganisationName } from '../../../lib/display-names.ts';
import { useSignedInMe } from '../../../lib/me.ts';
import { receivesNotifications, useLatestNotifications } from '../api/feed.ts';

/**
 * "Latest notifications": what other states notified, amended, ended or withdrew, as sentences in the
 * UI language ("France notified a secondment to Türkiye"), each linking to the secondment. Only for
 * those who receive secondment notifications: the Parliament and the EBCG Agency get no empty panel.
 */
export function LatestNotifications() {
  const me = useSignedInMe();
  if (!receivesNotifications(me)) return null;
  return <NotificationsCard />;
}

function NotificationsCard() {
  const { t } = useTranslation();
  const headingId = useId();
  const feed = useLatestNotifications();

  let content: ReactNode;
  if (feed.error) {
    content = (
      <LoadError title={t('feed.loadFailed')} error={feed.error} onRetry={() => void feed.refetch()} />
    );
  } else if (!feed.data) {
    content = <LoadingState label={t('feed.loading')} />;
  } else if (feed.data.items.length === 0) {
    content = <p>{t('feed.empty')}</p>;
  } else {
    content = (
      <ul className="feed">
        {feed.data.items.map((entry) => (
          <FeedItem key={entry.id} entry={entry} />
        ))}
      </ul>
    );
  }

  return (
    <section className="card card--wide" aria-labelledby={headingId}>
      <h2 className="card__title" id={headingId}>
        {t('feed.title')}
      </h2>
      {content}
      <p className="card__footer">
        <Link to={paths.secondments}>{t('feed.allSecondments')}</Link>
      </p>
    </section>
  );
}

/** The sentence of each kind of secondment notification (`feed.sentences.<key>`). */
const sentenceOf = {
  secondment_notified: 'notified',
  secondment_amended: 'amended',
  secondment_ended: 'ended',
  secondment_withdrawn: 'withdrawn',
} as const satisfies Record<Exclude<FeedKind, 'contribution_reminder'>, string>;

function FeedItem({ entry }: { entry: FeedEntry }) {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const organisationName = useOrganisationName();
  if (entry.kind === 'contribution_reminder' || !entry.secondment) {
    const reminder = entry.reminder;
    return (
      <li className="feed__item">
        <span>
          {t('feed.reminder', {
            count: reminder?.networks.length ?? 0,
            semester: reminder?.semester ?? '',
            days: reminder?.daysLeft ?? 0,
          })}
        </span>
        <span className="feed__meta">
          {t('feed.reminderMeta', { at: formatInstant(entry.at, language) })}
        </span>
      </li>
    );
  }
  const values = {
    from: organisationName(entry.from),
    country: countryName(entry.secondment.hostCountry, language),
  };
  const kind = sentenceOf[entry.kind];
  return (
    <li className="feed__item">
      <Link className="feed__link" to={secondmentPath(entry.secondment.id)}>
        {t(`feed.sentences.${kind}`, values)}
      </Link>
      <span className="feed__meta">
        {t('feed.meta', {
          at: formatInstant(entry.at, language),
          start: formatCalendarDate(entry.secondment.startDate, language),
        })}
      </span>
    </li>
  );
}
