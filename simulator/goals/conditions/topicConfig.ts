// { kind: 'topicConfig', topic: 'payments', name: 'min.insync.replicas', equals: '2' } — a topic-level override,
// as kafka-configs --describe lists it (a value left at the broker default does not count).
import { requireStrings } from '../params';
import type { ConditionKind } from '../types';

export const topicConfig: ConditionKind = {
  kind: 'topicConfig',
  params: 'topic, name (config name), equals (string value)',
  validate: (c) =>
    requireStrings(c, 'topic', 'name') ?? (typeof c.equals === 'string' ? null : 'equals must be a string'),
  evaluate: (view, c) => {
    const t = view.topic(c.topic as string);
    if (!t) return { met: false, detail: `topic ${c.topic} does not exist` };
    const v = t.overrides[c.name as string];
    return {
      met: v === c.equals,
      detail: `${c.topic} ${c.name}=${v ?? '(default)'} (want ${c.equals})`,
    };
  },
};
