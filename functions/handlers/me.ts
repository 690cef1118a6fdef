import { endpoints } from '#shared/api/endpoints.ts';
import { organisationName } from '#shared/reference/organisations.ts';
import { capabilitiesOf } from '../lib/capabilities.ts';
import { httpHandler } from '../lib/http/handler.ts';

export const handler = httpHandler(endpoints.me, async ({ caller }) => ({
  body: {
    organisation: caller.organisation,
    organisationName: organisationName(caller.organisation),
    role: caller.role,
    ...(caller.name ? { name: caller.name } : {}),
    capabilities: capabilitiesOf(caller),
  },
}));
