import { membersInSemester, type Posting } from '#shared/networks.ts';

/**
 * Expected contributions come from membership: every state with an ILO in the network during the
 * semester. Network id to the states expected, for the country networks with members.
 */
export function expectedByNetwork(postings: readonly Posting[], semesterId: string): Map<string, string[]> {
  const byHost = new Map<string, Posting[]>();
  for (const posting of postings)
    byHost.set(posting.hostCountry, [...(byHost.get(posting.hostCountry) ?? []), posting]);
  const expected = new Map<string, string[]>();
  for (const [hostCountry, list] of byHost) {
    const members = membersInSemester(list, semesterId).map((m) => m.state);
    if (members.length > 0) expected.set(hostCountry, members);
  }
  return expected;
}
