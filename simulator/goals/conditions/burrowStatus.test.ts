// The burrowStatus goal condition: Burrow's group verdict (evaluator/caching.go: NOTFOUND for an unknown group,
// the worst partition otherwise, STOP/STALL/REWIND shown as ERR) and, optionally, one partition's status.
import { describe, expect, it } from 'vitest';
import { evaluateGoal, type Goal, readModel, Simulation, validateGoal } from '../../index';

const goal = (c: Record<string, unknown>): Goal => ({
  description: 'Burrow',
  conditions: [{ kind: 'burrowStatus', ...c }],
});

describe('burrowStatus', () => {
  it('is not met while monitoring (and so Burrow) is off; an unknown group is NOTFOUND', () => {
    const sim = new Simulation({ seed: 42, brokers: 3 });
    expect(evaluateGoal(readModel(sim), goal({ group: 'g1', status: 'NOTFOUND' })).met).toBe(false);
    sim.dispatch({ type: 'monitoringStart' });
    expect(evaluateGoal(readModel(sim), goal({ group: 'g1', status: 'NOTFOUND' })).met).toBe(true);
    expect(evaluateGoal(readModel(sim), goal({ group: 'g1', status: 'OK' })).met).toBe(false);
  });

  it('validates the status names against Burrow’s StatusConstant', () => {
    // A group is never STALL itself: the evaluator reports a stalled partition's group as ERR.
    expect(validateGoal(goal({ group: 'g1', status: 'STALL' }))).toHaveLength(1);
    expect(validateGoal(goal({ group: 'g1', status: 'ERR', partitionStatus: 'STALL' }))).toEqual([]);
    expect(validateGoal(goal({ group: 'g1', status: 'ERR', partitionStatus: 'BROKEN' }))).toHaveLength(1);
  });
});
