// KTableValueGetter: how a join reads a table it does not own - from the store of the nearest materialized
// ancestor, applying unmaterialized filter / mapValues / join steps on the fly (KTableFilter#view,
// KTableMapValues#view, KTableKTable*JoinValueGetterSupplier).

import { compileExpr, toText, truthy } from '../expr/exprEval';
import type { ValueGetter } from '../topology/types';
import { type Exec, getStore } from './exec';
import { kvGet } from './stores';

export type VT = { v: string; t: number } | null;
export type Getter = (x: Exec, key: string) => VT;

export function compileGetter(g: ValueGetter): Getter {
  switch (g.t) {
    case 'store': {
      const store = g.store;
      return (x, key) => kvGet(getStore(x, store), key) ?? null;
    }
    case 'filter': {
      const parent = compileGetter(g.parent);
      const pred = compileExpr(g.pred);
      const not = g.not;
      return (x, key) => {
        const p = parent(x, key);
        if (p === null) return null;
        return truthy(pred({ key, value: p.v }), 'the filter condition') !== not ? p : null;
      };
    }
    case 'mapValues': {
      const parent = compileGetter(g.parent);
      const f = compileExpr(g.value);
      return (x, key) => {
        const p = parent(x, key);
        if (p === null) return null;
        const v = toText(f({ key, value: p.v }));
        return v === null ? null : { v, t: p.t };
      };
    }
    case 'join': {
      const left = compileGetter(g.left);
      const right = compileGetter(g.right);
      const joiner = compileExpr(g.joiner);
      const kind = g.kind;
      return (x, key) => {
        const l = left(x, key);
        const r = right(x, key);
        if (kind === 'inner' && (l === null || r === null)) return null;
        if (kind === 'left' && l === null) return null;
        if (kind === 'outer' && l === null && r === null) return null;
        const v = toText(joiner({ key, left: l?.v ?? null, right: r?.v ?? null }));
        return v === null ? null : { v, t: Math.max(l?.t ?? -1, r?.t ?? -1) };
      };
    }
  }
}
