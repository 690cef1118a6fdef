import { useTranslation } from 'react-i18next';
import { QueryResult } from '../../../components/ui/QueryResult.tsx';
import { Section } from '../../../components/ui/Section.tsx';
import { Table } from '../../../components/ui/Table.tsx';
import { formatInstant } from '../../../lib/dates.ts';
import { useOrganisationName } from '../../../lib/display-names.ts';
import { useSecondmentHistory } from '../api/secondments.ts';

/** Every version: what happened, who did it (organisation, and name when recorded), when. Newest first. */
export function SecondmentHistory({ secondmentId }: { secondmentId: string }) {
  const { t, i18n } = useTranslation();
  const organisationName = useOrganisationName();
  const history = useSecondmentHistory(secondmentId);

  const table = (items: NonNullable<typeof history.data>['items']) => {
    const versions = [...items].sort((a, b) => b.version - a.version);
    return (
      <Table
        caption={t('secondments.history.caption')}
        captionHidden
        columns={[
          t('secondments.history.version'),
          t('secondments.history.action'),
          t('secondments.history.actor'),
          t('secondments.history.at'),
        ]}
      >
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
      </Table>
    );
  };

  return (
    <Section id="secondment-history" title={t('secondments.history.title')}>
      <QueryResult
        query={history}
        loading={t('secondments.history.loading')}
        loadFailed={t('secondments.history.loadFailed')}
      >
        {(data) => table(data.items)}
      </QueryResult>
    </Section>
  );
}
