// { kind: 'partitionRecordCount', topic: 'orders', partition: 2, equals | atLeast | atMost: N } — records a
// consumer can read in that partition now (below the high watermark, from the log start offset).
import { compare, describeComparison, requireInts, requireStrings, validateComparison } from '../params';
import { committedRecords } from '../records';
import type { ConditionKind } from '../types';

export const partitionRecordCount: ConditionKind = {
  kind: 'partitionRecordCount',
  params: 'topic, partition, equals | atLeast | atMost',
  validate: (c) => requireStrings(c, 'topic') ?? requireInts(c, 'partition') ?? validateComparison(c),
  evaluate: (view, c) => {
    const t = view.topic(c.topic as string);
    if (!t) return { met: false, detail: `topic ${c.topic} does not exist` };
    if (!t.partitions.some((p) => p.partition === c.partition))
      return { met: false, detail: `${c.topic} has no partition ${c.partition}` };
    const n = committedRecords(view, t, c.partition as number).length;
    return {
      met: compare(n, c),
      detail: `${c.topic}-${c.partition} holds ${n} committed records (want ${describeComparison(c)})`,
    };
  },
};
