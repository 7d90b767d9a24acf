// { kind: 'producerConfig', producer: 'safe', name: 'acks', equals: 'all' } — an open producer's effective
// setting, with Kafka's config names (acks, enable.idempotence, linger.ms, batch.size, ...).
import { requireStrings } from '../params';
import type { ConditionKind } from '../types';

export const producerConfig: ConditionKind = {
  kind: 'producerConfig',
  params: 'producer (client name), name (config name), equals (string value)',
  validate: (c) =>
    requireStrings(c, 'producer', 'name') ??
    (typeof c.equals === 'string' ? null : 'equals must be a string'),
  evaluate: (view, c) => {
    const p = view.producer(c.producer as string);
    // Only open producers count: a closed producer no longer writes anything.
    if (p?.status !== 'open') return { met: false, detail: `no open producer named ${c.producer}` };
    const v = Object.hasOwn(p.configs, c.name as string) ? p.configs[c.name as string] : undefined;
    return {
      met: v === c.equals,
      detail: `producer ${c.producer} ${c.name}=${v ?? '(unset)'} (want ${c.equals})`,
    };
  },
};
