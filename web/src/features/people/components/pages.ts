/** The people directory's pages, loaded together on the first visit to one of them (see app/router.tsx). */
export { AccountPage } from './AccountPage.tsx';
export { PeoplePage } from './PeoplePage.tsx';
