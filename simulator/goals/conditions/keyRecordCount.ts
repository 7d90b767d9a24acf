// { kind: 'keyRecordCount', topic: 'prices', key: 'product-1', equals: 1 } — how many records with this key a
// read_uncommitted consumer reading the topic from the log start offset would receive (tombstones included),
// summed over all partitions. Used to check compaction and deletion: compaction keeps offsets, removes
// superseded records, and removes a tombstone once its delete horizon has passed.
import { compare, describeComparison, requireStrings, validateComparison } from '../params';
import { allCommittedRecords } from '../records';
import type { ConditionKind } from '../types';

export const keyRecordCount: ConditionKind = {
  kind: 'keyRecordCount',
  params: 'topic, key, equals | atLeast | atMost',
  validate: (c) => requireStrings(c, 'topic', 'key') ?? validateComparison(c),
  evaluate: (view, c) => {
    const t = view.topic(c.topic as string);
    if (!t) return { met: false, detail: `topic ${c.topic} does not exist` };
    const found = allCommittedRecords(view, t).filter((r) => r.key === c.key);
    const where = found.map((r) => `${r.partition}@${r.offset}${r.value === null ? ' (tombstone)' : ''}`).join(', ');
    return {
      met: compare(found.length, c),
      detail: `${c.topic} holds ${found.length} record(s) with key ${c.key}${where ? ` at ${where}` : ''} (want ${describeComparison(c)})`,
    };
  },
};
