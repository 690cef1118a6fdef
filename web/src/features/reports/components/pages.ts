/** The report pages, loaded together on the first visit to one of them (see app/router.tsx). */
export { AnnualSummaryPage } from './AnnualSummaryPage.tsx';
export { ReportFilePage } from './ReportFilePage.tsx';
export { ReportPage } from './ReportPage.tsx';
export { ReportsIndexPage } from './ReportsIndexPage.tsx';
export { SemesterReportsPage } from './SemesterReportsPage.tsx';
