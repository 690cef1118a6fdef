/** The secondment feature's pages, loaded together on the first visit to any of them (see app/router.tsx). */
export { SecondmentDetailPage } from './SecondmentDetailPage.tsx';
export { EditSecondmentPage, NewSecondmentPage } from './SecondmentFormPage.tsx';
export { SecondmentListPage } from './SecondmentListPage.tsx';
