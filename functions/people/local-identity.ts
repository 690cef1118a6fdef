import { newId } from '../lib/ids.ts';
import type { IdentityProvider } from './identity.ts';

/**
 * The local runtime's identity provider: the dev login signs people in by their directory entry, so
 * an identity is only a subject. Disabling needs nothing here: the request chain reads the
 * directory on every request and refuses a disabled person.
 */
export const LOCAL_SUBJECT_PREFIX = 'local-';

export function localIdentity(): IdentityProvider {
  return {
    create: async () => ({ subject: `${LOCAL_SUBJECT_PREFIX}${newId()}` }),
    remove: async () => {},
    update: async () => {},
    disable: async () => {},
    enable: async () => {},
  };
}
