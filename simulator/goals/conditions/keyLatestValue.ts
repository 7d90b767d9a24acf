// { kind: 'keyLatestValue', topic: 'prices', key: 'product-1', value: '10.99' } — the newest readable record
// with this key (highest offset, below the high watermark) has exactly this value. `value: null` asks for a
// tombstone. A consumer rebuilding a table from a compacted topic ends with this value for the key.
import { requireStrings } from '../params';
import { allCommittedRecords } from '../records';
import type { ConditionKind } from '../types';

export const keyLatestValue: ConditionKind = {
  kind: 'keyLatestValue',
  params: 'topic, key, value (string, or null for a tombstone)',
  validate: (c) =>
    requireStrings(c, 'topic', 'key') ??
    (typeof c.value === 'string' || c.value === null ? null : 'value must be a string or null'),
  evaluate: (view, c) => {
    const t = view.topic(c.topic as string);
    if (!t) return { met: false, detail: `topic ${c.topic} does not exist` };
    const mine = allCommittedRecords(view, t).filter((r) => r.key === c.key);
    if (mine.length === 0) return { met: false, detail: `${c.topic} has no record with key ${c.key}` };
    const latest = mine.reduce((a, b) => (b.offset > a.offset ? b : a));
    const shown = (v: unknown) => (v === null ? 'null (tombstone)' : String(v));
    return {
      met: latest.value === c.value,
      detail: `latest ${c.key} in ${c.topic} is ${shown(latest.value)} at ${latest.partition}@${latest.offset} (want ${shown(c.value)})`,
    };
  },
};
