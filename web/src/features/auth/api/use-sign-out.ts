import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { paths } from '../../../config/paths.ts';
import { clearSession } from '../../../lib/session.ts';
import { signInMethod } from './sign-in-method.ts';

/** Forgets the session and everything read with it, then shows the sign-in page. */
export function useSignOut(): () => void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return () => {
    clearSession();
    queryClient.clear();
    // In the same event as clearing the session, so the sign-in page renders already signed out.
    void navigate(paths.signIn);
    void signInMethod().signOut();
  };
}
