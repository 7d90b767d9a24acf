// { kind: 'partitionsOnline', topic: 'payments' } — every partition has a leader on a running, connected broker,
// i.e. kafka-topics --describe --unavailable-partitions would list none of them.
import { requireStrings } from '../params';
import type { ConditionKind } from '../types';

export const partitionsOnline: ConditionKind = {
  kind: 'partitionsOnline',
  params: 'topic',
  validate: (c) => requireStrings(c, 'topic'),
  evaluate: (view, c) => {
    const t = view.topic(c.topic as string);
    if (!t) return { met: false, detail: `topic ${c.topic} does not exist` };
    const online = new Set(
      view
        .brokers()
        .filter((b) => b.state === 'online')
        .map((b) => b.id),
    );
    const down = t.partitions
      .filter((p) => p.leader === null || !online.has(p.leader))
      .map((p) => p.partition);
    return down.length === 0
      ? { met: true, detail: `every partition of ${c.topic} has a live leader` }
      : { met: false, detail: `${c.topic} partitions without a live leader: ${down.join(', ')}` };
  },
};
