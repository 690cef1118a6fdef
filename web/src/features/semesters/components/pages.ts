/** The semester pages, loaded together on the first visit to one of them (see app/router.tsx). */
export { SemesterDetailPage } from './SemesterDetailPage.tsx';
export { SemesterListPage } from './SemesterListPage.tsx';
