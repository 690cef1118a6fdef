import type { OrganisationCode, Role } from '#shared/reference/organisations.ts';

/**
 * Who acts: the signed-in person, their organisation and role. The HTTP adapter reads it from the
 * token's claims (lib/http/caller.ts); use cases and policies take it from here, knowing no HTTP.
 */
export interface Caller {
  subject: string;
  organisation: OrganisationCode;
  role: Role;
  name?: string;
}
