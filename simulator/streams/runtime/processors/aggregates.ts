// Aggregations: KStreamAggregate / KStreamReduce, KStreamWindowAggregate (tumbling, hopping),
// KStreamSlidingWindowAggregate, KStreamSessionWindowAggregate, KTableAggregate / KTableReduce. Each follows the
// Java processor line by line where it decides what is dropped, what is stored and what is forwarded with which
// timestamp (an aggregate carries the largest timestamp of the records it contains).

import { formatDslDuration } from '../../dsl/duration';
import { compileExpr, numberText, toText } from '../../expr/exprEval';
import type { AggSpec, ProcOp } from '../../topology/types';
import { kvFlusher, kvRead, kvWrite, winFlusher, winRead, winWrite } from '../cachedStores';
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
import { sessionFind, sessionPut } from '../stores';
import type { Key } from '../types';
import { timeWindowsFor } from '../windows';
import { slidingAggregate } from './slidingAggregate';

export type Agg = {
  init: () => string | null;
  add: (key: string, value: string | null, agg: string | null) => string | null;
  sub: (key: string, value: string | null, agg: string | null) => string | null;
  merge: (key: string, a1: string | null, a2: string | null) => string | null;
};

function num(v: string | null): number {
  return v === null ? 0 : Number(v);
}

/** Count, reduce and aggregate as the initializer / aggregator / subtractor / merger the Java DSL builds. */
export function compileAgg(spec: AggSpec): Agg {
  if (spec.k === 'count') {
    return {
      init: () => '0',
      add: (_k, _v, a) => numberText(num(a) + 1),
      sub: (_k, _v, a) => numberText(num(a) - 1),
      merge: (_k, a, b) => numberText(num(a) + num(b)),
    };
  }
  if (spec.k === 'reduce') {
    const adder = compileExpr(spec.adder);
    const sub = spec.subtractor ? compileExpr(spec.subtractor) : null;
    // aggregatorForReducer: (key, value, agg) -> agg == null ? value : reducer(agg, value).
    const add = (_k: string, v: string | null, a: string | null) =>
      a === null ? v : toText(adder({ agg: a, value: v }));
    return {
      init: () => null,
      add,
      sub: (_k, v, a) => (sub ? toText(sub({ agg: a, value: v })) : a),
      // mergerForAggregator: (key, aggOne, aggTwo) -> aggregator(key, aggTwo, aggOne).
      merge: (k, a1, a2) => add(k, a2, a1),
    };
  }
  const init = compileExpr(spec.init);
  const adder = compileExpr(spec.adder);
  const sub = spec.subtractor ? compileExpr(spec.subtractor) : null;
  const merger = spec.merger ? compileExpr(spec.merger) : null;
  return {
    init: () => toText(init({})),
    add: (k, v, a) => toText(adder({ key: k, value: v, agg: a })),
    sub: (k, v, a) => (sub ? toText(sub({ key: k, value: v, agg: a })) : a),
    merge: (k, a1, a2) => (merger ? toText(merger({ key: k, agg1: a1, agg2: a2 })) : a2),
  };
}

export const wk = (key: string, start: number, end: number): Key => ({ key, window: { start, end } });

export function windowText(k: string, start: number, end: number): string {
  return `[${k}@${start}/${end}]`;
}

export function expired(
  x: Exec,
  node: string,
  r: Rec,
  k: string,
  window: string,
  observed: number,
  grace: number,
  close: number,
): void {
  drop(
    x,
    node,
    'expiredWindow',
    r.key,
    r.ts,
    `record ${k}@${r.ts} dropped by ${node}: window ${window} is closed - stream time is ${observed}, so with grace ${formatDslDuration(grace)} only windows ending after ${close} accept records (counted in dropped-records)`,
  );
}

export function aggregateRun(
  n: CNode,
  op: ProcOp,
  retentionOf: (store: string) => number,
  flushers: Map<string, FlushFn>,
): Run | null {
  switch (op.t) {
    case 'streamAggregate':
      return streamAggregate(n, op, flushers);
    case 'windowAggregate':
      return windowAggregate(n, op, retentionOf(op.store), flushers);
    case 'slidingAggregate':
      return slidingAggregate(n, op, retentionOf(op.store), compileAgg(op.agg));
    case 'sessionAggregate':
      return sessionAggregate(n, op, retentionOf(op.store));
    case 'tableAggregate':
      return tableAggregate(n, op, flushers);
    default:
      return null;
  }
}

/** KStreamAggregate / KStreamReduce: null keys and null values are skipped. */
function streamAggregate(
  n: CNode,
  op: ProcOp & { t: 'streamAggregate' },
  flushers: Map<string, FlushFn>,
): Run {
  const agg = compileAgg(op.agg);
  const isReduce = op.agg.k === 'reduce';
  const { store, sendOldValues } = op;
  flushers.set(store, kvFlusher(n, store, sendOldValues));
  return (x, r) => {
    if (r.key === null || r.value === null) {
      drop(
        x,
        n.name,
        'nullKeyOrValue',
        r.key,
        r.ts,
        `record ${keyText(r.key) ?? 'null'}@${r.ts} skipped by ${n.name}: null key or value (counted in dropped-records)`,
      );
      return;
    }
    const k = keyText(r.key)!;
    const old = kvRead(x, store, k);
    let oldAgg: string | null = old ? old.v : null;
    let newTs: number;
    let newAgg: string | null;
    if (oldAgg === null) {
      newTs = r.ts;
      if (isReduce) newAgg = r.value;
      else {
        oldAgg = agg.init();
        newAgg = agg.add(k, r.value, oldAgg);
      }
    } else {
      newTs = Math.max(r.ts, old!.t);
      newAgg = agg.add(k, r.value, oldAgg);
    }
    kvWrite(x, n, store, r.key, k, newAgg, newTs, sendOldValues ? oldAgg : null);
  };
}

/** KStreamWindowAggregate: stream time first, then every window of the record still open gets it. */
function windowAggregate(
  n: CNode,
  op: ProcOp & { t: 'windowAggregate' },
  retention: number,
  flushers: Map<string, FlushFn>,
): Run {
  const agg = compileAgg(op.agg);
  const { store, sizeMs, advanceMs, graceMs, sendOldValues } = op;
  flushers.set(store, winFlusher(n, store, retention, sendOldValues));
  return (x, r) => {
    if (r.key === null) {
      drop(
        x,
        n.name,
        'nullKey',
        null,
        r.ts,
        `record with a null key skipped by ${n.name}: a windowed aggregation needs a key (counted in dropped-records)`,
      );
      return;
    }
    const k = keyText(r.key)!;
    const observed = observe(x, n.name, r.ts);
    const close = observed - graceMs;
    for (const w of timeWindowsFor(r.ts, sizeMs, advanceMs)) {
      if (w.end <= close) {
        expired(x, n.name, r, k, `[${w.start},${w.end})`, observed, graceMs, close);
        continue;
      }
      const old = winRead(x, store, k, w.start, w.end, retention);
      let oldAgg = old ? old.v : null;
      let newTs: number;
      if (oldAgg === null) {
        oldAgg = agg.init();
        newTs = r.ts;
      } else newTs = Math.max(r.ts, old!.t);
      const newAgg = agg.add(k, r.value, oldAgg);
      if (
        !winWrite(x, n, store, k, w.start, w.end, newAgg, newTs, retention, sendOldValues ? oldAgg : null)
      ) {
        drop(
          x,
          n.name,
          'expiredSegment',
          r.key,
          r.ts,
          `${store}: window [${w.start},${w.end}) of ${k} is past the store's retention, the write is skipped`,
        );
      }
    }
  };
}

/** KStreamSessionWindowAggregate: a record merges every session within the gap; merged sessions are deleted. */
function sessionAggregate(n: CNode, op: ProcOp & { t: 'sessionAggregate' }, retention: number): Run {
  const agg = compileAgg(op.agg);
  const { store, gapMs, graceMs, sendOldValues } = op;
  return (x, r) => {
    if (r.key === null) {
      drop(
        x,
        n.name,
        'nullKey',
        null,
        r.ts,
        `record with a null key skipped by ${n.name}: a session aggregation needs a key (counted in dropped-records)`,
      );
      return;
    }
    const k = keyText(r.key)!;
    const observed = observe(x, n.name, r.ts);
    const close = observed - graceMs - gapMs;
    let s = getStore(x, store);
    const merged = sessionFind(s, k, r.ts - gapMs, r.ts + gapMs, retention);
    let start = r.ts;
    let end = r.ts;
    let acc = agg.init();
    for (const m of merged) {
      acc = agg.merge(k, acc, m.v);
      start = Math.min(start, m.s);
      end = Math.max(end, m.e);
    }
    if (end < close) {
      drop(
        x,
        n.name,
        'expiredWindow',
        r.key,
        r.ts,
        `record ${k}@${r.ts} dropped by ${n.name}: session [${start},${end}] is closed - stream time is ${observed}, so with gap ${formatDslDuration(gapMs)} and grace ${formatDslDuration(graceMs)} only sessions ending at ${close} or later accept records (counted in dropped-records)`,
      );
      return;
    }
    if (start !== r.ts || end !== r.ts) {
      for (const m of merged) {
        s = sessionPut(s, k, m.s, m.e, null, retention).store;
        setStore(x, store, s);
        logChange(x, store, windowText(k, m.s, m.e), null, m.e);
        forward(x, n, { key: wk(k, m.s, m.e), value: null, old: sendOldValues ? m.v : null, ts: m.e });
      }
    }
    acc = agg.add(k, r.value, acc);
    const put = sessionPut(s, k, start, end, acc, retention);
    setStore(x, store, put.store);
    if (put.expired) {
      drop(
        x,
        n.name,
        'expiredSegment',
        r.key,
        r.ts,
        `${store}: session [${start},${end}] of ${k} is past the store's retention, the write is skipped`,
      );
      return;
    }
    logChange(x, store, windowText(k, start, end), acc, end);
    // The session's update carries the session end as its timestamp.
    forward(x, n, { key: wk(k, start, end), value: acc, old: null, ts: end });
  };
}

/** KTableAggregate / KTableReduce: the old value is subtracted, then the new one added. */
function tableAggregate(n: CNode, op: ProcOp & { t: 'tableAggregate' }, flushers: Map<string, FlushFn>): Run {
  const agg = compileAgg(op.agg);
  const isReduce = op.agg.k === 'reduce';
  const { store, sendOldValues } = op;
  flushers.set(store, kvFlusher(n, store, sendOldValues));
  return (x, r) => {
    if (r.key === null) {
      throw new StreamsProcessingError(
        `Record key for KTable ${isReduce ? 'reduce' : 'aggregate'} operator with state ${store} should not be null.`,
        n.name,
      );
    }
    const k = keyText(r.key)!;
    const old = kvRead(x, store, k);
    const oldAgg = old ? old.v : null;
    let newTs = r.ts;
    let mid: string | null;
    if (r.old !== null && oldAgg !== null) {
      mid = agg.sub(k, r.old, oldAgg);
      newTs = Math.max(r.ts, old!.t);
    } else mid = oldAgg;
    let newAgg: string | null;
    if (r.value !== null) {
      if (isReduce) newAgg = mid === null ? r.value : agg.add(k, r.value, mid);
      else newAgg = agg.add(k, r.value, mid === null ? agg.init() : mid);
      if (old && (!isReduce || mid !== null)) newTs = Math.max(r.ts, old.t);
    } else newAgg = mid;
    kvWrite(x, n, store, r.key, k, newAgg, newTs, sendOldValues ? oldAgg : null);
  };
}
