/** The arrangement feature's pages, loaded together on the first visit to any of them (see app/router.tsx). */
export { ArrangementDetailPage } from './ArrangementDetailPage.tsx';
export { ArrangementListPage } from './ArrangementListPage.tsx';
export { NewArrangementPage } from './NewArrangementPage.tsx';
