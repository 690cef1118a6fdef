import { createBrowserRouter } from 'react-router';
import { paths } from '../config/paths.ts';
import { RequireSignIn } from '../features/auth/components/RequireSignIn.tsx';
import { SignInPage } from '../features/auth/components/SignInPage.tsx';
import { DashboardPage } from '../features/dashboard/components/DashboardPage.tsx';
import { NotFoundPage } from './routes/NotFoundPage.tsx';
import { RootLayout } from './routes/RootLayout.tsx';
import { RouteErrorPage } from './routes/RouteErrorPage.tsx';

export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: paths.signIn, element: <SignInPage /> },
      {
        path: paths.dashboard,
        element: (
          <RequireSignIn>
            <DashboardPage />
          </RequireSignIn>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
