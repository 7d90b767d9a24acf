// { kind: 'clientQuota', entity: 'users/tenant-b', key: 'producer_byte_rate', atMost: 1048576 } — a quota
// configured on one entity, by its config path (users/<u>, users/<u>/clients/<c>, clients/<default>, …),
// as kafka-configs.sh --entity-type users|clients sets it (ClientQuotaControlManager).
import { compare, describeComparison, requireStrings, validateComparison } from '../params';
import type { ConditionKind } from '../types';

const KEYS = ['producer_byte_rate', 'consumer_byte_rate', 'request_percentage', 'controller_mutation_rate'];

export const clientQuota: ConditionKind = {
  kind: 'clientQuota',
  params:
    'entity (users/alice, clients/<default>, …), key (producer_byte_rate, …), equals / atLeast / atMost',
  validate: (c) =>
    requireStrings(c, 'entity', 'key') ??
    (KEYS.includes(c.key as string) ? null : `key must be one of ${KEYS.join(', ')}`) ??
    validateComparison(c),
  evaluate: (view, c) => {
    const q = view.security().quotas.find((e) => e.entity === c.entity);
    const v = q?.values[c.key as string];
    if (v === undefined) return { met: false, detail: `no ${c.key} quota on ${c.entity}` };
    return { met: compare(v, c), detail: `${c.entity} ${c.key}=${v} (want ${describeComparison(c)})` };
  },
};
