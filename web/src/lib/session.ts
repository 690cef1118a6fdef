import { useSyncExternalStore } from 'react';

/**
 * The signed-in session: the bearer token and when it expires, kept in sessionStorage so that it
 * survives a reload but not the closing of the tab. This is the one place that knows where the
 * token lives; the API client reads it, the auth feature writes and clears it.
 */
export interface Session {
  token: string;
  /** ISO 8601 instant. */
  expiresAt: string;
}

const STORAGE_KEY = 'ilo.session';
/** Set when the server ended the session (a 401): `ended`, or `disabled` for a disabled person, so that the sign-in page can say why it is shown. */
const ENDED_KEY = 'ilo.session-ended';
/** Set once the first signed-in page of a session has applied the person's saved language. */
const LANGUAGE_APPLIED_KEY = 'ilo.session-language-applied';

type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.token === 'string' && typeof candidate.expiresAt === 'string';
}

function isExpired(session: Session, now = Date.now()): boolean {
  const expiresAt = Date.parse(session.expiresAt);
  return Number.isNaN(expiresAt) || expiresAt <= now;
}

function readStoredSession(): Session | null {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    return isSession(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** The current session, or null when signed out or the token has expired. */
export function getSession(): Session | null {
  const stored = readStoredSession();
  return stored && !isExpired(stored) ? stored : null;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  sessionStorage.removeItem(ENDED_KEY);
  sessionStorage.removeItem(LANGUAGE_APPLIED_KEY);
  for (const listener of listeners) listener(session);
}

/**
 * Forgets the session: `signed-out` when the person chose to, `ended` when the server refused the
 * token, `disabled` when it refused it because the person's account was disabled.
 */
export function clearSession(reason: 'signed-out' | 'ended' | 'disabled' = 'signed-out'): void {
  sessionStorage.removeItem(STORAGE_KEY);
  sessionStorage.removeItem(LANGUAGE_APPLIED_KEY);
  if (reason !== 'signed-out') sessionStorage.setItem(ENDED_KEY, reason);
  else sessionStorage.removeItem(ENDED_KEY);
  for (const listener of listeners) listener(null);
}

/** Whether the last session ended by itself (the server refused the token, or it expired) rather than by signing out. */
export function sessionWasEnded(): boolean {
  if (sessionStorage.getItem(ENDED_KEY) !== null) return true;
  const stored = readStoredSession();
  return stored !== null && isExpired(stored);
}

/** Whether the last session was ended because the person's account was disabled. */
export function accountWasDisabled(): boolean {
  return sessionStorage.getItem(ENDED_KEY) === 'disabled';
}

/** Calls `listener` whenever the session is saved or cleared; returns the unsubscribe function. */
export function subscribeToSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current token (or null), re-rendering the component when someone signs in or out. */
export function useSessionToken(): string | null {
  // A string snapshot: useSyncExternalStore compares snapshots by identity.
  return useSyncExternalStore(subscribeToSession, () => getSession()?.token ?? null);
}

/**
 * True for the first signed-in page of a session only: it opens in the person's saved language;
 * a switch of language made afterwards in the header then holds until the next sign-in.
 */
export function takeFirstPageOfSession(): boolean {
  if (sessionStorage.getItem(LANGUAGE_APPLIED_KEY)) return false;
  sessionStorage.setItem(LANGUAGE_APPLIED_KEY, 'true');
  return true;
}
