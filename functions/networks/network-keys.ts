/**
 * The keys of a network's partition, declared once (docs/data-model.md). Each notified secondment
 * has a posting in its host country's network partition, beside the network's activities and its
 * drafting designations, so a network page is one Query per host country.
 *
 * | entity | pk | sk |
 * | --- | --- | --- |
 * | Posting | `NETWORK#<cc>` | `POSTING#<secondmentId>` (gsi3 `POSTINGS` / `<cc>#<secondmentId>`) |
 * | Activity | `NETWORK#<id>` | `ACTIVITY#<semester>#<activityId>` |
 * | DraftingDesignation | `NETWORK#<id>` | `DRAFTING#<semester>` |
 */
export const networkPartition = (networkId: string) => `NETWORK#${networkId}`;

export const POSTING_PREFIX = 'POSTING#';
export const POSTINGS_INDEX_PARTITION = 'POSTINGS';

export const postingKey = (hostCountry: string, secondmentId: string) => ({
  pk: networkPartition(hostCountry),
  sk: `${POSTING_PREFIX}${secondmentId}`,
});

export const postingIndexKey = (hostCountry: string, secondmentId: string) => ({
  gsi3pk: POSTINGS_INDEX_PARTITION,
  gsi3sk: `${hostCountry}#${secondmentId}`,
});

export const activityKey = (networkId: string, semester: string, id: string) => ({
  pk: networkPartition(networkId),
  sk: `ACTIVITY#${semester}#${id}`,
});

export const draftingKey = (networkId: string, semester: string) => ({
  pk: networkPartition(networkId),
  sk: `DRAFTING#${semester}`,
});

/** The entity type each item of a network partition carries, which tells them apart when read. */
export const networkEntityTypes = {
  posting: 'Posting',
  activity: 'Activity',
  drafting: 'DraftingDesignation',
} as const;
