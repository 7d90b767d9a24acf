// Stateless KStream processors: KStreamFilter, KStreamMap, KStreamMapValues, KStreamFlatMap,
// KStreamFlatMapValues, KStreamPeek, KStreamBranch, PassThrough and KTable#toStream. They pass the input
// timestamp through unchanged.

import { compileExpr, ExprError, toText, truthy, type Val } from '../../expr/exprEval';
import type { ProcOp } from '../../topology/types';
import { type Exec, keyText, type Rec } from '../exec';
import { type CNode, forward, forwardTo, type Run } from '../node';

function asList(v: Val, op: string): Val[] {
  if (!Array.isArray(v)) {
    throw new ExprError(`${op} needs a list, e.g. split(value, " "), got ${toText(v) ?? 'null'}`);
  }
  return v;
}

export function statelessRun(n: CNode, op: ProcOp): Run | null {
  switch (op.t) {
    case 'filter': {
      const pred = compileExpr(op.pred);
      const not = op.not;
      return (x, r) => {
        const pass = truthy(pred({ key: r.key, value: r.value }), 'the filter condition') !== not;
        if (pass) forward(x, n, r);
        else if (x.trace) filtered(x, n.name, r);
      };
    }
    case 'map': {
      const k = compileExpr(op.key);
      const v = compileExpr(op.value);
      return (x, r) => {
        const env = { key: r.key, value: r.value };
        forward(x, n, { key: toText(k(env)), value: toText(v(env)), old: null, ts: r.ts });
      };
    }
    case 'mapValues': {
      const v = compileExpr(op.value);
      return (x, r) =>
        forward(x, n, { key: r.key, value: toText(v({ key: r.key, value: r.value })), old: null, ts: r.ts });
    }
    case 'selectKey': {
      const k = compileExpr(op.key);
      return (x, r) =>
        forward(x, n, {
          key: toText(k({ key: r.key, value: r.value })),
          value: r.value,
          old: null,
          ts: r.ts,
        });
    }
    case 'flatMap': {
      const list = compileExpr(op.list);
      const k = compileExpr(op.key);
      const v = compileExpr(op.value);
      return (x, r) => {
        for (const it of asList(list({ key: r.key, value: r.value }), 'flatMap')) {
          const env = { key: r.key, value: r.value, it };
          forward(x, n, { key: toText(k(env)), value: toText(v(env)), old: null, ts: r.ts });
        }
      };
    }
    case 'flatMapValues': {
      const list = compileExpr(op.list);
      return (x, r) => {
        for (const it of asList(list({ key: r.key, value: r.value }), 'flatMapValues')) {
          forward(x, n, { key: r.key, value: toText(it), old: null, ts: r.ts });
        }
      };
    }
    case 'peek':
      return (x, r) => {
        const k = keyText(r.key);
        x.events.push({
          type: 'peek',
          reason: `${n.name} sees ${k ?? 'null'} = ${r.value ?? 'null'} @${r.ts}`,
          node: n.name,
          key: k,
          value: r.value,
          timestamp: r.ts,
        });
        forward(x, n, r);
      };
    case 'branch': {
      const preds = op.preds.map(compileExpr);
      const names = op.children;
      let kids: CNode[] | null = null;
      return (x, r) => {
        kids ??= names.map((c) => n.children.find((k) => k.name === c)!);
        const env = { key: r.key, value: r.value };
        for (let i = 0; i < preds.length; i++) {
          if (truthy(preds[i](env), 'the branch condition')) {
            forwardTo(x, n, kids[i], r);
            return;
          }
        }
        // KStreamBranch: a record matching no predicate goes to the default branch, if there is one.
        if (kids.length > preds.length) forwardTo(x, n, kids[preds.length], r);
        else if (x.trace) filtered(x, n.name, r);
      };
    }
    case 'passThrough':
      return (x, r) => forward(x, n, r);
    case 'toStream':
      return (x, r) => forward(x, n, { key: r.key, value: r.value, old: null, ts: r.ts });
    default:
      return null;
  }
}

function filtered(x: Exec, node: string, r: Rec): void {
  const k = keyText(r.key);
  x.events.push({
    type: 'recordFiltered',
    reason: `${node} does not pass ${k ?? 'null'}@${r.ts} on`,
    node,
    key: k,
  });
}
