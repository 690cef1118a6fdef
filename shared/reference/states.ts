import { allCountryCodes, countryName } from './countries.ts';

/**
 * The states participating in the ILO network: the 27 EU Member States and the four Schengen
 * associated states. `bound` says whether Regulation 377/2004 binds the state (Denmark is not bound).
 */
const participatingStateCodes = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'IS',
  'LI',
  'NO',
  'CH',
] as const;

const notBound: ReadonlySet<string> = new Set(['DK']);

export type StateCode = (typeof participatingStateCodes)[number];

export interface ParticipatingState {
  code: StateCode;
  name: string;
  bound: boolean;
}

export const participatingStates: readonly ParticipatingState[] = [...participatingStateCodes]
  .sort()
  .map((code) => ({ code, name: countryName(code), bound: !notBound.has(code) }));

export const stateCodes: readonly StateCode[] = participatingStates.map((s) => s.code);

export function isParticipatingState(code: string): code is StateCode {
  return (participatingStateCodes as readonly string[]).includes(code);
}

export interface HostCountry {
  code: string;
  name: string;
}

/** Host countries: every ISO 3166-1 country that is not a participating state. */
export const hostCountries: readonly HostCountry[] = allCountryCodes
  .filter((code) => !isParticipatingState(code))
  .map((code) => ({ code, name: countryName(code) }));

const hostCountryCodes: ReadonlySet<string> = new Set(hostCountries.map((c) => c.code));

export function isHostCountry(code: string): boolean {
  return hostCountryCodes.has(code);
}
