// { kind: 'connectTasks', connector: 's3-orders', state: 'RUNNING', onLiveWorker?: true } — the connector exists,
// has at least one task, and every task's status (GET /connectors/<name>/status) is `state`; with onLiveWorker,
// the worker each status names is also up (a crashed worker's last RUNNING status does not count).
import { requireStrings } from '../params';
import type { ConditionKind } from '../types';

const STATES = ['UNASSIGNED', 'RUNNING', 'PAUSED', 'STOPPED', 'FAILED', 'RESTARTING'];

export const connectTasks: ConditionKind = {
  kind: 'connectTasks',
  params:
    'connector, state (UNASSIGNED | RUNNING | PAUSED | STOPPED | FAILED | RESTARTING), onLiveWorker (optional)',
  validate: (c) =>
    requireStrings(c, 'connector', 'state') ??
    (STATES.includes(c.state as string) ? null : `state must be one of ${STATES.join(', ')}`) ??
    (c.onLiveWorker !== undefined && typeof c.onLiveWorker !== 'boolean'
      ? 'onLiveWorker must be a boolean'
      : null),
  evaluate: (view, c) => {
    const conn = view.connect().connectors.find((x) => x.name === c.connector);
    if (!conn) return { met: false, detail: `connector ${c.connector} does not exist` };
    if (conn.tasks.length === 0) return { met: false, detail: `connector ${c.connector} has no tasks` };
    const off = conn.tasks.find((t) => t.state !== c.state || (c.onLiveWorker === true && t.workerDown));
    if (off)
      return {
        met: false,
        detail: `task ${conn.name}-${off.task} is ${off.state} on ${off.workerId}${off.workerDown ? ' (worker down)' : ''}`,
      };
    return { met: true, detail: `every task of ${conn.name} is ${c.state}` };
  },
};
