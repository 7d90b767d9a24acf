// { kind: 'isrSize', topic: 'payments', atLeast: 2 } — the check holds for every partition of the topic.
import { compare, describeComparison, requireStrings, validateComparison } from '../params';
import type { ConditionKind } from '../types';

export const isrSize: ConditionKind = {
  kind: 'isrSize',
  params: 'topic, equals | atLeast | atMost (applies to every partition)',
  validate: (c) => requireStrings(c, 'topic') ?? validateComparison(c),
  evaluate: (view, c) => {
    const t = view.topic(c.topic as string);
    if (!t || t.partitions.length === 0) return { met: false, detail: `topic ${c.topic} does not exist` };
    const bad = t.partitions.filter((p) => !compare(p.isr.length, c));
    const sizes = t.partitions.map((p) => `${p.partition}:[${p.isr.join(',')}]`).join(' ');
    return { met: bad.length === 0, detail: `${c.topic} ISRs ${sizes} (want size ${describeComparison(c)})` };
  },
};
