import { paths } from '../../../config/paths.ts';

/** The sign-in page's address, remembering the page to come back to. */
export function signInPath(returnTo: string): string {
  if (returnTo === paths.dashboard) return paths.signIn;
  return `${paths.signIn}?${new URLSearchParams({ returnTo })}`;
}

/**
 * Where to go after signing in. Only a path of this app is accepted: a full or protocol-relative URL
 * ("//evil.example") in the query string must not turn sign-in into a redirect to another site.
 */
export function safeReturnTo(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return paths.dashboard;
  if (value === paths.signIn || value.startsWith(`${paths.signIn}?`)) return paths.dashboard;
  return value;
}
