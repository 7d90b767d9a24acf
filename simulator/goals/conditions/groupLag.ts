// { kind: 'groupLag', group: 'g1', topic?: 'orders', equals | atLeast | atMost: N } — total lag as
// kafka-consumer-groups --describe computes it (the read model's one lag rule): per partition, the high
// watermark minus the committed offset. A partition without a committed offset has no lag value (the tool
// prints "-"), so the condition is not met; neither is it for a partition without a leader (LOG-END-OFFSET "-").
import { compare, describeComparison, requireStrings, str, validateComparison } from '../params';
import type { ConditionKind } from '../types';

export const groupLag: ConditionKind = {
  kind: 'groupLag',
  params:
    'group, topic (optional: defaults to every topic the group has offsets for), equals | atLeast | atMost',
  validate: (c) =>
    requireStrings(c, 'group') ??
    (c.topic !== undefined && str(c, 'topic') === null ? 'topic must be a non-empty string' : null) ??
    validateComparison(c),
  evaluate: (view, c) => {
    const g = view.group(c.group as string);
    if (!g) return { met: false, detail: `group ${c.group} does not exist` };
    const topics = c.topic !== undefined ? [c.topic as string] : [...new Set(g.offsets.map((o) => o.topic))];
    if (topics.length === 0) return { met: false, detail: `group ${c.group} has no committed offsets` };
    let lag = 0;
    for (const name of topics) {
      const t = view.topic(name);
      if (!t) return { met: false, detail: `topic ${name} does not exist` };
      for (const p of t.partitions) {
        const row = g.partitions.find((r) => r.topic === name && r.partition === p.partition);
        if (!row || row.committed === null)
          return {
            met: false,
            detail: `group ${c.group} has no committed offset for ${name}-${p.partition}`,
          };
        if (row.lag === null)
          return {
            met: false,
            detail: `${name}-${p.partition} has no leader, so group ${c.group} has no lag value for it`,
          };
        lag += row.lag;
      }
    }
    return { met: compare(lag, c), detail: `group ${c.group} lag ${lag} (want ${describeComparison(c)})` };
  },
};
