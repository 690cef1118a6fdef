import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { webContentSecurityPolicy, webSecurityHeaders } from '#shared/web-security.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * What /config.json tells the web app (web/src/config/runtime-config.ts validates it): the stack
 * writes the Cognito settings at deployment; locally the dev sign-in, unless a test sets a stand-in
 * for the hosted sign-in.
 */
export type WebRuntimeConfig = { apiBaseUrl: string } & (
  | { signInMethod: 'dev' }
  | {
      signInMethod: 'cognito';
      region: string;
      userPoolId: string;
      userPoolClientId: string;
      signInDomain: string;
    }
);

const LOCAL_WEB_CONFIG: WebRuntimeConfig = { apiBaseUrl: '/api', signInMethod: 'dev' };

// The same headers CloudFront sends (shared/web-security.ts), the sign-in domain allowed as there.
function pageHeaders(config: WebRuntimeConfig) {
  const connectSources = config.signInMethod === 'cognito' ? [config.signInDomain] : [];
  return {
    'content-security-policy': webContentSecurityPolicy({ connectSources }),
    'referrer-policy': webSecurityHeaders.referrerPolicy,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  };
}

/** Serves the built web app and its /config.json; any path that is not a file gets index.html (client-side routes). */
export function serveWebApp(
  webDir: string | undefined,
  pathname: string,
  response: ServerResponse,
  config: WebRuntimeConfig = LOCAL_WEB_CONFIG,
): void {
  if (!webDir || !existsSync(join(webDir, 'index.html'))) {
    response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('The web app is not built yet: run `npm run build:web` (npm start does it for you).\n');
    return;
  }
  if (pathname === '/config.json') {
    response.writeHead(200, {
      ...pageHeaders(config),
      'content-type': contentTypes['.json'],
      'cache-control': 'no-cache',
    });
    response.end(JSON.stringify(config));
    return;
  }
  const requested = normalize(join(webDir, decodeURIComponent(pathname)));
  const insideWebDir = requested.startsWith(webDir.endsWith(sep) ? webDir : webDir + sep);
  const isFile = insideWebDir && existsSync(requested) && statSync(requested).isFile();
  const file = isFile ? requested : join(webDir, 'index.html');
  const hashedAsset = isFile && pathname.startsWith('/assets/');
  response.writeHead(200, {
    ...pageHeaders(config),
    'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'cache-control': hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(response);
}
