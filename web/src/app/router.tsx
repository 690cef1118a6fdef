import { createBrowserRouter, Outlet } from 'react-router';
import { paths } from '../config/paths.ts';
import { RequireSignIn } from '../features/auth/components/RequireSignIn.tsx';
import { SignInPage } from '../features/auth/components/SignInPage.tsx';
import { DashboardPage } from '../features/dashboard/components/DashboardPage.tsx';
import { LatestNotifications } from '../features/feed/components/LatestNotifications.tsx';
import { NotFoundPage } from './routes/NotFoundPage.tsx';
import { RootLayout } from './routes/RootLayout.tsx';
import { RouteErrorPage } from './routes/RouteErrorPage.tsx';
import { RouteLoading } from './routes/RouteLoading.tsx';

// The secondment pages load on first visit, keeping the first download (sign-in, dashboard) small.
const secondmentPages = () => import('../features/secondments/components/pages.ts');

export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <RouteLoading />,
    children: [
      { path: paths.signIn, element: <SignInPage /> },
      {
        element: (
          <RequireSignIn>
            <Outlet />
          </RequireSignIn>
        ),
        children: [
          // The app is where features meet: the feed's panel joins the dashboard here.
          { path: paths.dashboard, element: <DashboardPage panels={<LatestNotifications />} /> },
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
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
