import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { institutionCodes, isOrganisation, type Role, rolesFor } from '#shared/reference/organisations.ts';
import { stateCodes } from '#shared/reference/states.ts';
import { nameCollator, useOrganisationName } from '../../../lib/display-names.ts';
import type { NamedOption } from '../../../lib/name-lists.ts';

/** Every organisation, as the EC admin picks one: the states by name, then the EU bodies. */
export function useOrganisationOptions(): NamedOption[] {
  const { i18n } = useTranslation();
  const organisationName = useOrganisationName();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the names change with the language only.
  return useMemo(() => {
    const collator = nameCollator(i18n.language);
    const states = stateCodes
      .map((code) => ({ value: code, label: organisationName(code) }))
      .sort((a, b) => collator.compare(a.label, b.label));
    return [...states, ...institutionCodes.map((code) => ({ value: code, label: organisationName(code) }))];
  }, [i18n.language]);
}

/** The roles a person of this organisation can hold (a state: editor, coordinator, reader; EC: admin, reader). */
export function assignableRoles(organisation: string): readonly Role[] {
  return isOrganisation(organisation) ? rolesFor(organisation) : [];
}
