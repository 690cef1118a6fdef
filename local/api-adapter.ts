import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { routes } from '#functions/routes.ts';
import { type Endpoint, endpoints, pathPattern } from '#shared/api/endpoints.ts';
import type { ErrorBody, ErrorCode } from '#shared/errors.ts';
import { errorStatus } from '#shared/errors.ts';
import type { DevTokenService } from './dev-auth.ts';
import { createDevLoginHandler } from './dev-login-handler.ts';
import { httpApiEvent, lambdaContext } from './lambda-event.ts';
import { serveWebApp, type WebRuntimeConfig } from './static-web.ts';

type LambdaHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

interface LocalRoute {
  endpoint: Endpoint;
  functionName: string;
  pattern: RegExp;
  parameterNames: string[];
  load: () => Promise<LambdaHandler>;
}

/** API Gateway's own payload limit; the handlers apply the product's smaller limit themselves. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

function localRoutes(tokens: DevTokenService): LocalRoute[] {
  const functionsDir = new URL('../functions/', import.meta.url);
  const deployed = routes.map((route) => {
    const endpoint: Endpoint = endpoints[route.endpoint];
    let loaded: Promise<LambdaHandler> | undefined;
    return {
      endpoint,
      functionName: route.endpoint,
      ...pathPattern(endpoint.path),
      // Loaded on first request, like a cold start, so configuration is read after the runtime set it.
      load: () => {
        loaded ??= import(new URL(route.entry, functionsDir).href).then(
          (m: { handler: LambdaHandler }) => m.handler,
        );
        return loaded;
      },
    };
  });
  const devLogin = createDevLoginHandler(tokens) as unknown as LambdaHandler;
  return [
    ...deployed,
    {
      endpoint: endpoints.devLogin,
      functionName: 'devLogin',
      ...pathPattern(endpoints.devLogin.path),
      load: async () => devLogin,
    },
  ];
}

function sendError(
  response: ServerResponse,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  const body: ErrorBody = { error: { code, message } };
  response.writeHead(errorStatus[code], {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<Buffer | 'too_large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_PAYLOAD_BYTES) return 'too_large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function bearerToken(request: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

export interface LocalApiOptions {
  tokens: DevTokenService;
  /** Folder of the built web app, served on the same origin; omit to serve the API alone. */
  webDir?: string;
  /** Served as /config.json beside the web app (see local/static-web.ts); the dev sign-in by default. */
  webConfig?: WebRuntimeConfig;
  /** Called with one line per API request, for the console. */
  log?: (line: string) => void;
}

/**
 * The local stand-in for API Gateway: matches a route, checks the bearer token where the deployed
 * route has the JWT authorizer, and invokes the same handler module with a payload 2.0 event.
 */
export function createLocalApiServer(options: LocalApiOptions): Server {
  const table = localRoutes(options.tokens);

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/api/') && url.pathname !== '/api') {
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return sendError(response, 'method_not_allowed', 'Only GET is served outside /api.');
      return serveWebApp(options.webDir, url.pathname, response, options.webConfig);
    }
    const started = Date.now();
    const samePath = table.filter((route) => route.pattern.test(url.pathname));
    const route = samePath.find((r) => r.endpoint.method === request.method);
    if (!route) {
      return samePath.length > 0
        ? sendError(response, 'method_not_allowed', `${request.method} is not allowed on ${url.pathname}.`)
        : sendError(response, 'not_found', `There is no API route ${url.pathname}.`);
    }
    let claims: Record<string, string> | undefined;
    if (route.endpoint.access === 'signed-in') {
      const token = bearerToken(request);
      claims = token ? await options.tokens.verify(token) : undefined;
      if (!claims) {
        return sendError(
          response,
          'unauthenticated',
          'Sign in to continue: the request carries no valid token.',
        );
      }
    }
    const body = await readBody(request);
    // The rest of the body is never read: the connection cannot carry another request after it.
    if (body === 'too_large')
      return sendError(response, 'payload_too_large', 'The request body is too large.', {
        connection: 'close',
      });
    const values = route.pattern.exec(url.pathname)?.slice(1) ?? [];
    let pathParameters: Record<string, string>;
    try {
      pathParameters = Object.fromEntries(
        route.parameterNames.map((name, i) => [name, decodeURIComponent(values[i] ?? '')]),
      );
    } catch {
      // A malformed escape (`%E0%A4%A`): no parameter can be read from it.
      return sendError(response, 'invalid_request', 'The path holds a malformed %-escape.');
    }
    const routeKey = `${route.endpoint.method} ${route.endpoint.path}`;
    const event = httpApiEvent({
      request,
      url,
      body,
      routeKey,
      pathParameters,
      ...(claims ? { claims } : {}),
    });
    const handler = await route.load();
    const result = await handler(event, lambdaContext(route.functionName));
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
    if (result.cookies?.length) headers['set-cookie'] = result.cookies;
    response.writeHead(result.statusCode ?? 200, headers);
    response.end(
      result.body ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8') : undefined,
    );
    options.log?.(
      `${request.method} ${url.pathname}${url.search} -> ${result.statusCode} (${Date.now() - started} ms)`,
    );
  };

  return createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // A handler never throws past its middleware chain; this is the adapter's own failure.
      console.error('local API adapter failed:', error);
      if (!response.headersSent)
        sendError(response, 'internal_error', 'The local runtime failed to handle the request.');
      else response.destroy();
    });
  });
}
