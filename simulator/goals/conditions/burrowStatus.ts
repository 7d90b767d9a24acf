// { kind: 'burrowStatus', group: 'shipping', status: 'ERR', partitionStatus?: 'STALL' } — Burrow's verdict on a
// group (core/internal/evaluator: OK, WARN, ERR, or NOTFOUND) and, with `partitionStatus`, that at least one of
// its partitions has that status (OK, WARN, STOP, STALL, REWIND). Not met while monitoring is not running.
import { requireStrings } from '../params';
import type { ConditionKind } from '../types';

const GROUP = ['NOTFOUND', 'OK', 'WARN', 'ERR'];
const PARTITION = ['OK', 'WARN', 'STOP', 'STALL', 'REWIND'];

export const burrowStatus: ConditionKind = {
  kind: 'burrowStatus',
  params:
    'group, status (NOTFOUND | OK | WARN | ERR), partitionStatus (optional: OK | WARN | STOP | STALL | REWIND)',
  validate: (c) =>
    requireStrings(c, 'group') ??
    (GROUP.includes(c.status as string) ? null : `status must be one of ${GROUP.join(', ')}`) ??
    (c.partitionStatus === undefined || PARTITION.includes(c.partitionStatus as string)
      ? null
      : `partitionStatus must be one of ${PARTITION.join(', ')}`),
  evaluate: (view, c) => {
    const mon = view.monitoring();
    if (!mon.running) return { met: false, detail: 'monitoring (and Burrow) is not running' };
    const g = mon.burrowGroup(c.group as string);
    if (!g) return { met: false, detail: 'Burrow is not running' };
    const statuses = g.partitions.map((p) => `${p.topic}-${p.partition} ${p.status}`).join(', ');
    const groupOk = g.status === c.status;
    const partOk =
      c.partitionStatus === undefined || g.partitions.some((p) => p.status === c.partitionStatus);
    return {
      met: groupOk && partOk,
      detail: `Burrow: ${c.group} is ${g.status} (want ${c.status})${statuses ? `; ${statuses}` : ''}`,
    };
  },
};
