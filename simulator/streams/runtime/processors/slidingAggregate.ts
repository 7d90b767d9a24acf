// KStreamSlidingWindowAggregate (KIP-450), the reverse-iterator path RocksDB stores take.

import type { ProcOp } from '../../topology/types';
import { drop, getStore, keyText, logChange, observe, setStore } from '../exec';
import { type CNode, forward, type Run } from '../node';
import { winFetchRange, winPut } from '../stores';
import { type Agg, expired, windowText, wk } from './aggregates';

type VT = { v: string | null; t: number } | null;

/**
 * KStreamSlidingWindowAggregate (the reverse-iterator path RocksDB stores use): windows [t - d, t] and
 * [t + 1, t + 1 + d] around each record, created when a record enters or leaves a window.
 */
export function slidingAggregate(
  n: CNode,
  op: ProcOp & { t: 'slidingAggregate' },
  retention: number,
  agg: Agg,
): Run {
  const { store, diffMs: d, graceMs, sendOldValues } = op;

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
    const ts = r.ts;
    const observed = observe(x, n.name, ts);
    const close = observed - graceMs;
    if (ts + d < close) {
      expired(x, n.name, r, k, `[${ts},${ts + d}]`, observed, graceMs, close);
      return;
    }

    const update = (start: number, end: number, vt: VT): void => {
      if (end < close) {
        expired(x, n.name, r, k, `[${start},${end}]`, observed, graceMs, close);
        return;
      }
      const oldAgg = vt === null ? null : vt.v;
      const newAgg = agg.add(k, r.value, oldAgg);
      const newTs = oldAgg === null ? ts : Math.max(ts, vt!.t);
      const put = winPut(getStore(x, store), k, start, end, newAgg, newTs, retention);
      setStore(x, store, put.store);
      if (put.expired) return;
      logChange(x, store, windowText(k, start, end), newAgg, newTs);
      forward(x, n, { key: wk(k, start, end), value: newAgg, old: sendOldValues ? oldAgg : null, ts: newTs });
    };
    const initVT = (): VT => {
      const v = agg.init();
      return v === null ? null : { v, t: ts };
    };
    const createRight = (rightWin: VT): void => {
      // createCurrentRecordRightWindow: the right window starts with the aggregate of the later records.
      const start = ts + 1;
      const put = winPut(getStore(x, store), k, start, start + d, rightWin!.v, rightWin!.t, retention);
      setStore(x, store, put.store);
      if (put.expired) return;
      logChange(x, store, windowText(k, start, start + d), rightWin!.v, rightWin!.t);
      forward(x, n, { key: wk(k, start, start + d), value: rightWin!.v, old: null, ts: rightWin!.t });
    };

    const startTimes = new Set<number>();
    let rightWin: VT = null;
    let rightCreated = false;
    let previous: number | null = null;

    if (ts < d) {
      // processEarly: records before the first full window go into [0, d] and their right windows.
      let combined: { s: number; e: number; vt: VT } | null = null;
      for (const w of winFetchRange(getStore(x, store), k, 0, ts + 1, retention)) {
        startTimes.add(w.s);
        if (w.s === 0) {
          combined = { s: w.s, e: w.e, vt: { v: w.v, t: w.t } };
          if (w.t < ts) previous = w.t;
        } else if (w.s <= ts) {
          rightWin = { v: w.v, t: w.t };
          update(w.s, w.e, { v: w.v, t: w.t });
        } else if (w.s === ts + 1) rightCreated = true;
      }
      if (rightWin === null && combined !== null && combined.vt!.t > ts) rightWin = combined.vt;
      if (!rightCreated && rightWin !== null && rightWin.t > ts) createRight(rightWin);
      if (previous !== null && !startTimes.has(previous + 1))
        update(previous + 1, previous + 1 + d, initVT());
      if (combined === null) update(0, d, initVT());
      else update(combined.s, combined.e, combined.vt);
      return;
    }

    let leftWin: VT = null;
    let leftCreated = false;
    const windows = winFetchRange(
      getStore(x, store),
      k,
      Math.max(0, ts - 2 * d),
      ts + 1,
      retention,
    ).reverse();
    for (const w of windows) {
      startTimes.add(w.s);
      const endTime = w.s + d;
      if (w.s === ts + 1) rightCreated = true;
      else if (endTime > ts) {
        if (rightWin === null) rightWin = { v: w.v, t: w.t };
        update(w.s, w.e, { v: w.v, t: w.t });
      } else if (endTime === ts) {
        leftCreated = true;
        update(w.s, w.e, { v: w.v, t: w.t });
        if (w.t < ts) previous = w.t;
        else return;
      } else {
        leftWin = { v: w.v, t: w.t };
        previous = w.t;
        break;
      }
    }
    // createWindows.
    if (previous !== null) {
      const prevRight = previous + 1;
      if (!startTimes.has(prevRight) && prevRight + d >= ts) update(prevRight, prevRight + d, initVT());
    }
    if (!leftCreated) {
      const leftNotEmpty = previous !== null && ts - d <= previous;
      const vt: VT = leftNotEmpty ? (leftWin!.v === null ? null : { v: leftWin!.v, t: ts }) : initVT();
      update(ts - d, ts, vt);
    }
    if (!rightCreated && rightWin !== null && rightWin.t > ts) createRight(rightWin);
  };
}
