// { kind: 'keysRoutedByHash', topic: 'orders' } — every committed keyed record sits in the partition Kafka's
// default partitioning gives its key (BuiltInPartitioner.partitionForKey: toPositive(murmur2(key)) % partitions),
// i.e. nobody forced it elsewhere with an explicit partition.
import { partitionForKey } from '../../producer/murmur2';
import { requireStrings } from '../params';
import { allCommittedRecords } from '../records';
import type { ConditionKind } from '../types';

export const keysRoutedByHash: ConditionKind = {
  kind: 'keysRoutedByHash',
  params: 'topic',
  validate: (c) => requireStrings(c, 'topic'),
  evaluate: (view, c) => {
    const t = view.topic(c.topic as string);
    if (!t) return { met: false, detail: `topic ${c.topic} does not exist` };
    const n = t.partitions.length;
    const stray = allCommittedRecords(view, t).filter(
      (r) => r.key !== null && partitionForKey(r.key, n) !== r.partition,
    );
    return stray.length === 0
      ? { met: true, detail: `every keyed record of ${c.topic} is in its key's partition` }
      : {
          met: false,
          detail: stray
            .map(
              (r) =>
                `key ${r.key} at ${r.topic}-${r.partition}@${r.offset}, hashes to ${partitionForKey(r.key!, n)}`,
            )
            .join('; '),
        };
  },
};
