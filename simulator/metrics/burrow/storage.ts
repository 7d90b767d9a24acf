// Burrow's in-memory storage (core/internal/storage/inmemory.go) as plain data: per group-partition a window of
// the last `intervals` offset commits with the lag at commit time, per partition the broker end offsets fetched
// every `offset-refresh` seconds. Times are virtual ms; Burrow's clock is time.Now().

export type BurrowConfig = {
  /** storage `intervals` (default 10): commits kept per partition, and broker offsets kept per partition. */
  intervals: number;
  /** storage `min-distance` seconds (default 0): closer commits replace the previous entry. */
  minDistanceS: number;
  /** storage `expire-group` seconds (default 604800): a group with no commit for this long disappears. */
  expireGroupS: number;
  /** cluster `offset-refresh` seconds (default 10). */
  offsetRefreshS: number;
  /** evaluator `allowed-lag` (default 0). */
  allowedLag: number;
  /** evaluator `minimum-complete` (default 0: unset in viper). */
  minimumComplete: number;
  /** evaluator `expire-cache` seconds (default 10). */
  expireCacheS: number;
};

export const BURROW_DEFAULTS: BurrowConfig = {
  intervals: 10,
  minDistanceS: 0,
  expireGroupS: 604_800,
  offsetRefreshS: 10,
  allowedLag: 0,
  minimumComplete: 0,
  expireCacheS: 10,
};

/** protocol.ConsumerOffset: lag = null when Burrow had no broker offset to compare with. */
export type ConsumerOffset = {
  offset: number;
  order: number;
  timestamp: number;
  observedAt: number;
  lag: number | null;
};

export type BurrowPartition = { offsets: ConsumerOffset[]; owner: string; clientId: string };

export type BurrowGroup = { topics: Record<string, BurrowPartition[]>; lastCommit: number };

export type BrokerOffset = { offset: number; timestamp: number };

export type BurrowState = {
  cluster: string;
  config: BurrowConfig;
  /** topic → partition → the last `intervals` broker offsets, oldest first. */
  brokerOffsets: Record<string, BrokerOffset[][]>;
  groups: Record<string, BurrowGroup>;
  /** Order of the next commit (Burrow uses the commit's own offset in __consumer_offsets). */
  nextOrder: number;
};

export function newBurrowState(cluster = 'local', config: Partial<BurrowConfig> = {}): BurrowState {
  return { cluster, config: { ...BURROW_DEFAULTS, ...config }, brokerOffsets: {}, groups: {}, nextOrder: 0 };
}

/** StorageSetBrokerOffset: one entry per partition per offset-refresh (the ring keeps `intervals`). */
export function addBrokerOffset(
  s: BurrowState,
  topic: string,
  partitionCount: number,
  partition: number,
  offset: number,
  timestamp: number,
): void {
  if (!s.brokerOffsets[topic]) s.brokerOffsets[topic] = [];
  const list = s.brokerOffsets[topic];
  while (list.length < partitionCount) list.push([]);
  const ring = list[partition];
  ring.push({ offset, timestamp });
  if (ring.length > s.config.intervals) ring.shift();
}

function groupOf(s: BurrowState, group: string): BurrowGroup {
  if (!s.groups[group]) s.groups[group] = { topics: {}, lastCommit: 0 };
  return s.groups[group];
}

function partsOf(g: BurrowGroup, topic: string): BurrowPartition[] {
  if (!g.topics[topic]) g.topics[topic] = [];
  return g.topics[topic];
}

export type CommitDrop = 'unknown topic' | 'no broker offset' | 'old offset' | 'out of order';

/**
 * StorageSetConsumerOffset. Returns why a commit was dropped, or null when stored. Simplified: commits arrive in
 * order here, so Burrow's backfill insertion of an older commit into the ring is replaced by dropping it.
 */
export function addConsumerOffset(
  s: BurrowState,
  c: { group: string; topic: string; partition: number; offset: number; timestamp: number; order?: number },
  now: number,
): CommitDrop | null {
  if (c.timestamp < now - s.config.expireGroupS * 1000) return 'old offset';
  const topicList = s.brokerOffsets[c.topic];
  if (!topicList) return 'unknown topic';
  const ring = topicList[c.partition];
  if (!ring || ring.length === 0) return 'no broker offset';
  const brokerOffset = ring[ring.length - 1].offset;
  const order = c.order ?? s.nextOrder;
  s.nextOrder = Math.max(s.nextOrder, order + 1);
  const group = groupOf(s, c.group);
  const parts = partsOf(group, c.topic);
  while (parts.length < topicList.length) parts.push({ offsets: [], owner: '', clientId: '' });
  const part = parts[c.partition];
  const newest = part.offsets[part.offsets.length - 1];
  if (newest && newest.order >= order) return 'out of order';
  // Lag against the latest broker offset; a consumer ahead of a stale broker offset counts as zero lag.
  const lag = brokerOffset > c.offset ? brokerOffset - c.offset : 0;
  group.lastCommit = c.timestamp;
  const entry: ConsumerOffset = { offset: c.offset, order, timestamp: c.timestamp, observedAt: now, lag };
  // mergeFrequentCommitIntoPrevious: keep the previous timestamp so slow committers still make new entries.
  if (newest && c.timestamp - newest.timestamp < s.config.minDistanceS * 1000) {
    entry.timestamp = newest.timestamp;
    part.offsets[part.offsets.length - 1] = entry;
    return null;
  }
  part.offsets.push(entry);
  if (part.offsets.length > s.config.intervals) part.offsets.shift();
  return null;
}

/** StorageSetConsumerOwner (from the group's member metadata: host and client.id). */
export function setConsumerOwner(
  s: BurrowState,
  group: string,
  topic: string,
  partition: number,
  owner: string,
  clientId: string,
): void {
  const topicList = s.brokerOffsets[topic];
  if (!topicList) return;
  const parts = partsOf(groupOf(s, group), topic);
  while (parts.length < topicList.length) parts.push({ offsets: [], owner: '', clientId: '' });
  if (!parts[partition]) return;
  parts[partition].owner = owner;
  parts[partition].clientId = clientId;
}

export function deleteGroup(s: BurrowState, group: string): void {
  delete s.groups[group];
}

export function deleteTopic(s: BurrowState, topic: string): void {
  delete s.brokerOffsets[topic];
  for (const g of Object.values(s.groups)) delete g.topics[topic];
}

/** protocol.ConsumerPartition as fetchConsumer returns it: the ring with nulls first, broker offsets, current lag. */
export type FetchedPartition = {
  offsets: Array<ConsumerOffset | null>;
  brokerOffsets: number[];
  owner: string;
  clientId: string;
  currentLag: number;
};

/** StorageFetchConsumer: null for an unknown group or one that expired (no commit for expire-group). */
export function fetchConsumer(
  s: BurrowState,
  group: string,
  now: number,
): Record<string, FetchedPartition[]> | null {
  const g = s.groups[group];
  if (!g) return null;
  if (now - s.config.expireGroupS * 1000 > g.lastCommit) {
    delete s.groups[group];
    return null;
  }
  const out: Record<string, FetchedPartition[]> = {};
  for (const topic of Object.keys(g.topics).sort()) {
    const broker = s.brokerOffsets[topic];
    out[topic] = g.topics[topic].map((p, i) => {
      const offsets: Array<ConsumerOffset | null> =
        p.offsets.length === 0
          ? []
          : [
              ...new Array(s.config.intervals - p.offsets.length).fill(null),
              ...p.offsets.map((o) => ({ ...o })),
            ];
      const brokerOffsets = (broker?.[i] ?? []).map((b) => b.offset);
      let currentLag = 0;
      const last = p.offsets[p.offsets.length - 1];
      if (last && brokerOffsets.length > 0) {
        const bo = brokerOffsets[brokerOffsets.length - 1];
        currentLag = bo < last.offset ? 0 : bo - last.offset;
      }
      return { offsets, brokerOffsets, owner: p.owner, clientId: p.clientId, currentLag };
    });
  }
  return out;
}
