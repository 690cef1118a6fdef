import * as z from 'zod';

/**
 * The web app's build-time defaults (Vite `VITE_*` variables), used when the server sends no
 * /config.json (config/runtime-config.ts); checked once when the app loads so that a wrong deployment fails at once with a message instead of misbehaving later.
 */
const envSchema = z.object({
  VITE_API_BASE_URL: z
    .string()
    .trim()
    .regex(/^(\/|https?:\/\/)/, 'must be a path starting with "/" or an http(s) URL')
    .transform((url) => url.replace(/\/+$/, ''))
    .default('/api'),
  // Used only where no /config.json is served (the Vite dev server in front of the local runtime);
  // deployments say `cognito` in their /config.json (config/runtime-config.ts).
  VITE_SIGN_IN_METHOD: z.enum(['dev']).default('dev'),
});

export type Env = z.infer<typeof envSchema>;

function parseEnv(source: Record<string, unknown>): Env {
  // An empty variable means "not set", as it does for the shell.
  const defined = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = envSchema.safeParse(defined);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(
      `Invalid web configuration (check web/.env or the build environment):\n${problems.join('\n')}`,
    );
  }
  return result.data;
}

export const env: Env = parseEnv(import.meta.env);
