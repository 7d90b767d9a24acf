// { kind: 'alertState', alert: 'UnderReplicatedPartitions', state: 'inactive' | 'pending' | 'firing' } — the state
// of one of Prometheus' alerting rules (Strimzi's rule names) as its Alerts page shows it: firing if any of its
// label sets fires, else pending if any is pending, else inactive. Not met while monitoring is not running.
import { requireStrings } from '../params';
import type { ConditionKind } from '../types';

const STATES = ['inactive', 'pending', 'firing'];

export const alertState: ConditionKind = {
  kind: 'alertState',
  params: 'alert (rule name), state (inactive | pending | firing)',
  validate: (c) =>
    requireStrings(c, 'alert') ??
    (STATES.includes(c.state as string) ? null : `state must be one of ${STATES.join(', ')}`),
  evaluate: (view, c) => {
    const mon = view.monitoring();
    if (!mon.running) return { met: false, detail: 'monitoring is not running' };
    const rule = mon.rules().find((r) => r.alert === c.alert);
    if (!rule) return { met: false, detail: `no alerting rule ${c.alert}` };
    return { met: rule.state === c.state, detail: `${c.alert} is ${rule.state} (want ${c.state})` };
  },
};
