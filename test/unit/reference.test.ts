import { describe, expect, it } from 'vitest';
import { endpoints } from '../../shared/api/endpoints.ts';
import { buildOpenApiDocument } from '../../shared/api/openapi.ts';
import { countryName } from '../../shared/reference/countries.ts';
import { isValidMembership, organisationName, rolesFor } from '../../shared/reference/organisations.ts';
import { defaultPresidencyCalendar } from '../../shared/reference/presidency.ts';
import {
  hostCountries,
  isHostCountry,
  isParticipatingState,
  participatingStates,
} from '../../shared/reference/states.ts';
import { reportTemplateV1 } from '../../shared/report-templates.ts';

describe('participating states', () => {
  it('are the 27 EU Member States and IS, LI, NO, CH, with only Denmark not bound', () => {
    expect(participatingStates).toHaveLength(31);
    for (const code of ['IS', 'LI', 'NO', 'CH', 'DE', 'GR', 'CY', 'IE'])
      expect(isParticipatingState(code), code).toBe(true);
    for (const code of ['GB', 'TR', 'EL', 'EC']) expect(isParticipatingState(code), code).toBe(false);
    expect(participatingStates.filter((s) => !s.bound).map((s) => s.code)).toEqual(['DK']);
  });

  it('take their names from the country library', () => {
    expect(participatingStates.find((s) => s.code === 'DE')?.name).toBe('Germany');
    expect(countryName('TR')).toBe('Türkiye');
    expect(countryName('TR', 'fr')).toBe('Turquie');
  });
});

describe('host countries', () => {
  it('are every ISO 3166-1 country that is not a participating state', () => {
    expect(hostCountries.length).toBeGreaterThan(190);
    expect(hostCountries.some((c) => isParticipatingState(c.code))).toBe(false);
    expect(isHostCountry('TR')).toBe(true);
    expect(isHostCountry('MA')).toBe(true);
    expect(isHostCountry('FR')).toBe(false);
    expect(new Set(hostCountries.map((c) => c.code)).size).toBe(hostCountries.length);
  });
});

describe('organisations and roles', () => {
  it('give editors and coordinators to states, admin to the Commission, reader to all', () => {
    expect(isValidMembership('DE', 'editor')).toBe(true);
    expect(isValidMembership('DE', 'coordinator')).toBe(true);
    expect(isValidMembership('DE', 'admin')).toBe(false);
    expect(isValidMembership('EC', 'admin')).toBe(true);
    expect(isValidMembership('EC', 'editor')).toBe(false);
    expect(rolesFor('COUNCIL')).toEqual(['reader']);
    expect(isValidMembership('XX', 'reader')).toBe(false);
    expect(organisationName('EBCG')).toBe('European Border and Coast Guard Agency');
  });
});

describe('Presidency calendar defaults', () => {
  it('match the calendar of the domain, 2024 to 2030', () => {
    expect(Object.keys(defaultPresidencyCalendar)).toHaveLength(14);
    expect(defaultPresidencyCalendar['2026-H2']).toBe('IE');
    expect(defaultPresidencyCalendar['2025-H2']).toBe('DK');
    for (const state of Object.values(defaultPresidencyCalendar))
      expect(isParticipatingState(state)).toBe(true);
  });
});

describe('report template version 1', () => {
  it('has parts A (A1-A9), B (B1-B7) and C, each with a unique id', () => {
    const ids = reportTemplateV1.sections.map((s) => s.id);
    expect(ids.filter((id) => id.startsWith('A'))).toHaveLength(9);
    expect(ids.filter((id) => id.startsWith('B'))).toHaveLength(7);
    expect(ids).toContain('C');
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('OpenAPI document', () => {
  it('describes every endpoint of the contract, with components for its schemas', () => {
    const document = buildOpenApiDocument({ version: 'test' }) as {
      paths: Record<string, Record<string, { operationId: string }>>;
      components: { schemas: Record<string, unknown> };
    };
    for (const [id, endpoint] of Object.entries(endpoints)) {
      expect(document.paths[endpoint.path]?.[endpoint.method.toLowerCase()]?.operationId).toBe(id);
    }
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['Error', 'Me', 'Reference', 'DevLoginRequest', 'Health']),
    );
  });
});

describe('country names', () => {
  it('come from one source for the reports and the web app, and leave other codes as they are', () => {
    expect(countryName('CD')).toBe('Congo - Kinshasa');
    expect(countryName('CD', 'fr-FR')).toBe('Congo-Kinshasa');
    expect(countryName('R-west-africa')).toBe('R-west-africa');
  });
});
