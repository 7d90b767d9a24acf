// { kind: 'brokerState', broker: 2, state: 'stopped' | 'online' | 'isolated' }
import { int, requireInts } from '../params';
import type { ConditionKind } from '../types';

const STATES = ['online', 'stopped', 'isolated'];

export const brokerState: ConditionKind = {
  kind: 'brokerState',
  params: 'broker (id), state (online | stopped | isolated)',
  validate: (c) =>
    requireInts(c, 'broker') ??
    (STATES.includes(c.state as string) ? null : `state must be one of ${STATES.join(', ')}`),
  evaluate: (view, c) => {
    const id = int(c, 'broker');
    const b = view.brokers().find((x) => x.id === id);
    if (!b) return { met: false, detail: `broker ${id} does not exist` };
    return { met: b.state === c.state, detail: `broker ${id} is ${b.state} (want ${c.state})` };
  },
};
