// A compiled processor node: its children in the order they were added (the order Kafka forwards in) and the
// function that processes one record.

import type { Exec, Rec } from './exec';
import { keyText } from './exec';
import { formatChange } from './format';

export type Run = (x: Exec, r: Rec) => void;

export type CNode = { name: string; children: CNode[]; run: Run };

/** ProcessorContext#forward to every child, depth first. */
export function forward(x: Exec, n: CNode, r: Rec): void {
  const cs = n.children;
  for (let i = 0; i < cs.length; i++) {
    if (x.trace) forwardEvent(x, n.name, cs[i].name, r);
    cs[i].run(x, r);
  }
}

/** Forward to one named child (KStreamBranch). */
export function forwardTo(x: Exec, n: CNode, child: CNode, r: Rec): void {
  if (x.trace) forwardEvent(x, n.name, child.name, r);
  child.run(x, r);
}

function forwardEvent(x: Exec, from: string, to: string, r: Rec): void {
  const k = keyText(r.key);
  x.events.push({
    type: 'recordForwarded',
    reason: `${from} -> ${to}: ${k ?? 'null'} = ${r.old !== null ? formatChange(r.value, r.old) : (r.value ?? 'null')} @${r.ts}`,
    from,
    to,
    key: k,
    value: r.value,
    ...(r.old !== null ? { oldValue: r.old } : {}),
    timestamp: r.ts,
  });
}
