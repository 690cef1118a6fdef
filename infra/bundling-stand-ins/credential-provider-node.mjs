// Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles (see infra/bundling.ts).
// Lambda gives a function its role's credentials in environment variables, and the SDK's default
// chain would find them there first; the rest of the chain (profiles, SSO, web identity, instance
// metadata, with the STS and SSO clients they bring: about 130 KB minified) is never used on Lambda.
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init = {}) => fromEnv(init);
