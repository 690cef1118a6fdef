import type { Caller } from '../lib/caller.ts';
import { isCommissionAdmin } from '../lib/roles.ts';

/** Semesters are closed by the schedule or, early and by hand, by the Commission's administrators. */
export const closesSemesters = (caller: Caller): boolean => isCommissionAdmin(caller);
