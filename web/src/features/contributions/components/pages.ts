/** The contribution feature's pages, loaded on the first visit to one of them (see app/router.tsx). */
import '../utils/template-texts.ts';

export { ContributionPage } from './ContributionPage.tsx';
