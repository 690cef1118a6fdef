/** The network feature's pages, loaded together on the first visit to any of them (see app/router.tsx). */
export { EditActivityPage, RecordActivityPage } from './ActivityFormPage.tsx';
export { NetworkListPage } from './NetworkListPage.tsx';
export { NetworkPage } from './NetworkPage.tsx';
