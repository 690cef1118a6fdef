import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  activityRecordSchema,
  arrangementRecordSchema,
  carrierPositionSchema,
  contactSchema,
  meetingSchema,
  trainingSchema,
} from '#shared/networks.ts';
import type { RecordSource } from '#shared/report-templates.ts';
import { ScrollRegion } from '../../../components/ui/ScrollRegion.tsx';
import { formatCalendarDate } from '../../../lib/dates.ts';
import { countryName, useOrganisationName } from '../../../lib/display-names.ts';
import { intlLocale } from '../../../lib/i18n.ts';
import { formatNumber } from '../utils/display.ts';

// The contribution carries the records without the caller's actions on them (`allowed`).
const activitySchema = activityRecordSchema.omit({ allowed: true });
const arrangementSchema = arrangementRecordSchema.omit({ allowed: true });

function useList(): (items: readonly string[]) => string {
  const { i18n } = useTranslation();
  const format = new Intl.ListFormat(intlLocale(i18n.language), { style: 'long', type: 'conjunction' });
  return (items) => format.format(items);
}

interface Column {
  header: string;
  className?: string;
}

/** One record's cells, in the order of the columns; null when the record cannot be read. */
type RowOf = (record: unknown) => ReactNode[] | null;

/**
 * The network's records that feed a section (meetings, trainings, carrier positions, contacts,
 * arrangements), read-only: they are recorded once, on the network, and nobody retypes them here.
 */
export function NetworkRecords({ source, records }: { source: RecordSource; records: readonly unknown[] }) {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const organisationName = useOrganisationName();
  const list = useList();
  const date = (iso: string) => <time dateTime={iso}>{formatCalendarDate(iso, language)}</time>;
  const states = (codes: readonly string[]) => list(codes.map(organisationName));
  const summary = (topics: readonly string[], text: string) => (
    <>
      {topics.length > 0 && <span className="table__secondary">{list(topics)}</span>}
      {text}
    </>
  );

  /** An activity's row: its fields read with the schema they were recorded with. */
  const activity =
    <T,>(parse: (fields: unknown) => T | undefined, cells: (fields: T) => ReactNode[]): RowOf =>
    (record) => {
      const parsed = activitySchema.safeParse(record);
      if (!parsed.success) return null;
      const fields = parse(parsed.data.fields);
      return fields === undefined ? null : cells(fields);
    };

  const tables: Record<RecordSource, { columns: Column[]; row: RowOf }> = {
    meetings: {
      columns: [
        { header: t('contributions.records.date'), className: 'table__date' },
        { header: t('contributions.records.convenedBy') },
        { header: t('contributions.records.participants') },
        { header: t('contributions.records.attendance') },
        { header: t('contributions.records.summary'), className: 'table__text' },
      ],
      row: activity(
        (fields) => meetingSchema.safeParse(fields).data,
        (meeting) => [
          date(meeting.date),
          organisationName(meeting.convenedBy),
          states(meeting.participants),
          <>
            {t(
              meeting.commissionPresent
                ? 'contributions.records.ecPresent'
                : 'contributions.records.ecAbsent',
            )}
            <br />
            {t(
              meeting.ebcgPresent ? 'contributions.records.ebcgPresent' : 'contributions.records.ebcgAbsent',
            )}
            {meeting.absenceReason && <span className="table__secondary">{meeting.absenceReason}</span>}
          </>,
          summary(meeting.topics, meeting.summary),
        ],
      ),
    },
    trainings: {
      columns: [
        { header: t('contributions.records.date'), className: 'table__date' },
        { header: t('contributions.records.trainingKind') },
        { header: t('contributions.records.organisers') },
        { header: t('contributions.records.participantCount') },
        { header: t('contributions.records.summary'), className: 'table__text' },
      ],
      row: activity(
        (fields) => trainingSchema.safeParse(fields).data,
        (training) => [
          date(training.date),
          t(`contributions.records.trainingKinds.${training.kind}`),
          states(training.organisers),
          formatNumber(training.participantCount, language),
          summary(training.topics, training.summary),
        ],
      ),
    },
    carrier_positions: {
      columns: [
        { header: t('contributions.records.date'), className: 'table__date' },
        { header: t('contributions.records.carriers') },
        { header: t('contributions.records.states') },
        { header: t('contributions.records.position'), className: 'table__text' },
      ],
      row: activity(
        (fields) => carrierPositionSchema.safeParse(fields).data,
        (position) => [
          date(position.date),
          list(position.carriers),
          states(position.states),
          position.position,
        ],
      ),
    },
    contacts: {
      columns: [
        { header: t('contributions.records.date'), className: 'table__date' },
        { header: t('contributions.records.counterpart') },
        { header: t('contributions.records.summary'), className: 'table__text' },
      ],
      row: activity(
        (fields) => contactSchema.safeParse(fields).data,
        (contact) => [
          date(contact.date),
          <>
            {contact.counterpart}
            <span className="table__secondary">
              {t(`contributions.records.counterparts.${contact.counterpartType}`)}
            </span>
          </>,
          contact.summary,
        ],
      ),
    },
    arrangements: {
      columns: [
        { header: t('contributions.records.arrangementKind') },
        { header: t('contributions.records.parties') },
        { header: t('contributions.records.hostCountries') },
        { header: t('contributions.records.validity'), className: 'table__date' },
        { header: t('contributions.records.scope'), className: 'table__text' },
      ],
      row: (record) => {
        const parsed = arrangementSchema.safeParse(record);
        if (!parsed.success) return null;
        const arrangement = parsed.data;
        return [
          <>
            {t(`contributions.records.arrangementKinds.${arrangement.kind}`)}
            <span className="table__secondary">
              {t(`contributions.records.arrangementStatus.${arrangement.status}`)}
            </span>
          </>,
          states(arrangement.parties),
          list(arrangement.hostCountries.map((code) => countryName(code, language))),
          arrangement.validTo
            ? t('contributions.records.validFromTo', {
                from: formatCalendarDate(arrangement.validFrom, language),
                to: formatCalendarDate(arrangement.validTo, language),
              })
            : t('contributions.records.validFrom', {
                from: formatCalendarDate(arrangement.validFrom, language),
              }),
          arrangement.scope,
        ];
      },
    },
  };

  const { columns, row } = tables[source];
  const caption = t(`contributions.records.captions.${source}`);
  if (records.length === 0) {
    return (
      <p className="records-empty">
        <strong>{caption}:</strong> {t(`contributions.records.none.${source}`)}
      </p>
    );
  }
  return (
    <ScrollRegion className="records" label={caption}>
      <table className="table table--compact">
        <caption className="table__caption">
          {caption}
          <span className="table__secondary">{t('contributions.records.readOnly')}</span>
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {records.map((record, index) => {
            const cells = row(record);
            const key =
              typeof record === 'object' && record && 'id' in record ? String(record.id) : String(index);
            return (
              <tr key={key}>
                {cells ? (
                  cells.map((cell, column) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed per table.
                    <td key={column} className={columns[column]?.className}>
                      {cell}
                    </td>
                  ))
                ) : (
                  <td colSpan={columns.length}>{t('contributions.records.unreadable')}</td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
