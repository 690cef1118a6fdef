import type { Caller } from '../lib/caller.ts';
import { actsForState, isCommission, isCoordinatorFor, isInstitution } from '../lib/roles.ts';
import type { ReportRecord } from './report-repository.ts';

/**
 * Who reads a network's report and who assesses and finalises it; who reads the annual summary.
 * The server decides; responses carry the result in `allowed` and `readable`.
 */

export type ReportAction = 'assess' | 'finalise';

/**
 * A finalised report is read by every participating state and the institutions; before that, by the
 * Commission and the network's members of the semester.
 */
export function readsReport(caller: Caller, record: ReportRecord, members: readonly string[]): boolean {
  if (record.status === 'finalised')
    return actsForState(caller) || isInstitution(caller, ['EC', 'COUNCIL', 'EP', 'EBCG']);
  return isCommission(caller) || members.includes(caller.organisation);
}

/** The drafting state's coordinators assess and finalise its report. */
export const draftsReport = (caller: Caller, record: Pick<ReportRecord, 'drafting'>) =>
  isCoordinatorFor(caller, record.drafting?.state);

export function allowedOnReport(caller: Caller, record: ReportRecord): ReportAction[] {
  return draftsReport(caller, record) && record.status === 'generated' ? ['assess', 'finalise'] : [];
}

/** Reports still being drafted (generated, not finalised) are read by the Commission and the states (each its networks'). */
export const readsGeneratedReports = (caller: Caller) => isCommission(caller) || actsForState(caller);

/** The annual summary: the Commission, the Council and the Parliament. */
export const readsAnnualSummary = (caller: Caller) => isInstitution(caller, ['EC', 'COUNCIL', 'EP']);
