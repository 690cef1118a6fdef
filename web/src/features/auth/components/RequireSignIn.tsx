import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSessionToken } from '../../../lib/session.ts';
import { signInPath } from '../utils/return-to.ts';

/** Route guard: shows its children to signed-in people, sends others to sign in and then back here. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const token = useSessionToken();
  const { pathname, search, hash } = useLocation();
  if (!token) return <Navigate to={signInPath(`${pathname}${search}${hash}`)} replace />;
  return children;
}
