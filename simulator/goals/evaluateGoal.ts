// Evaluate a challenge goal against a view of the simulation, and validate goal data before it ships.
import { CONDITION_KINDS } from './conditions';
import type { ConditionKind, Goal, GoalCondition, GoalResult, GoalView } from './types';

const byKind = new Map<string, ConditionKind>();
for (const k of CONDITION_KINDS) {
  if (byKind.has(k.kind)) throw new Error(`duplicate goal condition kind ${k.kind}`);
  byKind.set(k.kind, k);
}

export const conditionKinds = (): string[] => [...byKind.keys()].sort();

/** Problems with a goal's data (unknown kinds, malformed parameters); empty when it is well-formed. */
export function validateGoal(goal: Goal): string[] {
  const errors: string[] = [];
  if (typeof goal.description !== 'string' || goal.description.length === 0)
    errors.push('goal needs a description');
  if (!Array.isArray(goal.conditions) || goal.conditions.length === 0)
    errors.push('goal needs at least one condition');
  for (const [i, c] of (goal.conditions ?? []).entries()) {
    const def = byKind.get(c?.kind);
    if (!def) {
      errors.push(
        `condition ${i}: unknown kind ${JSON.stringify(c?.kind)} (known: ${conditionKinds().join(', ')})`,
      );
      continue;
    }
    const problem = def.validate(c);
    if (problem) errors.push(`condition ${i} (${c.kind}): ${problem}; parameters: ${def.params}`);
  }
  return errors;
}

function evaluateCondition(view: GoalView, c: GoalCondition) {
  const def = byKind.get(c.kind);
  if (!def) return { kind: c.kind, met: false, detail: `unknown condition kind ${c.kind}` };
  const problem = def.validate(c);
  if (problem) return { kind: c.kind, met: false, detail: `malformed condition: ${problem}` };
  // `cluster: 'west'`: the condition is about another cluster of the simulation.
  if (typeof c.cluster === 'string') {
    const there = view.cluster?.(c.cluster) ?? null;
    if (!there) return { kind: c.kind, met: false, detail: `the simulation has no cluster ${c.cluster}` };
    return { kind: c.kind, ...def.evaluate(there, c) };
  }
  return { kind: c.kind, ...def.evaluate(view, c) };
}

/** Met when every condition is met; `details` has one entry per condition, in order. */
export function evaluateGoal(view: GoalView, goal: Goal): GoalResult {
  const details = goal.conditions.map((c) => evaluateCondition(view, c));
  return { met: details.length > 0 && details.every((d) => d.met), details };
}
