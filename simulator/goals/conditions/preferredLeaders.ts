// { kind: 'preferredLeaders', topic: 'orders' } — every partition is led by its preferred replica, the first
// broker in its replica list (ops docs, "Balancing leadership").
import { requireStrings } from '../params';
import type { ConditionKind } from '../types';

export const preferredLeaders: ConditionKind = {
  kind: 'preferredLeaders',
  params: 'topic',
  validate: (c) => requireStrings(c, 'topic'),
  evaluate: (view, c) => {
    const t = view.topic(c.topic as string);
    if (!t || t.partitions.length === 0) return { met: false, detail: `topic ${c.topic} does not exist` };
    const off = t.partitions.filter((p) => p.leader !== p.replicas[0]);
    return off.length === 0
      ? { met: true, detail: `every partition of ${c.topic} is led by its preferred replica` }
      : {
          met: false,
          detail: off
            .map((p) => `${c.topic}-${p.partition} led by ${p.leader ?? 'none'}, preferred ${p.replicas[0]}`)
            .join('; '),
        };
  },
};
