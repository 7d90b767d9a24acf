// MirrorMaker 2's offset syncs and offset translation, as plain data:
// - when the source task writes a sync (OffsetSyncWriter.PartitionState#update), and
// - how the checkpoint task translates a group's upstream offset (OffsetSyncStore#translateDownstream), with
//   the store's 64 exponentially spaced syncs per partition (its invariants A–D).
// The rule that matters for a failover: a translated offset is at most one past the sync it was derived
// from, so a consumer that fails over re-reads records but never skips one.

/** One record of mm2-offset-syncs.<cluster>.internal: upstream offset ↔ downstream offset. */
export type OffsetSync = {
  /** Identity of the sync (the store compares syncs by identity, not by value). */
  id: number;
  upstream: number;
  downstream: number;
};

export type PartitionSyncState = {
  previousUpstream: number;
  previousDownstream: number;
  lastSyncDownstream: number;
};

export const initialPartitionSyncState = (): PartitionSyncState => ({
  previousUpstream: -1,
  previousDownstream: -1,
  lastSyncDownstream: -1,
});

/** offset.lag.max: how far downstream may run past the last sync before a new one is written (default 100). */
export const DEFAULT_OFFSET_LAG_MAX = 100;

/**
 * Should the source task write an offset sync for this replicated record? Yes for the first record of the
 * task's lifetime, when a translation from the last sync would be offset.lag.max or more behind, when an
 * upstream offset was skipped (compaction, transaction markers), or when the downstream topic was truncated.
 */
export function shouldSyncOffsets(
  s: PartitionSyncState,
  upstream: number,
  downstream: number,
  offsetLagMax = DEFAULT_OFFSET_LAG_MAX,
): { sync: boolean; state: PartitionSyncState } {
  const first = s.lastSyncDownstream === -1;
  // translateDownstream lands one past the last sync, hence the +1.
  const tooStale = downstream - (s.lastSyncDownstream + 1) >= offsetLagMax;
  const skippedUpstream = upstream - s.previousUpstream !== 1;
  const truncated = downstream < s.previousDownstream;
  const sync = first || tooStale || skippedUpstream || truncated;
  return {
    sync,
    state: {
      previousUpstream: upstream,
      previousDownstream: downstream,
      lastSyncDownstream: sync ? downstream : s.lastSyncDownstream,
    },
  };
}

/** OffsetSyncStore.SYNCS_PER_PARTITION: one sync per bit of a 64-bit offset. */
export const SYNCS_PER_PARTITION = 64;

/** The store for one topic-partition; `readToEnd` is false until the syncs topic has been read to its end once. */
export type SyncStore = { syncs: OffsetSync[] | null; readToEnd: boolean };

export const emptySyncStore = (): SyncStore => ({ syncs: null, readToEnd: false });

// Powers of two as floats: offsets stay far below 2^53, and where Java's 1L << j would overflow to a
// negative bound the float is so large that the comparison comes out the same.
const pow2 = (n: number) => 2 ** n;

function invariantB(iSync: OffsetSync, jSync: OffsetSync, i: number, j: number): boolean {
  const bound = jSync.upstream + pow2(j) - pow2(i);
  return iSync.id === jSync.id || bound < 0 || iSync.upstream <= bound;
}

function invariantC(iSync: OffsetSync, jSync: OffsetSync, i: number): boolean {
  const bound = jSync.upstream + pow2(Math.max(i - 2, 0));
  return iSync.id === jSync.id || (bound >= 0 && iSync.upstream >= bound);
}

/**
 * Apply one sync read from the syncs topic (OffsetSyncStore#handleRecord). While the store is still reading
 * to the end the first time (initializationMustReadToEnd), only the latest sync is kept; an upstream rewind
 * clears the store.
 */
export function applySync(store: SyncStore, sync: OffsetSync, mustReadToEnd = true): SyncStore {
  if (store.syncs === null) return { ...store, syncs: Array(SYNCS_PER_PARTITION).fill(sync) };
  const original = store.syncs;
  const syncs = [...original];
  const onlyLoadLast = !store.readToEnd && mustReadToEnd;
  if (onlyLoadLast || sync.upstream < syncs[0].upstream)
    return { ...store, syncs: Array(SYNCS_PER_PARTITION).fill(sync) };
  let replacement = sync;
  let replacementIndex = 0;
  syncs[0] = replacement;
  for (let current = 1; current < SYNCS_PER_PARTITION; current++) {
    const previous = current - 1;
    let skipOldValue: boolean;
    do {
      const oldValue = original[replacementIndex];
      const isRecent = invariantB(syncs[previous], oldValue, previous, current);
      const separatedFromPrevious = invariantC(syncs[previous], oldValue, previous);
      const next = current + 1;
      const separatedFromNext = next >= SYNCS_PER_PARTITION || invariantC(oldValue, syncs[next], current);
      const nextReplacement = replacementIndex + 1;
      const duplicate = nextReplacement < SYNCS_PER_PARTITION && oldValue.id === original[nextReplacement].id;
      const promote = isRecent && separatedFromPrevious && separatedFromNext;
      if (promote) replacement = oldValue;
      skipOldValue = duplicate || !separatedFromPrevious;
      if (promote || skipOldValue) replacementIndex++;
    } while (replacementIndex < current && skipOldValue);
    if (invariantB(syncs[previous], syncs[current], previous, current)) break;
    syncs[current] = replacement;
  }
  return { ...store, syncs };
}

/** The store has read the syncs topic to its end once (OffsetSyncStore#start). */
export const markReadToEnd = (store: SyncStore): SyncStore => ({ ...store, readToEnd: true });

export type Translation =
  | { kind: 'translated'; downstream: number; from: OffsetSync }
  /** -1 in Kafka: every sync is newer than the group's offset (replication started after it). */
  | { kind: 'too-old' }
  /** Empty in Kafka: no syncs yet, or the syncs topic was not read to the end yet. */
  | { kind: 'unavailable'; why: 'not-read-to-end' | 'no-sync' };

/** OffsetSyncStore#translateDownstream for a group whose committed upstream offset is `upstream`. */
export function translateDownstream(store: SyncStore, upstream: number): Translation {
  if (!store.readToEnd) return { kind: 'unavailable', why: 'not-read-to-end' };
  if (store.syncs === null) return { kind: 'unavailable', why: 'no-sync' };
  const sync = store.syncs.find((s) => s.upstream <= upstream) ?? store.syncs[SYNCS_PER_PARTITION - 1];
  if (sync.upstream > upstream) return { kind: 'too-old' };
  // Ahead of the sync, the group can only be placed one past it: later upstream offsets may or may not have
  // been replicated, and guessing high could skip a record.
  return {
    kind: 'translated',
    downstream: sync.downstream + (upstream === sync.upstream ? 0 : 1),
    from: sync,
  };
}
