import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Reference } from '#shared/api/schemas.ts';
import { activityKinds } from '#shared/networks.ts';
import { FormField } from '../../../components/form/FormField.tsx';
import { Page } from '../../../components/layout/Page.tsx';
import { OutcomeRegion, SuccessNotice, useOutcome } from '../../../components/ui/Outcome.tsx';
import { Section } from '../../../components/ui/Section.tsx';
import { arrangementPath, arrangementsPath, paths, recordActivityPath } from '../../../config/paths.ts';
import { formatCalendarDate } from '../../../lib/dates.ts';
import { countryName, useOrganisationName } from '../../../lib/display-names.ts';
import { useListFormat, useSortByName } from '../../../lib/name-lists.ts';
import { useSignedInReference } from '../../../lib/reference.ts';
import { type Network, useNetwork } from '../api/networks.ts';
import { pathKinds } from '../utils/activity-form.ts';
import { totalIlos, useNetworkTitle, useProvisionalNetworkTitle } from '../utils/names.ts';
import type { SavedActivity } from './ActivityFormPage.tsx';
import { ActivityTimeline } from './ActivityTimeline.tsx';
import { DraftingStateSection } from './DraftingStateSection.tsx';
import { NetworkNotLoaded } from './NetworkNotLoaded.tsx';

function isSavedActivity(value: unknown): value is SavedActivity {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<SavedActivity>;
  return (
    (candidate.saved === 'recorded' || candidate.saved === 'updated') &&
    typeof candidate.activityId === 'string' &&
    (activityKinds as readonly unknown[]).includes(candidate.kind)
  );
}

/** The semesters to choose from: the current one and those before it, newest first. */
function semesterChoices(reference: Reference) {
  return reference.semesters
    .filter((semester) => semester.id <= reference.currentSemester)
    .sort((a, b) => b.id.localeCompare(a.id));
}

/**
 * `/networks/:id?semester=`: a network in one semester. Its members (today and in the semester), who
 * drafts the semester report and why, what the network did (meetings, trainings, positions towards
 * carriers, contacts) and the arrangements in force among its members.
 */
export function NetworkPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const reference = useSignedInReference();
  const provisionalTitle = useProvisionalNetworkTitle();
  const networkTitle = useNetworkTitle();

  const choices = useMemo(() => semesterChoices(reference), [reference]);
  const asked = params.get('semester');
  const semester = asked && choices.some((choice) => choice.id === asked) ? asked : reference.currentSemester;
  const network = useNetwork(id, semester);

  // "Recorded" comes with the navigation from the form; shown once, not again after a reload or going back.
  const [saved, setSaved] = useState(() => (isSavedActivity(location.state) ? location.state : null));
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival.
  useEffect(() => {
    if (location.state)
      void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, []);
  const { outcome, announce, clear, region } = useOutcome();

  const fallbackTitle = provisionalTitle(id);
  if (network.error || !network.data) {
    return <NetworkNotLoaded title={fallbackTitle} network={network} loading={t('networks.page.loading')} />;
  }

  const data = network.data;
  return (
    <Page title={networkTitle(data)}>
      <OutcomeRegion
        outcome={outcome}
        region={region}
        otherwise={
          saved && (
            <SuccessNotice>
              {t(`networks.page.saved.${saved.saved}`, { kind: t(`networks.kinds.${saved.kind}`) })}
            </SuccessNotice>
          )
        }
      />

      <NetworkIntro network={data} />
      <SemesterPicker
        key={semester}
        choices={choices}
        semester={semester}
        onChoose={(next) => {
          clear();
          setSaved(null);
          setParams(next === reference.currentSemester ? {} : { semester: next });
        }}
      />
      <DraftingStateSection network={data} onOutcome={announce} />
      <Members network={data} />
      <Activities network={data} highlight={saved?.activityId} />
      <Arrangements network={data} />
    </Page>
  );
}

function NetworkIntro({ network }: { network: Network }) {
  const { t, i18n } = useTranslation();
  const join = useListFormat();
  if (network.kind === 'country') return <p>{t('networks.page.introCountry')}</p>;
  return (
    <p>
      {t('networks.page.introRegional', {
        countries: join(network.hostCountries.map((code) => countryName(code, i18n.language))),
      })}
    </p>
  );
}

function SemesterPicker({
  choices,
  semester,
  onChoose,
}: {
  choices: readonly Reference['semesters'][number][];
  semester: string;
  onChoose: (semester: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const [value, setValue] = useState(semester);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChoose(value);
  };
  return (
    <search className="filters" aria-label={t('networks.page.semesterSearch')}>
      <form className="filters__form" onSubmit={submit}>
        <FormField id="network-semester" label={t('networks.page.semester')}>
          {(control) => (
            <select
              className="field__control"
              value={value}
              onChange={(event) => setValue(event.target.value)}
              {...control}
            >
              {choices.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {t('networks.page.semesterOption', {
                    id: choice.id,
                    start: formatCalendarDate(choice.start, language),
                    end: formatCalendarDate(choice.end, language),
                  })}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="filters__actions">
          <button className="button" type="submit">
            {t('networks.page.showSemester')}
          </button>
        </div>
      </form>
    </search>
  );
}

function Members({ network }: { network: Network }) {
  const { t } = useTranslation();
  const organisationName = useOrganisationName();
  const sortByName = useSortByName();
  const { semester } = network;
  const now = new Map(network.members.map((member) => [member.state, member.ilos]));
  const during = new Map(semester.members.map((member) => [member.state, member.ilos]));
  const states = sortByName([...new Set([...now.keys(), ...during.keys()])], organisationName);

  return (
    <Section id="network-members" title={t('networks.members.heading')}>
      <p>{t('networks.members.intro')}</p>
      {states.length === 0 ? (
        <p>{t('networks.members.none', { semester: semester.id })}</p>
      ) : (
        <div className="table-scroll">
          <table className="table table--numbers">
            <caption className="table__caption">
              {t('networks.members.caption', { semester: semester.id })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('networks.members.state')}</th>
                <th scope="col" className="table__number">
                  {t('networks.members.today')}
                </th>
                <th scope="col" className="table__number">
                  {t('networks.members.inSemester', { semester: semester.id })}
                </th>
              </tr>
            </thead>
            <tbody>
              {states.map((state) => (
                <tr key={state}>
                  <th scope="row">
                    {organisationName(state)}
                    {state === semester.draftingState?.state && (
                      <span className="table__secondary">{t('networks.members.drafts')}</span>
                    )}
                  </th>
                  <td className="table__number">{now.get(state) ?? 0}</td>
                  <td className="table__number">{during.get(state) ?? 0}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="table__total">
                  {t('networks.members.total')}
                </th>
                <td className="table__number table__total">{totalIlos(network.members)}</td>
                <td className="table__number table__total">{totalIlos(semester.members)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </Section>
  );
}

function Activities({ network, highlight }: { network: Network; highlight?: string | undefined }) {
  const { t } = useTranslation();
  const { semester } = network;
  const canRecord = network.allowed.includes('record_activity');
  return (
    <Section id="network-activities" title={t('networks.timeline.heading', { semester: semester.id })}>
      {canRecord && (
        <nav className="record-links" aria-label={t('networks.timeline.recordLinks')}>
          <ul className="record-links__list">
            {activityKinds.map((kind) => (
              <li key={kind}>
                <Link
                  className="button button--secondary"
                  to={`${recordActivityPath(network.id, pathKinds[kind])}?semester=${encodeURIComponent(semester.id)}`}
                >
                  {t(`networks.record.link.${kind}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {network.activities.length === 0 ? (
        <p>{t('networks.timeline.empty', { semester: semester.id })}</p>
      ) : (
        <>
          <p className="list-count">{t('networks.timeline.count', { count: network.activities.length })}</p>
          <ActivityTimeline networkId={network.id} activities={network.activities} highlight={highlight} />
        </>
      )}
    </Section>
  );
}

function Arrangements({ network }: { network: Network }) {
  const { t, i18n } = useTranslation();
  const { language } = i18n;
  const organisationName = useOrganisationName();
  const join = useListFormat();
  const { semester } = network;
  return (
    <Section id="network-arrangements" title={t('networks.arrangements.heading')}>
      <p>{t('networks.arrangements.intro', { semester: semester.id })}</p>
      {network.arrangements.length === 0 ? (
        <p>{t('networks.arrangements.none')}</p>
      ) : (
        <ul className="arrangement-list">
          {network.arrangements.map((arrangement) => (
            <li key={arrangement.id}>
              <Link to={arrangementPath(arrangement.id)}>
                {t(`networks.arrangements.kinds.${arrangement.kind}`, {
                  parties: join(arrangement.parties.map(organisationName)),
                })}
              </Link>
              <span className="table__secondary">
                {arrangement.status === 'in_effect'
                  ? t('networks.arrangements.inEffect', {
                      from: formatCalendarDate(arrangement.validFrom, language),
                    })
                  : t('networks.arrangements.proposed', {
                      accepted: arrangement.acceptedBy.length,
                      parties: arrangement.parties.length,
                    })}
                {arrangement.validTo &&
                  ` · ${t('networks.arrangements.until', { to: formatCalendarDate(arrangement.validTo, language) })}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        {network.kind === 'country' ? (
          <Link to={arrangementsPath({ hostCountry: network.id })}>
            {t('networks.arrangements.allInCountry', { country: countryName(network.id, language) })}
          </Link>
        ) : (
          <Link to={paths.arrangements}>{t('networks.arrangements.all')}</Link>
        )}
      </p>
    </Section>
  );
}
