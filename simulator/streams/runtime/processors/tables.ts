// KTable processors: KTableSource, KTableFilter, KTableMapValues, KTableRepartitionMap (groupBy), the
// table-table join sides (KTableKTableInner/Left/Right/OuterJoin) and their merger, and KTableSuppressProcessor.
// A KTable record is a change: the new value and, when a downstream operator asked for it, the old one
// (Change#toString prints (new<-old)).

import { formatDslDuration } from '../../dsl/duration';
import { compileExpr, isWindowedKey, toText, truthy } from '../../expr/exprEval';
import type { ProcOp } from '../../topology/types';
import { kvFlusher, kvRead, kvWrite } from '../cachedStores';
import {
  drop,
  type Exec,
  getStore,
  keyText,
  logChange,
  observe,
  type Rec,
  StreamsProcessingError,
  setStore,
} from '../exec';
import { type CNode, forward, type Run } from '../node';
import type { FlushFn } from '../recordCache';
import { bufferEntries, bufferPut, bufferRemoveFirst } from '../stores';
import type { BufferEntry } from '../types';
import { compileGetter } from '../valueGetter';

export function tableRun(n: CNode, op: ProcOp, flushers: Map<string, FlushFn>): Run | null {
  switch (op.t) {
    case 'tableSource':
      return tableSource(n, op, flushers);
    case 'tableFilter': {
      const pred = compileExpr(op.pred);
      const { not, sendOldValues } = op;
      const compute = (key: Rec['key'], v: string | null) =>
        v !== null && truthy(pred({ key, value: v }), 'the filter condition') !== not ? v : null;
      return (x, r) => {
        const nv = compute(r.key, r.value);
        const ov = sendOldValues ? compute(r.key, r.old) : null;
        // With old values there is no need to forward a tombstone for a row that never passed.
        if (sendOldValues && nv === null && ov === null) return;
        forward(x, n, { key: r.key, value: nv, old: ov, ts: r.ts });
      };
    }
    case 'tableMapValues': {
      const f = compileExpr(op.value);
      const { sendOldValues } = op;
      const compute = (key: Rec['key'], v: string | null) =>
        v === null ? null : toText(f({ key, value: v }));
      return (x, r) =>
        forward(x, n, {
          key: r.key,
          value: compute(r.key, r.value),
          old: sendOldValues ? compute(r.key, r.old) : null,
          ts: r.ts,
        });
    }
    case 'tableSelect':
      return tableSelect(n, op);
    case 'tableJoin':
      return tableJoin(n, op);
    case 'tableJoinMerge': {
      const { sendOldValues } = op;
      return (x, r) => forward(x, n, sendOldValues ? r : { ...r, old: null });
    }
    case 'suppress':
      return suppress(n, op);
    default:
      return null;
  }
}

/** KTableSource: an upsert per record, a tombstone deletes; null keys are skipped. */
function tableSource(n: CNode, op: ProcOp & { t: 'tableSource' }, flushers: Map<string, FlushFn>): Run {
  const { store, sendOldValues } = op;
  if (store !== null) flushers.set(store, kvFlusher(n, store, sendOldValues));
  return (x, r) => {
    if (r.key === null) {
      drop(
        x,
        n.name,
        'nullKey',
        null,
        r.ts,
        `record with a null key skipped by ${n.name}: a KTable row needs a key (counted in dropped-records)`,
      );
      return;
    }
    if (store === null) {
      forward(x, n, { key: r.key, value: r.value, old: null, ts: r.ts });
      return;
    }
    const k = keyText(r.key)!;
    const old = kvRead(x, store, k);
    if (old && r.ts < old.t) {
      x.events.push({
        type: 'outOfOrderTableUpdate',
        reason: `${store}: out-of-order update for ${k}, old timestamp ${old.t}, new timestamp ${r.ts} (applied anyway: the table keeps the latest offset, not the latest timestamp)`,
        node: n.name,
        key: k,
        oldTimestamp: old.t,
        newTimestamp: r.ts,
      });
    }
    kvWrite(x, n, store, r.key, k, r.value, r.ts, sendOldValues ? (old?.v ?? null) : null);
  };
}

/** KTableRepartitionMap: the old pair is forwarded first (to be subtracted), then the new one. */
function tableSelect(n: CNode, op: ProcOp & { t: 'tableSelect' }): Run {
  const k = compileExpr(op.key);
  const v = op.value ? compileExpr(op.value) : null;
  const pair = (key: Rec['key'], value: string | null): [string | null, string | null] | null => {
    if (value === null) return null;
    const env = { key, value };
    return [toText(k(env)), v ? toText(v(env)) : value];
  };
  return (x, r) => {
    if (r.key === null)
      throw new StreamsProcessingError('Record key for the grouping KTable should not be null.', n.name);
    const np = pair(r.key, r.value);
    const op2 = pair(r.key, r.old);
    const oldOk = op2 !== null && op2[0] !== null && op2[1] !== null;
    const newOk = np !== null && np[0] !== null && np[1] !== null;
    if (oldOk && newOk && op2![0] === np![0]) {
      forward(x, n, { key: op2![0], value: np![1], old: op2![1], ts: r.ts });
      return;
    }
    if (oldOk) forward(x, n, { key: op2![0], value: null, old: op2![1], ts: r.ts });
    if (newOk) forward(x, n, { key: np![0], value: np![1], old: null, ts: r.ts });
  };
}

/** One side of a table-table join; the other side is read through its value getter. */
function tableJoin(n: CNode, op: ProcOp & { t: 'tableJoin' }): Run {
  const other = compileGetter(op.other);
  const joiner = compileExpr(op.joiner);
  const { kind, reversed, sendOldValues } = op;
  const join = (key: string, mine: string | null, theirs: string | null) =>
    toText(joiner(reversed ? { key, left: theirs, right: mine } : { key, left: mine, right: theirs }));
  return (x, r) => {
    if (r.key === null) {
      drop(
        x,
        n.name,
        'nullKey',
        null,
        r.ts,
        `record with a null key skipped by ${n.name} (counted in dropped-records)`,
      );
      return;
    }
    const k = keyText(r.key)!;
    const o = other(x, k);
    let nv: string | null = null;
    let ov: string | null = null;
    let ts: number;
    switch (kind) {
      case 'inner':
        if (o === null) return;
        ts = Math.max(r.ts, o.t);
        if (r.value !== null) nv = join(k, r.value, o.v);
        if (sendOldValues && r.old !== null) ov = join(k, r.old, o.v);
        break;
      case 'left':
        if (o === null && r.value === null && r.old === null) return;
        ts = Math.max(r.ts, o === null ? -1 : o.t);
        if (r.value !== null) nv = join(k, r.value, o?.v ?? null);
        if (sendOldValues && r.old !== null) ov = join(k, r.old, o?.v ?? null);
        break;
      case 'right':
        // The right side of a left join: a change on the right always updates the joined row.
        if (o === null) return;
        ts = Math.max(r.ts, o.t);
        nv = join(k, r.value, o.v);
        if (sendOldValues) ov = join(k, r.old, o.v);
        break;
      default:
        if (o === null && r.value === null && r.old === null) return;
        ts = o === null ? r.ts : Math.max(r.ts, o.t);
        if (o !== null || r.value !== null) nv = join(k, r.value, o?.v ?? null);
        if (sendOldValues && (o !== null || r.old !== null)) ov = join(k, r.old, o?.v ?? null);
    }
    forward(x, n, { key: r.key, value: nv, old: ov, ts });
  };
}

function bufferBytes(entries: BufferEntry[]): number {
  let b = 0;
  for (const e of entries) b += e.kt.length + (e.nv?.length ?? 0) + (e.ov?.length ?? 0) + 8;
  return b;
}

/**
 * KTableSuppressProcessor: buffer by key, then emit every entry whose buffer time (window end, or record time
 * for untilTimeLimit) is <= observed stream time - duration. Time only moves when a record reaches this
 * processor, so nothing is emitted until a newer record arrives.
 */
function suppress(n: CNode, op: ProcOp & { t: 'suppress' }): Run {
  const { store, mode, durationMs, maxRecords, whenFull, dropTombstones } = op;
  const untilText = (time: number) =>
    mode === 'windowCloses'
      ? `window end ${time} + grace ${formatDslDuration(durationMs)}`
      : `record time ${time} + ${formatDslDuration(durationMs)}`;
  const emit = (x: Exec, e: BufferEntry, why: string) => {
    logChange(x, store, e.kt, null, e.ts);
    if (e.nv === null && dropTombstones) return;
    x.events.push({
      type: 'suppressEmitted',
      reason: `${n.name} emits ${e.kt} = ${e.nv ?? 'null'}: ${why}`,
      node: n.name,
      key: e.kt,
      value: e.nv,
      timestamp: e.ts,
    });
    forward(x, n, { key: e.key, value: e.nv, old: e.ov, ts: e.ts });
  };
  return (x, r) => {
    const observed = observe(x, n.name, r.ts);
    let time: number;
    if (mode === 'windowCloses') {
      if (!isWindowedKey(r.key))
        throw new StreamsProcessingError(`${n.name}: untilWindowCloses needs windowed keys`, n.name);
      time = r.key.window.end;
    } else time = r.ts;
    const kt = keyText(r.key) ?? 'null';
    const entry: BufferEntry = { key: r.key, kt, time, nv: r.value, ov: r.old, ts: r.ts };
    setStore(x, store, bufferPut(getStore(x, store), entry));
    logChange(
      x,
      store,
      kt,
      JSON.stringify({ key: r.key, time, newValue: r.value, oldValue: r.old, timestamp: r.ts }),
      r.ts,
    );
    x.events.push({
      type: 'recordBuffered',
      reason: `${n.name} holds ${kt} = ${r.value ?? 'null'} back until stream time reaches ${time + durationMs} (${untilText(time)})`,
      node: n.name,
      key: kt,
      bufferTime: time,
    });
    const expiry = observed - durationMs;
    for (;;) {
      const first = bufferEntries(getStore(x, store))[0];
      if (first === undefined || first.time > expiry) break;
      setStore(x, store, bufferRemoveFirst(getStore(x, store)));
      emit(x, first, `stream time ${observed} reached ${untilText(first.time)}`);
    }
    if (maxRecords !== null) {
      let entries = bufferEntries(getStore(x, store));
      if (entries.length > maxRecords) {
        if (whenFull === 'shutDown') {
          throw new StreamsProcessingError(
            `${n.name} buffer exceeded its max capacity. Currently [${entries.length}/${maxRecords}] records and [${bufferBytes(entries)}/9223372036854775807] bytes.`,
            n.name,
          );
        }
        while (entries.length > maxRecords) {
          const first = entries[0];
          setStore(x, store, bufferRemoveFirst(getStore(x, store)));
          emit(
            x,
            first,
            `the buffer is full (maxRecords ${maxRecords}), so the oldest entry is emitted early`,
          );
          entries = bufferEntries(getStore(x, store));
        }
      }
    }
  };
}
