// { kind: 'streamsApp', app: 'totals', guarantee: 'exactly_once_v2', state: 'RUNNING', crashesAtLeast: 1 } — a
// Kafka Streams application (application.id `app`) exists with this processing.guarantee and state, and at least
// that many of its instances have crashed. Every parameter but `app` is optional.
import { int, requireStrings } from '../params';
import type { ConditionKind } from '../types';

const GUARANTEES = ['at_least_once', 'exactly_once_v2'];
const STATES = ['CREATED', 'REBALANCING', 'RUNNING', 'NOT_RUNNING', 'ERROR'];

export const streamsApp: ConditionKind = {
  kind: 'streamsApp',
  params:
    'app, guarantee (optional: at_least_once | exactly_once_v2), state (optional), crashesAtLeast (optional)',
  validate: (c) =>
    requireStrings(c, 'app') ??
    (c.guarantee === undefined || GUARANTEES.includes(c.guarantee as string)
      ? null
      : `guarantee must be one of ${GUARANTEES.join(', ')}`) ??
    (c.state === undefined || STATES.includes(c.state as string)
      ? null
      : `state must be one of ${STATES.join(', ')}`) ??
    (c.crashesAtLeast === undefined || (int(c, 'crashesAtLeast') ?? -1) >= 0
      ? null
      : 'crashesAtLeast must be a non-negative integer'),
  evaluate: (view, c) => {
    const a = view.streamsApp(c.app as string);
    if (!a) return { met: false, detail: `no Kafka Streams application ${c.app}` };
    const problems: string[] = [];
    if (c.guarantee !== undefined && a.guarantee !== c.guarantee)
      problems.push(`processing.guarantee is ${a.guarantee} (want ${c.guarantee})`);
    if (c.state !== undefined && a.state !== c.state) problems.push(`state is ${a.state} (want ${c.state})`);
    if (c.crashesAtLeast !== undefined && a.crashes < (c.crashesAtLeast as number))
      problems.push(`${a.crashes} instance crash(es) so far (want at least ${c.crashesAtLeast})`);
    return {
      met: problems.length === 0,
      detail:
        problems.length === 0
          ? `${c.app}: ${a.state}, processing.guarantee=${a.guarantee}, ${a.crashes} instance crash(es)`
          : `${c.app}: ${problems.join('; ')}`,
    };
  },
};
