import { z } from 'zod';
import { env } from './env.ts';

/**
 * What the deployment tells the app at start, from `/config.json`: written by the stack at each
 * deployment (infra/web-hosting.ts) and by the local runtime, so that one build serves every
 * environment. Without the file (the Vite dev server) the build's own settings apply.
 */
const apiBaseUrl = z
  .string()
  .trim()
  .regex(/^(\/|https?:\/\/)/, 'must be a path starting with "/" or an http(s) URL')
  .transform((url) => url.replace(/\/+$/, ''));

const runtimeConfigSchema = z.discriminatedUnion('signInMethod', [
  z.object({ signInMethod: z.literal('dev'), apiBaseUrl }),
  z.object({
    signInMethod: z.literal('cognito'),
    apiBaseUrl,
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region'),
    userPoolId: z.string().regex(/^[\w-]+_[0-9a-zA-Z]+$/, 'must be a Cognito user pool id'),
    userPoolClientId: z.string().min(1),
    /** `https://<prefix>.auth.<region>.amazoncognito.com`, or a custom sign-in domain. */
    signInDomain: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, '')),
  }),
]);

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;
export type CognitoConfig = Extract<RuntimeConfig, { signInMethod: 'cognito' }>;

let loaded: RuntimeConfig | undefined;

export class RuntimeConfigError extends Error {
  override readonly name = 'RuntimeConfigError';
}

/** Reads /config.json once, before the app renders; throws a RuntimeConfigError naming what is wrong. */
export async function loadRuntimeConfig(fetchConfig: typeof fetch = fetch): Promise<RuntimeConfig> {
  const response = await fetchConfig('/config.json', { headers: { accept: 'application/json' } }).catch(
    () => undefined,
  );
  const isJson = response?.ok && (response.headers.get('content-type') ?? '').includes('json');
  const source: unknown = isJson
    ? await response.json()
    : { signInMethod: env.VITE_SIGN_IN_METHOD, apiBaseUrl: env.VITE_API_BASE_URL };
  const parsed = runtimeConfigSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`,
    );
    throw new RuntimeConfigError(`The deployment's /config.json is not valid: ${problems.join('; ')}`);
  }
  loaded = parsed.data;
  return loaded;
}

/** The configuration read at start (loadRuntimeConfig must have resolved first). */
export function runtimeConfig(): RuntimeConfig {
  if (!loaded) throw new Error('runtimeConfig() called before loadRuntimeConfig() finished');
  return loaded;
}
