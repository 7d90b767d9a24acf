// Restoring a store from its changelog topic, as a task's restore consumer does before the task may process
// (StoreChangelogReader): records are applied in offset order, in batches of the restore consumer's
// max.poll.records (Kafka Streams sets 1000), with a progress event per batch (StateRestoreListener#onRestoreStart,
// #onBatchRestored, #onRestoreEnd). Also the opposite direction: the changelog that describes a store.

import { mapEntries } from '../persistentMap';
import type { StoreSpec } from '../topology/types';
import {
  bufferPut,
  emptyStore,
  isLive,
  joinPut,
  kvPut,
  outerAdd,
  outerDelete,
  outerKey,
  sessionPut,
  winPut,
} from './stores';
import type { BufferEntry, Key, StoreState } from './types';

/** Kafka Streams' default max.poll.records for the restore consumer (StreamsConfig consumer overrides). */
export const RESTORE_BATCH_RECORDS = 1000;

export type ChangelogEntry = { key: string; value: string | null; timestamp: number };

export type RestoreEvent =
  | {
      type: 'restoreStarted';
      reason: string;
      store: string;
      partition: number;
      startOffset: number;
      endOffset: number;
    }
  | {
      type: 'restoreBatch';
      reason: string;
      store: string;
      partition: number;
      restored: number;
      total: number;
    }
  | { type: 'restoreCompleted'; reason: string; store: string; partition: number; restored: number };

/** A restore in progress: the store so far and how far it has read. */
export type Restoring = {
  store: string;
  partition: number;
  spec: StoreSpec;
  state: StoreState;
  startOffset: number;
  endOffset: number;
  /** Next offset to apply. */
  position: number;
};

/** `[key@start/end]` (Windowed#toString); the key may itself contain '@' or '/', so parse from the end. */
export function parseWindowedText(text: string): { key: string; start: number; end: number } | null {
  if (!text.startsWith('[') || !text.endsWith(']')) return null;
  const inner = text.slice(1, -1);
  const at = inner.lastIndexOf('@');
  if (at < 0) return null;
  const [s, e] = inner.slice(at + 1).split('/');
  const start = Number(s);
  const end = Number(e);
  if (!Number.isFinite(start) || !Number.isFinite(end)) return null;
  return { key: inner.slice(0, at), start, end };
}

/** Applies one changelog record to a store (the store's restore callback). */
export function applyChangelogRecord(spec: StoreSpec, s: StoreState, r: ChangelogEntry): StoreState {
  const retention = spec.retentionMs ?? Number.MAX_SAFE_INTEGER;
  switch (s.type) {
    case 'keyValue':
      return kvPut(s, r.key, r.value, r.timestamp);
    case 'window': {
      const w = parseWindowedText(r.key);
      return w ? winPut(s, w.key, w.start, w.end, r.value, r.timestamp, retention).store : s;
    }
    case 'session': {
      const w = parseWindowedText(r.key);
      return w ? sessionPut(s, w.key, w.start, w.end, r.value, retention).store : s;
    }
    case 'joinWindow': {
      const hash = r.key.lastIndexOf('#');
      const w = parseWindowedText(r.key.slice(0, hash));
      const q = Number(r.key.slice(hash + 1));
      if (!w || r.value === null) return s;
      const put = joinPut({ ...s, seq: q }, w.key, w.start, r.value, retention);
      return put.store.type === 'joinWindow' ? { ...put.store, seq: Math.max(s.seq, q + 1) } : put.store;
    }
    case 'outerJoin': {
      if (r.value === null) return outerDelete(s, r.key);
      const [t, side, ...rest] = r.key.split('|');
      const v = JSON.parse(r.value) as { left?: string; right?: string };
      return outerAdd(s, rest.join('|'), Number(t), side === '1', (side === '1' ? v.left : v.right) ?? '');
    }
    case 'suppress': {
      if (r.value === null) return { type: 'suppress', entries: s.entries.filter((e) => e.kt !== r.key) };
      const v = JSON.parse(r.value) as {
        key: Key;
        time: number;
        newValue: string | null;
        oldValue: string | null;
        timestamp: number;
      };
      const e: BufferEntry = {
        key: v.key,
        kt: r.key,
        time: v.time,
        nv: v.newValue,
        ov: v.oldValue,
        ts: v.timestamp,
      };
      return bufferPut(s, e);
    }
  }
}

/** Rebuilds a store from its whole changelog (a pure function: records in, store out). */
export function restoreStore(spec: StoreSpec, records: readonly ChangelogEntry[]): StoreState {
  let s = emptyStore(spec);
  for (const r of records) s = applyChangelogRecord(spec, s, r);
  return s;
}

export function beginRestore(
  spec: StoreSpec,
  partition: number,
  startOffset: number,
  endOffset: number,
  from?: StoreState,
): { restoring: Restoring; event: RestoreEvent } {
  return {
    restoring: {
      store: spec.name,
      partition,
      spec,
      state: from ?? emptyStore(spec),
      startOffset,
      endOffset,
      position: startOffset,
    },
    event: {
      type: 'restoreStarted',
      reason: `restoring ${spec.name} (partition ${partition}) from its changelog: offsets ${startOffset} to ${endOffset}, ${endOffset - startOffset} records; its task cannot process until this is done`,
      store: spec.name,
      partition,
      startOffset,
      endOffset,
    },
  };
}

/** Applies up to RESTORE_BATCH_RECORDS records (one restore-consumer poll). */
export function restoreBatch(
  r: Restoring,
  records: readonly ChangelogEntry[],
): { restoring: Restoring; events: RestoreEvent[] } {
  const batch = records.slice(0, RESTORE_BATCH_RECORDS);
  let state = r.state;
  for (const rec of batch) state = applyChangelogRecord(r.spec, state, rec);
  const position = r.position + batch.length;
  const total = r.endOffset - r.startOffset;
  const restored = position - r.startOffset;
  const events: RestoreEvent[] = [
    {
      type: 'restoreBatch',
      reason: `${r.store} (partition ${r.partition}): restored ${restored} of ${total} records (${total === 0 ? 100 : Math.floor((restored * 100) / total)}%)`,
      store: r.store,
      partition: r.partition,
      restored,
      total,
    },
  ];
  if (position >= r.endOffset) {
    events.push({
      type: 'restoreCompleted',
      reason: `${r.store} (partition ${r.partition}) is restored (${restored} records): the task can start processing`,
      store: r.store,
      partition: r.partition,
      restored,
    });
  }
  return { restoring: { ...r, state, position }, events };
}

/** The shortest changelog describing a store's live contents (what log compaction and retention would leave). */
export function changelogOf(s: StoreState): ChangelogEntry[] {
  switch (s.type) {
    case 'keyValue':
      return mapEntries(s.map).map(([k, e]) => ({ key: k, value: e.v, timestamp: e.t }));
    case 'window':
      return mapEntries(s.map).flatMap(([k, list]) =>
        list
          .filter((w) => isLive(s, w.s))
          .map((w) => ({ key: `[${k}@${w.s}/${w.e}]`, value: w.v, timestamp: w.t })),
      );
    case 'session':
      return mapEntries(s.map).flatMap(([k, list]) =>
        list
          .filter((w) => isLive(s, w.e))
          .map((w) => ({ key: `[${k}@${w.s}/${w.e}]`, value: w.v, timestamp: w.e })),
      );
    case 'joinWindow':
      return mapEntries(s.map).flatMap(([k, list]) =>
        list
          .filter((j) => isLive(s, j.t))
          .map((j) => ({ key: `[${k}@${j.t}/${j.t}]#${j.q}`, value: j.v, timestamp: j.t })),
      );
    case 'outerJoin':
      return mapEntries(s.map).flatMap(([, e]) =>
        e.vs.map((v) => ({
          key: outerKey(e.k, e.t, e.left),
          value: JSON.stringify(e.left ? { left: v } : { right: v }),
          timestamp: e.t,
        })),
      );
    case 'suppress':
      return s.entries.map((e) => ({
        key: e.kt,
        value: JSON.stringify({ key: e.key, time: e.time, newValue: e.nv, oldValue: e.ov, timestamp: e.ts }),
        timestamp: e.ts,
      }));
  }
}
