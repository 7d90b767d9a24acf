// { kind: 'topicReplicationFactor', topic: 'payments', atLeast: 3 } — the smallest replica count of any partition,
// which is what kafka-topics --describe reports as ReplicationFactor for a uniformly replicated topic.
import { compare, describeComparison, requireStrings, validateComparison } from '../params';
import type { ConditionKind } from '../types';

export const topicReplicationFactor: ConditionKind = {
  kind: 'topicReplicationFactor',
  params: 'topic, equals | atLeast | atMost',
  validate: (c) => requireStrings(c, 'topic') ?? validateComparison(c),
  evaluate: (view, c) => {
    const t = view.topic(c.topic as string);
    if (!t || t.partitions.length === 0) return { met: false, detail: `topic ${c.topic} does not exist` };
    const rf = Math.min(...t.partitions.map((p) => p.replicas.length));
    return {
      met: compare(rf, c),
      detail: `${c.topic} has replication factor ${rf} (want ${describeComparison(c)})`,
    };
  },
};
