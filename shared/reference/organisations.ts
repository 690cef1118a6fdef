import { countryName } from './countries.ts';
import { isParticipatingState, type StateCode } from './states.ts';

/** Organisations that are not states: the Commission, the Council, the Parliament and the EBCG agency. */
export const institutionCodes = ['EC', 'COUNCIL', 'EP', 'EBCG'] as const;
export type InstitutionCode = (typeof institutionCodes)[number];
export type OrganisationCode = StateCode | InstitutionCode;

export const roles = ['editor', 'coordinator', 'admin', 'reader'] as const;
export type Role = (typeof roles)[number];

export function isOrganisation(code: string): code is OrganisationCode {
  return isParticipatingState(code) || (institutionCodes as readonly string[]).includes(code);
}

/** Which roles an organisation's people can hold: editors and coordinators are states', admin is the Commission's. */
export function rolesFor(organisation: OrganisationCode): readonly Role[] {
  if (isParticipatingState(organisation)) return ['editor', 'coordinator', 'reader'];
  if (organisation === 'EC') return ['admin', 'reader'];
  return ['reader'];
}

export function isValidMembership(organisation: string, role: string): boolean {
  return isOrganisation(organisation) && (rolesFor(organisation) as readonly string[]).includes(role);
}

export const institutionNames: Record<InstitutionCode, string> = {
  EC: 'European Commission',
  COUNCIL: 'Council of the European Union',
  EP: 'European Parliament',
  EBCG: 'European Border and Coast Guard Agency',
};

export function organisationName(code: OrganisationCode): string {
  return isParticipatingState(code) ? countryName(code) : institutionNames[code];
}
