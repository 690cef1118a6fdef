import type { Caller } from '../lib/caller.ts';
import { isCommissionAdmin } from '../lib/roles.ts';

/** An audit trail is read by the Commission's administrators, or by the state owning every entry. */
export const readsAuditTrail = (caller: Caller, owners: readonly string[]): boolean =>
  isCommissionAdmin(caller) || owners.every((owner) => owner === caller.organisation);
