/** The institutions that read the Commission's annual summary (the API answers 403 to anyone else). */
export const ANNUAL_SUMMARY_READERS: readonly string[] = ['EC', 'COUNCIL', 'EP'];

/** Whether an organisation reads the annual summary. */
export function readsAnnualSummary(organisation: string | undefined): boolean {
  return organisation !== undefined && ANNUAL_SUMMARY_READERS.includes(organisation);
}
