import { Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { paths } from '../config/paths.ts';
import { RequireSignIn } from '../features/auth/components/RequireSignIn.tsx';
import { SignInCallbackPage } from '../features/auth/components/SignInCallbackPage.tsx';
import { SignInPage } from '../features/auth/components/SignInPage.tsx';
import { OutstandingContributionsPanel } from '../features/contributions/components/OutstandingContributionsPanel.tsx';
import { DashboardPage } from '../features/dashboard/components/DashboardPage.tsx';
import { LatestNotifications } from '../features/feed/components/LatestNotifications.tsx';
import { dashboardLoader } from './routes/dashboard-loader.ts';
import { NotFoundPage } from './routes/NotFoundPage.tsx';
import { RootLayout } from './routes/RootLayout.tsx';
import { RouteErrorPage, RouteLoadError } from './routes/RouteErrorPage.tsx';
import { RouteLoading } from './routes/RouteLoading.tsx';
import { signedInLoader } from './routes/signed-in-loader.ts';

// The secondment pages load on first visit, keeping the first download (sign-in, dashboard) small.
const secondmentPages = () => import('../features/secondments/components/pages.ts');
const semesterPages = () => import('../features/semesters/components/pages.ts');
const contributionPages = () => import('../features/contributions/components/pages.ts');
const networkPages = () => import('../features/networks/components/pages.ts');
const arrangementPages = () => import('../features/arrangements/components/pages.ts');
const reportPages = () => import('../features/reports/components/pages.ts');
const peoplePages = () => import('../features/people/components/pages.ts');

export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <RouteLoading />,
    children: [
      { path: paths.signIn, element: <SignInPage /> },
      { path: paths.signInCallback, element: <SignInCallbackPage /> },
      {
        // Every signed-in page has who is signed in and the reference data before it renders; a
        // failure to read them, or the page's own data it waits for, shows RouteLoadError here.
        loader: signedInLoader,
        errorElement: <RouteLoadError />,
        element: (
          <RequireSignIn>
            <Suspense fallback={<RouteLoading inLayout />}>
              <Outlet />
            </Suspense>
          </RequireSignIn>
        ),
        children: [
          // The app is where features meet: the contributions' and the feed's panels join the dashboard here.
          {
            path: paths.dashboard,
            loader: dashboardLoader,
            element: (
              <DashboardPage
                panels={
                  <>
                    <OutstandingContributionsPanel />
                    <LatestNotifications />
                  </>
                }
              />
            ),
          },
          {
            path: paths.secondments,
            lazy: async () => ({ Component: (await secondmentPages()).SecondmentListPage }),
          },
          {
            path: paths.newSecondment,
            lazy: async () => ({ Component: (await secondmentPages()).NewSecondmentPage }),
          },
          {
            path: paths.secondment,
            lazy: async () => ({ Component: (await secondmentPages()).SecondmentDetailPage }),
          },
          {
            path: paths.editSecondment,
            lazy: async () => ({ Component: (await secondmentPages()).EditSecondmentPage }),
          },
          {
            path: paths.networks,
            lazy: async () => ({ Component: (await networkPages()).NetworkListPage }),
          },
          {
            path: paths.network,
            lazy: async () => ({ Component: (await networkPages()).NetworkPage }),
          },
          {
            path: paths.recordActivity,
            lazy: async () => ({ Component: (await networkPages()).RecordActivityPage }),
          },
          {
            path: paths.editActivity,
            lazy: async () => ({ Component: (await networkPages()).EditActivityPage }),
          },
          {
            path: paths.arrangements,
            lazy: async () => ({ Component: (await arrangementPages()).ArrangementListPage }),
          },
          {
            path: paths.newArrangement,
            lazy: async () => ({ Component: (await arrangementPages()).NewArrangementPage }),
          },
          {
            path: paths.arrangement,
            lazy: async () => ({ Component: (await arrangementPages()).ArrangementDetailPage }),
          },
          {
            path: paths.semesters,
            lazy: async () => ({ Component: (await semesterPages()).SemesterListPage }),
          },
          {
            path: paths.semester,
            lazy: async () => ({ Component: (await semesterPages()).SemesterDetailPage }),
          },
          {
            path: paths.contribution,
            lazy: async () => ({ Component: (await contributionPages()).ContributionPage }),
          },
          {
            path: paths.reports,
            lazy: async () => ({ Component: (await reportPages()).ReportsIndexPage }),
          },
          {
            path: paths.semesterReports,
            lazy: async () => ({ Component: (await reportPages()).SemesterReportsPage }),
          },
          {
            path: paths.report,
            lazy: async () => ({ Component: (await reportPages()).ReportPage }),
          },
          {
            path: paths.reportFile,
            lazy: async () => ({ Component: (await reportPages()).ReportFilePage }),
          },
          {
            path: paths.annualSummary,
            lazy: async () => ({ Component: (await reportPages()).AnnualSummaryPage }),
          },
          {
            path: paths.people,
            lazy: async () => ({ Component: (await peoplePages()).PeoplePage }),
          },
          {
            path: paths.account,
            lazy: async () => ({ Component: (await peoplePages()).AccountPage }),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
