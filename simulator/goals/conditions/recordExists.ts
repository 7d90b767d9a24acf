// { kind: 'recordExists', topic: 'events', partition?: 1, key?: 'user-42', value?: 'login' | null,
//   headers?: { source: 'mobile' } } — some committed record matches every given field (value null = tombstone).
import { requireStrings } from '../params';
import { allCommittedRecords, committedRecords } from '../records';
import type { ConditionKind, GoalCondition, RecordView } from '../types';

function headersOk(c: GoalCondition): string | null {
  if (c.headers === undefined) return null;
  const h = c.headers;
  if (typeof h !== 'object' || h === null || Array.isArray(h))
    return 'headers must be an object of name: value';
  return Object.values(h).every((v) => typeof v === 'string') ? null : 'header values must be strings';
}

function matches(r: RecordView, c: GoalCondition): boolean {
  if (c.key !== undefined && r.key !== c.key) return false;
  if (c.value !== undefined && r.value !== c.value) return false;
  const want = (c.headers ?? {}) as Record<string, string>;
  return Object.entries(want).every(([name, v]) => r.headers.some(([hn, hv]) => hn === name && hv === v));
}

export const recordExists: ConditionKind = {
  kind: 'recordExists',
  params: 'topic, partition (optional), key, value (string or null), headers { name: value } (each optional)',
  validate: (c) =>
    requireStrings(c, 'topic') ??
    (c.key !== undefined && typeof c.key !== 'string' && c.key !== null
      ? 'key must be a string or null'
      : null) ??
    (c.value !== undefined && typeof c.value !== 'string' && c.value !== null
      ? 'value must be a string or null'
      : null) ??
    (c.partition !== undefined && !Number.isInteger(c.partition) ? 'partition must be an integer' : null) ??
    headersOk(c),
  evaluate: (view, c) => {
    const t = view.topic(c.topic as string);
    if (!t) return { met: false, detail: `topic ${c.topic} does not exist` };
    const records =
      c.partition === undefined
        ? allCommittedRecords(view, t)
        : committedRecords(view, t, c.partition as number);
    const hit = records.find((r) => matches(r, c));
    const wanted = [
      c.key !== undefined ? `key=${c.key}` : '',
      c.value !== undefined ? `value=${c.value}` : '',
      ...Object.entries((c.headers ?? {}) as Record<string, string>).map(([k, v]) => `header ${k}=${v}`),
    ]
      .filter(Boolean)
      .join(', ');
    return hit
      ? { met: true, detail: `${hit.topic}-${hit.partition}@${hit.offset} has ${wanted}` }
      : { met: false, detail: `no committed record in ${c.topic} with ${wanted || 'any content'}` };
  },
};
