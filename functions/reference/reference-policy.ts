import type { Caller } from '../lib/caller.ts';
import { isCommissionAdmin } from '../lib/roles.ts';

/** The Commission owns the reference data: its administrators correct the Presidency calendar. */
export const setsPresidency = (caller: Caller): boolean => isCommissionAdmin(caller);
