import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Section } from '../../../components/ui/Section.tsx';
import { Table } from '../../../components/ui/Table.tsx';
import { reportPath } from '../../../config/paths.ts';
import { formatInstant } from '../../../lib/dates.ts';
import type { Report } from '../api/reports.ts';
import { ReportStatus } from './ReportStatus.tsx';

/**
 * Every version of the report, newest first; the one shown is marked, the others link to themselves.
 * The Council, the Parliament and the EBCG Agency read finalised versions only: the generated ones
 * are listed for them without a link.
 */
export function ReportVersions({
  report,
  shown,
  readsGenerated,
}: {
  report: Report;
  shown: number;
  readsGenerated: boolean;
}) {
  const { t, i18n } = useTranslation();
  const latest = Math.max(...report.versions.map((version) => version.version));
  const versions = [...report.versions].sort((a, b) => b.version - a.version);
  return (
    <Section id="report-versions" title={t('reports.versions.heading')}>
      <p>{t('reports.versions.intro')}</p>
      <Table
        caption={t('reports.versions.caption')}
        captionHidden
        columns={[
          t('reports.columns.version'),
          t('reports.columns.status'),
          t('reports.columns.generatedAt'),
        ]}
      >
        {versions.map((version) => {
          const label = t('reports.versions.version', { version: version.version });
          const status = version.status === 'finalised' ? 'finalised' : 'generated';
          return (
            <tr
              key={version.version}
              className={version.version === shown ? 'table__row--current' : undefined}
            >
              <th scope="row">
                {version.version === shown ? (
                  <>
                    {label}
                    <span className="table__secondary">{t('reports.versions.shown')}</span>
                  </>
                ) : status === 'generated' && !readsGenerated ? (
                  <>
                    {label}
                    <span className="table__secondary">{t('reports.versions.notReadable')}</span>
                  </>
                ) : (
                  <Link
                    to={reportPath(
                      report.semester,
                      report.networkId,
                      version.version === latest ? undefined : version.version,
                    )}
                  >
                    {label}
                  </Link>
                )}
                {version.version === latest && (
                  <span className="table__secondary">{t('reports.versions.latest')}</span>
                )}
              </th>
              <td>
                <ReportStatus status={status} />
              </td>
              <td className="table__date">{formatInstant(version.generatedAt, i18n.language)}</td>
            </tr>
          );
        })}
      </Table>
    </Section>
  );
}
