// Task state and the records a task consumes and produces: plain JSON, so a task can be stored in the engine
// state, serialised into a share link and compared in tests.

import type { WindowedKey } from '../expr/exprEval';
import type { PMap } from '../persistentMap';

/** A record key inside a topology: text, null, or Windowed<K> after a windowed aggregation. */
export type Key = string | null | WindowedKey;

/** ValueAndTimestamp: the value and the timestamp of the record that wrote it. */
export type KvEntry = { v: string; t: number };
/** One window of a key: [s, e) for time windows, [s, e] for sliding windows. */
export type WindowEntry = { s: number; e: number; v: string; t: number };
/** One session of a key, [s, e] inclusive. */
export type SessionEntry = { s: number; e: number; v: string };
/** A record kept by a stream-stream join window store (duplicates kept, ordered by t then q). */
export type JoinEntry = { t: number; q: number; v: string };
/** Not-yet-joined records of a left/outer stream-stream join with one key, time and side (a ListValueStore). */
export type OuterEntry = { k: string; t: number; left: boolean; vs: string[] };
/** A suppressed update waiting for its time (TimeOrderedKeyValueBuffer). */
export type BufferEntry = {
  key: Key;
  kt: string;
  time: number;
  nv: string | null;
  ov: string | null;
  ts: number;
};

export type StoreState =
  | { type: 'keyValue'; map: PMap<KvEntry> }
  | { type: 'window'; retentionMs: number; streamTime: number; map: PMap<WindowEntry[]> }
  | { type: 'session'; retentionMs: number; streamTime: number; map: PMap<SessionEntry[]> }
  | { type: 'joinWindow'; retentionMs: number; streamTime: number; seq: number; map: PMap<JoinEntry[]> }
  | { type: 'outerJoin'; map: PMap<OuterEntry> }
  | { type: 'suppress'; entries: BufferEntry[] };

export type TaskState = {
  /** TaskId#toString: `<subtopology>_<partition>`. */
  id: string;
  subtopology: number;
  partition: number;
  stores: Record<string, StoreState>;
  /** observedStreamTime of each processor that keeps one (window aggregations, suppress, stream-table joins). */
  processorTime: Record<string, number>;
  /** The stream time shared by both sides of a stream-stream join (KStreamImplJoin's TimeTracker). */
  joinTrackers: Record<string, { streamTime: number; minTime: number }>;
  /** Partition time: the largest timestamp the task has processed (PartitionGroup#streamTime). */
  streamTime: number;
  metrics: { processed: number; droppedRecords: number };
  /** Record cache contents by store (only with statestore.cache.max.bytes > 0). */
  caches?: Record<string, import('./recordCache').StoreCache>;
  cacheSeq?: number;
};

/** Global stores: one copy per instance, fed from every partition of the global table's topic. */
export type GlobalState = { stores: Record<string, StoreState> };

/** A record read from a topic partition by a task. */
export type InputRecord = {
  topic: string;
  partition: number;
  offset?: number;
  key: string | null;
  value: string | null;
  timestamp: number;
};

/** A record a task sends: to an output topic, or to a repartition topic another sub-topology reads. */
export type OutputRecord = {
  topic: string;
  key: string | null;
  value: string | null;
  timestamp: number;
  /** The sink processor that sent it. */
  node: string;
  /** 'repartition' when the topic is one of the application's internal topics. */
  internal: boolean;
  /** Set when the sink picks the partition itself (the foreign-key join's response sink); else hash(key). */
  partition?: number;
};

/** A write to a store's changelog topic (partition = the task's partition). */
export type ChangelogRecord = {
  topic: string;
  store: string;
  partition: number;
  key: string;
  value: string | null;
  timestamp: number;
};

export type DropCause =
  | 'nullKey'
  | 'nullKeyOrValue'
  | 'nullJoinKeyOrValue'
  | 'expiredWindow'
  | 'expiredSegment'
  /** Foreign-key join: a null extracted foreign key (inner join) or subscription. */
  | 'nullForeignKey'
  /** Foreign-key join: a response whose value hash no longer matches the left row (ResponseJoinProcessor). */
  | 'staleResponse';

export type StreamsEvent =
  | {
      type: 'recordDropped';
      reason: string;
      node: string;
      cause: DropCause;
      key: string | null;
      timestamp: number;
    }
  | { type: 'recordBuffered'; reason: string; node: string; key: string; bufferTime: number }
  | {
      type: 'suppressEmitted';
      reason: string;
      node: string;
      key: string;
      value: string | null;
      timestamp: number;
    }
  | {
      type: 'peek';
      reason: string;
      node: string;
      key: string | null;
      value: string | null;
      timestamp: number;
    }
  | {
      type: 'outOfOrderTableUpdate';
      reason: string;
      node: string;
      key: string;
      oldTimestamp: number;
      newTimestamp: number;
    }
  | {
      type: 'outerJoinEmitted';
      reason: string;
      node: string;
      key: string;
      value: string | null;
      timestamp: number;
    }
  | { type: 'streamTimeAdvanced'; reason: string; node: string; from: number; to: number }
  | {
      type: 'recordForwarded';
      reason: string;
      from: string;
      to: string;
      key: string | null;
      value: string | null;
      oldValue?: string | null;
      timestamp: number;
    }
  | { type: 'storeUpdated'; reason: string; store: string; key: string; value: string | null }
  | { type: 'recordFiltered'; reason: string; node: string; key: string | null };

export type StreamsEventType = StreamsEvent['type'];
