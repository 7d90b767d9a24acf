// { kind: 'keyRecordCount', topic: 'prices', key: 'product-1', equals: 1 [, isolation: 'read_committed'] } —
// how many records with this key a consumer reading the whole topic from the log start offset would receive
// (tombstones included), summed over all partitions. The default isolation is read_uncommitted (everything
// below the high watermark, aborted transactional records too); read_committed stops at the last stable
// offset and drops aborted records, as KafkaConsumer does with isolation.level=read_committed.
import { compare, describeComparison, requireStrings, validateComparison } from '../params';
import type { ConditionKind, GoalView, RecordView, TopicView } from '../types';

type Isolation = 'read_uncommitted' | 'read_committed';

function readAll(view: GoalView, t: TopicView, isolation: Isolation): RecordView[] {
  return t.partitions.flatMap((p) => {
    const end = isolation === 'read_committed' ? p.lastStableOffset : p.highWatermark;
    const span = Math.max(0, end - p.logStartOffset);
    return span === 0 ? [] : view.records(t.name, p.partition, p.logStartOffset, span, isolation);
  });
}

export const keyRecordCount: ConditionKind = {
  kind: 'keyRecordCount',
  params: 'topic, key, equals | atLeast | atMost, isolation (optional: read_uncommitted | read_committed)',
  validate: (c) =>
    requireStrings(c, 'topic', 'key') ??
    (c.isolation === undefined || c.isolation === 'read_uncommitted' || c.isolation === 'read_committed'
      ? null
      : 'isolation must be read_uncommitted or read_committed') ??
    validateComparison(c),
  evaluate: (view, c) => {
    const t = view.topic(c.topic as string);
    if (!t) return { met: false, detail: `topic ${c.topic} does not exist` };
    const isolation: Isolation = c.isolation === 'read_committed' ? 'read_committed' : 'read_uncommitted';
    const found = readAll(view, t, isolation).filter((r) => r.key === c.key);
    const where = found
      .map((r) => `${r.partition}@${r.offset}${r.value === null ? ' (tombstone)' : ''}`)
      .join(', ');
    return {
      met: compare(found.length, c),
      detail:
        `a ${isolation} reader of ${c.topic} gets ${found.length} record(s) with key ${c.key}` +
        `${where ? ` at ${where}` : ''} (want ${describeComparison(c)})`,
    };
  },
};
