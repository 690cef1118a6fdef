/** The security headers of the web app, the same from the local static server and from CloudFront. */
import { reportStyleSource } from './report-style.ts';

/**
 * Scripts, styles and connections from the app's own origin only; no framing by others. The one
 * inline style allowed is the report documents' sheet, by its hash: a report is shown inline in a
 * sandboxed frame, which inherits this policy. `connectSources` adds the origins the app must call
 * besides its own: the hosted sign-in domain, whose token endpoint completes the sign-in.
 */
export function webContentSecurityPolicy(options: { connectSources?: readonly string[] } = {}): string {
  const connectSources = ["'self'", ...(options.connectSources ?? [])].join(' ');
  return [
    "default-src 'self'",
    "img-src 'self' data:",
    `style-src 'self' ${reportStyleSource}`,
    "script-src 'self'",
    `connect-src ${connectSources}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

export const webSecurityHeaders = {
  referrerPolicy: 'strict-origin-when-cross-origin',
  hstsMaxAgeSeconds: 63_072_000,
} as const;
