import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../../../components/layout/Page.tsx';
import { LoadError, NotAllowed } from '../../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { ScrollRegion } from '../../../components/ui/ScrollRegion.tsx';
import { Section } from '../../../components/ui/Section.tsx';
import { Table } from '../../../components/ui/Table.tsx';
import { paths, reportPath, semesterReportsPath } from '../../../config/paths.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { formatInstant } from '../../../lib/dates.ts';
import { nameCollator, useOrganisationName } from '../../../lib/display-names.ts';
import { intlLocale } from '../../../lib/i18n.ts';
import { useSignedInMe } from '../../../lib/me.ts';
import { type AnnualSummary, reportKeys, useAnnualSummary } from '../api/reports.ts';
import { figureLabel, orderedFigureKeys } from '../utils/figures.ts';
import { useNetworkNames } from '../utils/names.ts';
import { FileLinks } from './FileLinks.tsx';
import { ReportStatus } from './ReportStatus.tsx';

type Document = AnnualSummary['summary'];
type Figures = Record<string, number>;

const sum = (figures: Figures) => Object.values(figures).reduce((total, value) => total + value, 0);

/** `/annual-summaries/:year`: the Commission's annual summary of the networks, drafted from the year's reports. */
export function AnnualSummaryPage() {
  const { t } = useTranslation();
  const { year = '' } = useParams();
  const valid = /^\d{4}$/.test(year);
  const summary = useAnnualSummary(year, valid);
  const title = t('reports.annual.title', { year });
  const back = (
    <p className="breadcrumb">
      <Link to={paths.reports}>{t('reports.annual.toIndex')}</Link>
    </p>
  );

  if (!valid) {
    return (
      <Page title={t('reports.annual.invalidTitle')}>
        <p>{t('reports.annual.invalid')}</p>
        {back}
      </Page>
    );
  }
  if (summary.error) {
    const error = summary.error;
    const status = error instanceof ApiError ? error.status : 0;
    return (
      <Page title={title}>
        {back}
        {status === 404 && (
          <div className="notice">
            <h2 className="notice__title">{t('reports.annual.notYetTitle')}</h2>
            <p>{t('reports.annual.notYet', { year })}</p>
            <p>
              <Link to={semesterReportsPath(`${year}-H2`)}>
                {t('reports.annual.toSecondSemester', { id: `${year}-H2` })}
              </Link>
            </p>
          </div>
        )}
        {status === 403 && <NotAllowed error={error} reason={t('reports.annual.forbidden')} />}
        {status !== 404 && status !== 403 && (
          <LoadError
            title={t('reports.annual.loadFailed')}
            error={error}
            onRetry={() => void summary.refetch()}
          />
        )}
      </Page>
    );
  }
  if (!summary.data) {
    return (
      <Page title={title}>
        {back}
        <LoadingState label={t('reports.annual.loading')} />
      </Page>
    );
  }
  return (
    <Page title={title}>
      {back}
      <AnnualSummaryContent data={summary.data} readAt={summary.dataUpdatedAt} />
    </Page>
  );
}

function AnnualSummaryContent({ data, readAt }: { data: AnnualSummary; readAt: number }) {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const queryClient = useQueryClient();
  const document = data.summary;
  return (
    <>
      <p>{t('reports.annual.intro', { year: data.year })}</p>
      <section className="card card--flat" aria-label={t('reports.annual.about')}>
        <dl className="facts facts--wide">
          <div className="facts__row">
            <dt>{t('reports.columns.version')}</dt>
            <dd>{data.version}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('reports.annual.draftedAt')}</dt>
            <dd>{formatInstant(data.generatedAt, language)}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('reports.annual.classification')}</dt>
            <dd>{document.classification}</dd>
          </div>
        </dl>
      </section>

      <Section id="annual-files" title={t('reports.files.heading')}>
        <FileLinks
          links={data.formats}
          readAt={readAt}
          label={t('reports.files.annualLabel', { year: data.year, version: data.version })}
          refresh={async () => {
            try {
              await queryClient.invalidateQueries({ queryKey: reportKeys.annual(String(data.year)) });
              return queryClient.getQueryData<AnnualSummary>(reportKeys.annual(String(data.year)))?.formats;
            } catch {
              return undefined;
            }
          }}
        />
      </Section>

      <OverallFigures document={document} />
      <IlosByState ilosByState={document.overall.ilosByState} year={document.year} />
      <NetworkTable document={document} />
      <ReportList document={document} />
    </>
  );
}

function useNumber() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(intlLocale(i18n.language));
  const signed = new Intl.NumberFormat(intlLocale(i18n.language), { signDisplay: 'exceptZero' });
  return { number: (value: number) => format.format(value), signed: (value: number) => signed.format(value) };
}

function OverallFigures({ document }: { document: Document }) {
  const { t, i18n } = useTranslation();
  const { number, signed } = useNumber();
  const { overall, year } = document;
  const previous = overall.previousYearFigures;
  const keys = orderedFigureKeys([...Object.keys(overall.figures), ...Object.keys(previous ?? {})]);
  const change = (key: string): string => {
    if (!previous) return t('reports.annual.noData');
    const value = overall.change?.[key] ?? (overall.figures[key] ?? 0) - (previous[key] ?? 0);
    if (value === 0) return t('reports.annual.unchanged');
    return signed(value);
  };
  return (
    <Section id="annual-overall" title={t('reports.annual.overallHeading')}>
      <dl className="facts facts--wide facts--spaced">
        <div className="facts__row">
          <dt>{t('reports.annual.networks')}</dt>
          <dd>{number(overall.networks)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('reports.annual.ilos')}</dt>
          <dd>{number(sum(overall.ilosByState))}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('reports.annual.meetings')}</dt>
          <dd>{number(overall.meetings)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('reports.annual.trainings')}</dt>
          <dd>{number(overall.trainings)}</dd>
        </div>
      </dl>
      {!previous && <p>{t('reports.annual.noPreviousYear', { previous: year - 1 })}</p>}
      <Table
        caption={t('reports.annual.figuresCaption', { year })}
        columns={[
          t('reports.annual.figure'),
          { label: String(year), className: 'table__number' },
          { label: String(year - 1), className: 'table__number' },
          { label: t('reports.annual.change'), className: 'table__number' },
        ]}
      >
        {keys.map((key) => (
          <tr key={key}>
            <th scope="row">{figureLabel(key, i18n.language)}</th>
            <td className="table__number">{number(overall.figures[key] ?? 0)}</td>
            <td className="table__number">
              {previous ? number(previous[key] ?? 0) : t('reports.annual.noData')}
            </td>
            <td className="table__number">{change(key)}</td>
          </tr>
        ))}
      </Table>
    </Section>
  );
}

function IlosByState({ ilosByState, year }: { ilosByState: Figures; year: number }) {
  const { t, i18n } = useTranslation();
  const organisationName = useOrganisationName();
  const { number } = useNumber();
  const collator = nameCollator(i18n.language);
  const rows = Object.entries(ilosByState).sort(([a], [b]) =>
    collator.compare(organisationName(a), organisationName(b)),
  );
  if (rows.length === 0) return null;
  return (
    <Section id="annual-states" title={t('reports.annual.statesHeading')}>
      <div className="table-scroll">
        <table className="table table--compact table--narrow">
          <caption className="table__caption">{t('reports.annual.statesCaption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.annual.state')}</th>
              <th scope="col" className="table__number">
                {t('reports.annual.ilos')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([state, ilos]) => (
              <tr key={state}>
                <th scope="row">{organisationName(state)}</th>
                <td className="table__number">{number(ilos)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

function NetworkTable({ document }: { document: Document }) {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const organisationName = useOrganisationName();
  const { number } = useNumber();
  const networks = useNetworkNames(document.networks.map((network) => network.networkId));
  const collator = nameCollator(language);
  const rows = [...document.networks].sort((a, b) =>
    collator.compare(networks.name(a.networkId), networks.name(b.networkId)),
  );
  const keys = orderedFigureKeys(rows.flatMap((row) => Object.keys(row.figures)));
  return (
    <Section id="annual-networks" title={t('reports.annual.networksHeading')}>
      {rows.length === 0 ? (
        <p>{t('reports.annual.noNetworks')}</p>
      ) : (
        <ScrollRegion label={t('reports.annual.networksCaption', { year: document.year })}>
          <table className="table table--compact table--wrap-headers">
            <caption className="table__caption">
              {t('reports.annual.networksCaption', { year: document.year })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.columns.network')}</th>
                <th scope="col" className="table__number">
                  {t('reports.annual.ilos')}
                </th>
                <th scope="col" className="table__number">
                  {t('reports.annual.meetings')}
                </th>
                <th scope="col" className="table__number">
                  {t('reports.annual.trainings')}
                </th>
                {keys.map((key) => (
                  <th scope="col" className="table__number" key={key}>
                    {figureLabel(key, language)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.networkId}>
                  <th scope="row">
                    {networks.name(row.networkId)}
                    <span className="table__secondary">
                      {Object.entries(row.ilosByState)
                        .map(([state, ilos]) => `${organisationName(state)} ${number(ilos)}`)
                        .join(', ')}
                    </span>
                  </th>
                  <td className="table__number">{number(sum(row.ilosByState))}</td>
                  <td className="table__number">{number(row.meetings)}</td>
                  <td className="table__number">{number(row.trainings)}</td>
                  {keys.map((key) => (
                    <td className="table__number" key={key}>
                      {number(row.figures[key] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Section>
  );
}

function ReportList({ document }: { document: Document }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const networks = useNetworkNames(document.reports.map((report) => report.networkId));
  // The Commission and the states read generated reports (states: of their networks); the Council
  // and the Parliament read finalised ones only, so only those are links for them.
  const readsGenerated = me.capabilities.includes('reports.read_generated');
  return (
    <Section id="annual-reports" title={t('reports.annual.reportsHeading')}>
      <Table
        caption={t('reports.annual.reportsCaption', { year: document.year })}
        columns={[
          t('reports.columns.semester'),
          t('reports.columns.network'),
          { label: t('reports.columns.version'), className: 'table__number' },
          t('reports.columns.status'),
        ]}
        compact
      >
        {document.reports.map((report) => {
          const status = report.status === 'finalised' ? 'finalised' : 'generated';
          const name = networks.name(report.networkId);
          return (
            <tr key={`${report.semester}-${report.networkId}`}>
              <td>{report.semester}</td>
              <th scope="row">
                {status === 'finalised' || readsGenerated ? (
                  <Link to={reportPath(report.semester, report.networkId, report.version)}>{name}</Link>
                ) : (
                  name
                )}
              </th>
              <td className="table__number">{report.version}</td>
              <td>
                <ReportStatus status={status} />
              </td>
            </tr>
          );
        })}
      </Table>
    </Section>
  );
}
