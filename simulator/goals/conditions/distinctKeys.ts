// { kind: 'distinctKeys', topic: 'orders', partition?: 2, equals | atLeast | atMost: N } — number of different
// non-null keys among committed records (of one partition, or of the whole topic).
import { compare, describeComparison, requireStrings, validateComparison } from '../params';
import { allCommittedRecords, committedRecords } from '../records';
import type { ConditionKind } from '../types';

export const distinctKeys: ConditionKind = {
  kind: 'distinctKeys',
  params: 'topic, partition (optional), equals | atLeast | atMost',
  validate: (c) =>
    requireStrings(c, 'topic') ??
    (c.partition !== undefined && !Number.isInteger(c.partition) ? 'partition must be an integer' : null) ??
    validateComparison(c),
  evaluate: (view, c) => {
    const t = view.topic(c.topic as string);
    if (!t) return { met: false, detail: `topic ${c.topic} does not exist` };
    const records =
      c.partition === undefined
        ? allCommittedRecords(view, t)
        : committedRecords(view, t, c.partition as number);
    const keys = new Set(records.map((r) => r.key).filter((k): k is string => k !== null));
    const where = c.partition === undefined ? `${c.topic}` : `${c.topic}-${c.partition}`;
    return {
      met: compare(keys.size, c),
      detail: `${where} has ${keys.size} distinct keys (want ${describeComparison(c)})`,
    };
  },
};
