// { kind: 'promqlQuery', expr: 'max_over_time(ALERTS{alertname="X",alertstate="firing"}[30m])', returns: 'some' | 'none' }
// — an instant PromQL query over the simulated Prometheus at the current virtual time returns at least one sample
// ('some') or an empty result ('none'). A query that fails to parse is a broken goal, never met.
import { requireStrings } from '../params';
import type { ConditionKind } from '../types';

export const promqlQuery: ConditionKind = {
  kind: 'promqlQuery',
  params: "expr (PromQL), returns ('some' | 'none')",
  validate: (c) =>
    requireStrings(c, 'expr') ??
    (c.returns === 'some' || c.returns === 'none' ? null : "returns must be 'some' or 'none'"),
  evaluate: (view, c) => {
    const mon = view.monitoring();
    if (!mon.running) return { met: false, detail: 'monitoring is not running' };
    const r = mon.instant(c.expr as string);
    if (!r.ok) return { met: false, detail: `query error: ${r.error}` };
    const n = r.value.length;
    return {
      met: c.returns === 'some' ? n > 0 : n === 0,
      detail: `${c.expr} returns ${n} sample${n === 1 ? '' : 's'} (want ${c.returns === 'some' ? 'some' : 'none'})`,
    };
  },
};
