import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contactCounterparts, trainingKinds } from '#shared/networks.ts';
import { editActivityPath } from '../../../config/paths.ts';
import { formatCalendarDate, formatInstant } from '../../../lib/dates.ts';
import { useOrganisationName } from '../../../lib/display-names.ts';
import { useListFormat } from '../../../lib/name-lists.ts';
import type en from '../../../locales/en.json';
import type { Activity } from '../api/networks.ts';

type TimelineField = keyof typeof en.networks.timeline.fields;

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}

interface Detail {
  term: string;
  value: ReactNode;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown) =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The key facts of one activity, in the words of the form that recorded it. */
function useActivityDetails(): (activity: Activity) => Detail[] {
  const { t } = useTranslation();
  const organisationName = useOrganisationName();
  const join = useListFormat();
  const states = (value: unknown) => join(list(value).map(organisationName));
  const lines = (value: unknown) => {
    const items = list(value);
    if (items.length === 0) return null;
    return (
      <ul className="timeline__list">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    );
  };
  const prose = (value: unknown) => <span className="prose">{text(value)}</span>;
  const label = (field: TimelineField) => t(`networks.timeline.fields.${field}`);
  const presence = (present: unknown) =>
    present === false ? t('networks.timeline.absent') : t('networks.timeline.present');

  return (activity) => {
    const { fields } = activity;
    const details: (Detail | null)[] = [];
    switch (activity.kind) {
      case 'meeting':
        details.push(
          { term: label('convenedBy'), value: organisationName(text(fields.convenedBy)) },
          { term: label('participants'), value: states(fields.participants) },
          { term: label('commission'), value: presence(fields.commissionPresent) },
          { term: label('ebcg'), value: presence(fields.ebcgPresent) },
          text(fields.absenceReason)
            ? { term: label('absenceReason'), value: prose(fields.absenceReason) }
            : null,
        );
        break;
      case 'training':
        details.push(
          {
            term: label('trainingKind'),
            value: isOneOf(trainingKinds, fields.kind)
              ? t(`networks.trainingKinds.${fields.kind}`)
              : text(fields.kind),
          },
          // Organisers are typed freely: an organisation's code (DE, EBCG) is named, words are kept.
          { term: label('organisers'), value: states(fields.organisers) },
          { term: label('participantCount'), value: String(fields.participantCount ?? '') },
        );
        break;
      case 'carrier_position':
        details.push(
          { term: label('carriers'), value: join(list(fields.carriers)) },
          { term: label('states'), value: states(fields.states) },
          { term: label('position'), value: prose(fields.position) },
        );
        break;
      case 'contact':
        details.push(
          {
            term: label('counterpartType'),
            value: isOneOf(contactCounterparts, fields.counterpartType)
              ? t(`networks.counterparts.${fields.counterpartType}`)
              : text(fields.counterpartType),
          },
          { term: label('counterpart'), value: text(fields.counterpart) },
        );
        break;
    }
    const topics = lines(fields.topics);
    if (topics) details.push({ term: label('topics'), value: topics });
    if (activity.kind !== 'carrier_position' && text(fields.summary)) {
      details.push({ term: label('summary'), value: prose(fields.summary) });
    }
    return details.filter((detail): detail is Detail => detail !== null);
  };
}

/**
 * The semester's activities in date order: what kind, when, who recorded it, and its key facts; with a
 * link to change it for the state that recorded it (the server's `allowed`).
 */
export function ActivityTimeline({
  networkId,
  activities,
  highlight,
}: {
  networkId: string;
  activities: readonly Activity[];
  /** The activity just recorded or changed. */
  highlight?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const organisationName = useOrganisationName();
  const detailsOf = useActivityDetails();
  const ordered = [...activities].sort(
    (a, b) =>
      text(a.fields.date).localeCompare(text(b.fields.date)) || a.createdAt.localeCompare(b.createdAt),
  );

  return (
    <ol className="timeline">
      {ordered.map((activity) => {
        const date = text(activity.fields.date);
        const kindName = t(`networks.kinds.${activity.kind}`);
        const headingId = `activity-${activity.id}`;
        const when = formatCalendarDate(date, language);
        return (
          <li
            key={activity.id}
            className={activity.id === highlight ? 'timeline__item timeline__item--new' : 'timeline__item'}
          >
            <article aria-labelledby={headingId}>
              <h3 className="timeline__title" id={headingId}>
                <span className={`timeline__kind timeline__kind--${activity.kind}`}>{kindName}</span>{' '}
                <time dateTime={date}>{when}</time>
              </h3>
              <p className="timeline__meta">
                {t('networks.timeline.recordedBy', { state: organisationName(activity.recordedBy) })}
                {activity.version > 1 &&
                  ` · ${t('networks.timeline.changed', { at: formatInstant(activity.updatedAt, language) })}`}
              </p>
              <dl className="facts facts--wide timeline__facts">
                {detailsOf(activity).map(({ term, value }) => (
                  <div className="facts__row" key={term}>
                    <dt>{term}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
              {activity.allowed.includes('edit') && (
                <p className="timeline__actions">
                  <Link to={editActivityPath(networkId, activity.semester, activity.id)}>
                    {t('networks.timeline.change')}
                    <span className="visually-hidden">
                      {' '}
                      {t('networks.timeline.changeWhich', { kind: kindName, date: when })}
                    </span>
                  </Link>
                </p>
              )}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
