// Stream joins: KStreamJoinWindow (remembers each record for the other side), KStreamKStreamJoin (both sides,
// with the shared "outer" store that holds unmatched left/outer records until their window closes: the
// spurious-result fix of the JoinWindows#ofTimeDifference* builders), KStreamKTableJoin and
// KStreamGlobalKTableJoin.

import { formatDslDuration } from '../../dsl/duration';
import { compileExpr, toText } from '../../expr/exprEval';
import type { ProcOp } from '../../topology/types';
import { drop, getStore, keyText, logChange, observe, setStore, tracker } from '../exec';
import { type CNode, forward, type Run } from '../node';
import { joinFetch, joinPut, kvGet, outerAdd, outerAll, outerDelete, outerHas, outerKey } from '../stores';
import { compileGetter } from '../valueGetter';

export function joinRun(n: CNode, op: ProcOp, retentionOf: (store: string) => number): Run | null {
  switch (op.t) {
    case 'joinWindow': {
      const store = op.store;
      const retention = retentionOf(store);
      return (x, r) => {
        // Forward first: a record never joins with itself.
        forward(x, n, r);
        if (r.key === null || r.value === null) return;
        const k = keyText(r.key)!;
        const put = joinPut(getStore(x, store), k, r.ts, r.value, retention);
        setStore(x, store, put.store);
        if (!put.expired) logChange(x, store, `[${k}@${r.ts}/${r.ts}]#${put.seq}`, r.value, r.ts);
      };
    }
    case 'streamJoin':
      return streamJoin(n, op, retentionOf(op.otherStore));
    case 'streamTableJoin': {
      const getter = compileGetter(op.table);
      const joiner = compileExpr(op.joiner);
      const left = op.left;
      return (x, r) => {
        observe(x, n.name, r.ts);
        // KIP-962: a left join keeps records with a null key.
        if (!(left && r.key === null && r.value !== null) && (r.key === null || r.value === null)) {
          drop(
            x,
            n.name,
            'nullJoinKeyOrValue',
            r.key,
            r.ts,
            `record ${keyText(r.key) ?? 'null'}@${r.ts} skipped by ${n.name}: null join key or value (counted in dropped-records)`,
          );
          return;
        }
        const k = keyText(r.key);
        const right = k === null ? null : getter(x, k);
        if (left || right !== null) {
          forward(x, n, {
            key: r.key,
            value: toText(joiner({ key: r.key, left: r.value, right: right?.v ?? null })),
            old: null,
            ts: r.ts,
          });
        }
      };
    }
    case 'globalJoin': {
      const selector = compileExpr(op.keySelector);
      const joiner = compileExpr(op.joiner);
      const { left, store } = op;
      return (x, r) => {
        const mapped = toText(selector({ key: r.key, value: r.value }));
        if (!(left && r.key === null && r.value !== null) && (mapped === null || r.value === null)) {
          drop(
            x,
            n.name,
            'nullJoinKeyOrValue',
            r.key,
            r.ts,
            `record ${keyText(r.key) ?? 'null'}@${r.ts} skipped by ${n.name}: null join key or value (counted in dropped-records)`,
          );
          return;
        }
        const right = mapped === null ? null : (kvGet(getStore(x, store), mapped) ?? null);
        if (left || right !== null) {
          forward(x, n, {
            key: r.key,
            value: toText(joiner({ key: r.key, left: r.value, right: right?.v ?? null })),
            old: null,
            ts: r.ts,
          });
        }
      };
    }
    default:
      return null;
  }
}

function streamJoin(n: CNode, op: ProcOp & { t: 'streamJoin' }, otherRetention: number): Run {
  const joiner = compileExpr(op.joiner);
  const isLeft = op.side === 'left';
  const { outer, otherStore, outerStore, beforeMs, afterMs, windowBeforeMs, windowAfterMs, graceMs } = op;
  const join = (key: unknown, mine: string | null, theirs: string | null) =>
    toText(
      joiner(
        isLeft
          ? { key: key as never, left: mine, right: theirs }
          : { key: key as never, left: theirs, right: mine },
      ),
    );
  return (x, r) => {
    const t = tracker(x, op.tracker);
    t.streamTime = Math.max(t.streamTime, r.ts);
    if (outer && r.key === null && r.value !== null) {
      forward(x, n, { key: r.key, value: join(r.key, r.value, null), old: null, ts: r.ts });
      return;
    }
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
    if (outerStore !== null && r.ts === t.streamTime) emitNonJoined(x, n, op, t, joiner);
    const from = Math.max(0, r.ts - beforeMs);
    const to = Math.max(0, r.ts + afterMs);
    const others = joinFetch(getStore(x, otherStore), k, from, to, otherRetention);
    for (const o of others) {
      if (outerStore !== null) {
        // The other record has found a partner: it will not be emitted with null.
        const ok = outerKey(k, o.t, !isLeft);
        const s = getStore(x, outerStore);
        if (outerHas(s, ok)) {
          setStore(x, outerStore, outerDelete(s, ok));
          logChange(x, outerStore, ok, null, o.t);
        }
      }
      forward(x, n, { key: r.key, value: join(r.key, r.value, o.v), old: null, ts: Math.max(r.ts, o.t) });
    }
    if (outer && others.length === 0) {
      if (outerStore === null || to < t.streamTime) {
        forward(x, n, { key: r.key, value: join(r.key, r.value, null), old: null, ts: r.ts });
      } else {
        t.minTime = Math.min(t.minTime, r.ts);
        setStore(x, outerStore, outerAdd(getStore(x, outerStore), k, r.ts, isLeft, r.value));
        logChange(
          x,
          outerStore,
          outerKey(k, r.ts, isLeft),
          JSON.stringify(isLeft ? { left: r.value } : { right: r.value }),
          r.ts,
        );
      }
    }
  };

  function emitNonJoined(
    x: Parameters<Run>[0],
    node: CNode,
    o: ProcOp & { t: 'streamJoin' },
    t: { streamTime: number; minTime: number },
    j: ReturnType<typeof compileExpr>,
  ): void {
    // Nothing can be due before the oldest held record's window (plus grace) has passed.
    if (t.minTime + o.afterMs + o.graceMs >= t.streamTime) return;
    t.minTime = Number.MAX_SAFE_INTEGER;
    const store = o.outerStore!;
    let leftOpen = false;
    let rightOpen = false;
    for (const [ck, e] of outerAll(getStore(x, store))) {
      t.minTime = e.t;
      if (leftOpen && rightOpen) break;
      const lookBack = e.left ? windowAfterMs : windowBeforeMs;
      if (t.minTime + lookBack + graceMs >= t.streamTime) {
        if (e.left) leftOpen = true;
        else rightOpen = true;
        continue;
      }
      for (const v of e.vs) {
        const value = toText(j({ key: e.k, left: e.left ? v : null, right: e.left ? null : v }));
        x.events.push({
          type: 'outerJoinEmitted',
          reason: `${node.name} emits ${e.k} = ${value ?? 'null'}: no partner arrived and its join window closed (stream time ${t.streamTime}, window ${formatDslDuration(lookBack)} + grace ${formatDslDuration(graceMs)})`,
          node: node.name,
          key: e.k,
          value,
          timestamp: e.t,
        });
        forward(x, node, { key: e.k, value, old: null, ts: e.t });
      }
      setStore(x, store, outerDelete(getStore(x, store), ck));
      logChange(x, store, ck, null, e.t);
    }
  }
}
