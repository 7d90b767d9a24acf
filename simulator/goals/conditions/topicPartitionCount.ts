// { kind: 'topicPartitionCount', topic: 'payments', equals | atLeast | atMost: N }
import { compare, describeComparison, requireStrings, validateComparison } from '../params';
import type { ConditionKind } from '../types';

export const topicPartitionCount: ConditionKind = {
  kind: 'topicPartitionCount',
  params: 'topic, equals | atLeast | atMost',
  validate: (c) => requireStrings(c, 'topic') ?? validateComparison(c),
  evaluate: (view, c) => {
    const t = view.topic(c.topic as string);
    if (!t) return { met: false, detail: `topic ${c.topic} does not exist` };
    const n = t.partitions.length;
    return { met: compare(n, c), detail: `${c.topic} has ${n} partitions (want ${describeComparison(c)})` };
  },
};
