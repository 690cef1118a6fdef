import type { Me } from '#shared/api/schemas.ts';
import { isParticipatingState } from '#shared/reference/states.ts';

/**
 * Whether to offer the new-secondment form. The server decides, and refuses anyone else: this only
 * avoids offering a form that could not be saved. What may be done with an existing secondment comes
 * from its `allowed`, never from here.
 */
export function writesSecondments(me: Me): boolean {
  return isParticipatingState(me.organisation) && (me.role === 'editor' || me.role === 'coordinator');
}

/** A participating state's people see their own state's drafts. */
export function hasStateDrafts(me: Me): boolean {
  return isParticipatingState(me.organisation);
}
