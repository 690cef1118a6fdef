import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { personActions } from '#shared/people.ts';
import { isOrganisation } from '#shared/reference/organisations.ts';
import { Page } from '../../../components/layout/Page.tsx';
import { FilterForm, FilterSelect, filterParams } from '../../../components/list/FilterForm.tsx';
import { ListCount, ListPage } from '../../../components/list/ListPage.tsx';
import { OutcomeRegion, useOutcome } from '../../../components/ui/Outcome.tsx';
import { Table } from '../../../components/ui/Table.tsx';
import { peoplePath } from '../../../config/paths.ts';
import { formatInstant } from '../../../lib/dates.ts';
import { useOrganisationName } from '../../../lib/display-names.ts';
import { useSignedInMe } from '../../../lib/me.ts';
import { type Person, type PersonStatusAction, usePeopleList } from '../api/people.ts';
import { useOrganisationOptions } from '../utils/organisations.ts';
import { PersonFormDialog } from './PersonFormDialog.tsx';
import { PersonStatusDialog } from './PersonStatusDialog.tsx';

/** What the page has open: the invitation, a change of one person, or a disable/enable to confirm. */
type Opened =
  | { kind: 'invite' }
  | { kind: 'edit'; person: Person }
  | { kind: 'status'; action: PersonStatusAction; person: Person };

/**
 * `/people`: the people of an organisation and what the caller may do with each (`allowed`). A
 * state's coordinators see their own state; the EC admin picks any organisation (`?organisation=`).
 */
export function PeoplePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [params, setParams] = useSearchParams();
  const organisationName = useOrganisationName();
  const anyOrganisation = me.capabilities.includes('people.manage_all');
  const asked = params.get('organisation') ?? '';
  const organisation = anyOrganisation && isOrganisation(asked) ? asked : me.organisation;
  const managesPeople = me.capabilities.includes('people.manage');
  const list = usePeopleList(organisation, managesPeople);
  const { outcome, announce, region } = useOutcome();
  const [opened, setOpened] = useState<Opened | null>(null);
  // Kept while a dialog closes, so that its title does not change under the closing animation.
  const lastOpened = useRef<Opened>({ kind: 'invite' });
  const open = (next: Opened) => {
    lastOpened.current = next;
    setOpened(next);
  };

  if (!managesPeople) {
    return (
      <Page title={t('people.title')}>
        <div className="notice" role="status">
          <p>{t('people.notAllowed')}</p>
        </div>
      </Page>
    );
  }

  const shown = opened ?? lastOpened.current;
  // The person being changed, as the list now has them: after a refused save the form offers that version.
  const latest = (person: Person) =>
    list.data?.pages.flatMap((page) => page.items).find((item) => item.id === person.id) ?? person;
  return (
    <ListPage
      title={t('people.title')}
      intro={t('people.intro', { organisation: organisationName(organisation) })}
      action={
        <button className="button" type="button" onClick={() => open({ kind: 'invite' })}>
          {t('people.invite.button')}
        </button>
      }
      controls={
        <>
          {anyOrganisation && (
            <OrganisationPicker
              key={organisation}
              organisation={organisation}
              onApply={(next) => setParams(filterParams({ organisation: next }))}
            />
          )}
          <OutcomeRegion outcome={outcome} region={region} />
        </>
      }
      list={list}
      loading={t('people.loading')}
      loadFailed={t('people.loadFailed')}
      footer={
        <>
          <PersonFormDialog
            open={opened?.kind === 'invite' || opened?.kind === 'edit'}
            person={shown.kind === 'edit' ? latest(shown.person) : undefined}
            organisation={organisation}
            chooseOrganisation={anyOrganisation}
            onClose={() => setOpened(null)}
            onDone={(message) => {
              setOpened(null);
              announce({ kind: 'done', message });
            }}
          />
          <PersonStatusDialog
            open={opened?.kind === 'status'}
            action={shown.kind === 'status' ? shown.action : 'disable'}
            person={shown.kind === 'status' ? shown.person : undefined}
            onClose={() => setOpened(null)}
            onOutcome={(next) => {
              setOpened(null);
              announce(next);
            }}
          />
        </>
      }
    >
      {(data) => (
        <PeopleTable
          organisation={organisation}
          items={data.pages.flatMap((page) => page.items)}
          more={
            list.hasNextPage
              ? {
                  loading: list.isFetchingNextPage,
                  load: () => list.fetchNextPage(),
                  label: t('people.loadMore'),
                  loadingLabel: t('people.loadingMore'),
                }
              : undefined
          }
          onEdit={(person) => open({ kind: 'edit', person })}
          onStatus={(action, person) => open({ kind: 'status', action, person })}
        />
      )}
    </ListPage>
  );
}

/** The EC admin's choice of organisation, kept in the address. */
function OrganisationPicker({
  organisation,
  onApply,
}: {
  organisation: string;
  onApply: (organisation: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const options = useOrganisationOptions();
  return (
    <FilterForm
      label={t('people.picker.label')}
      applyLabel={t('people.picker.apply')}
      clearLabel={t('people.picker.clear')}
      clearTo={peoplePath()}
      filtered={organisation !== 'EC'}
      onApply={(values) => onApply(values.organisation)}
    >
      <FilterSelect
        id="people-organisation"
        name="organisation"
        label={t('people.picker.organisation')}
        anyLabel={t('people.picker.own')}
        value={organisation === 'EC' ? undefined : organisation}
        options={options.filter((option) => option.value !== 'EC')}
      />
    </FilterForm>
  );
}

function PeopleTable({
  organisation,
  items,
  more,
  onEdit,
  onStatus,
}: {
  organisation: string;
  items: readonly Person[];
  more: Parameters<typeof ListCount>[0]['more'];
  onEdit: (person: Person) => void;
  onStatus: (action: PersonStatusAction, person: Person) => void;
}) {
  const { t, i18n } = useTranslation();
  const organisationName = useOrganisationName();
  const rows = useRef<HTMLTableSectionElement>(null);
  return (
    <>
      {items.length > 0 && (
        <Table
          caption={t('people.caption', { organisation: organisationName(organisation) })}
          bodyRef={rows}
          columns={[
            t('people.columns.name'),
            t('people.columns.email'),
            t('people.columns.role'),
            t('people.columns.language'),
            t('people.columns.status'),
            t('people.columns.lastSignIn'),
            { label: t('people.columns.actions'), hidden: true },
          ]}
        >
          {items.map((person) => (
            <tr key={person.id}>
              <th scope="row">{person.name}</th>
              <td>{person.email}</td>
              <td>{t(`roles.${person.role}`)}</td>
              <td>
                <span lang={person.language}>{t(`languages.${person.language}`)}</span>
              </td>
              <td>{t(`people.statuses.${person.status}`)}</td>
              <td>
                {person.lastSignInAt ? (
                  <time dateTime={person.lastSignInAt}>
                    {formatInstant(person.lastSignInAt, i18n.language)}
                  </time>
                ) : (
                  t('people.neverSignedIn')
                )}
              </td>
              <td>
                <div className="button-row">
                  {personActions
                    .filter((action) => person.allowed.includes(action))
                    .map((action) => (
                      <button
                        key={action}
                        className="button button--secondary button--small"
                        type="button"
                        onClick={() => (action === 'edit' ? onEdit(person) : onStatus(action, person))}
                      >
                        {t(`people.${action}.button`)}
                        <span className="visually-hidden"> {person.name}</span>
                      </button>
                    ))}
                </div>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <ListCount
        text={items.length === 0 ? t('people.none') : t('people.count', { count: items.length })}
        rows={rows}
        shown={items.length}
        more={more}
      />
    </>
  );
}
