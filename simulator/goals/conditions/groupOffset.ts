// { kind: 'groupOffset', group: 'audit', topic: 'orders', partition: 0, equals | atLeast | atMost: N } — the
// group's committed offset for one partition: the next offset its consumers will read.
import { compare, describeComparison, requireInts, requireStrings, validateComparison } from '../params';
import type { ConditionKind } from '../types';

export const groupOffset: ConditionKind = {
  kind: 'groupOffset',
  params: 'group, topic, partition, equals | atLeast | atMost',
  validate: (c) =>
    requireStrings(c, 'group', 'topic') ?? requireInts(c, 'partition') ?? validateComparison(c),
  evaluate: (view, c) => {
    const g = view.group(c.group as string);
    if (!g) return { met: false, detail: `group ${c.group} does not exist` };
    const o = g.offsets.find((x) => x.topic === c.topic && x.partition === c.partition);
    if (!o)
      return { met: false, detail: `group ${c.group} has no committed offset for ${c.topic}-${c.partition}` };
    return {
      met: compare(o.offset, c),
      detail: `group ${c.group} committed ${c.topic}-${c.partition} at ${o.offset} (want ${describeComparison(c)})`,
    };
  },
};
