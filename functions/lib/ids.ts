import { monotonicFactory } from 'ulid';

/** ULIDs: unique, and sortable by creation time even within one millisecond (feed and audit order). */
export const newId = monotonicFactory();
