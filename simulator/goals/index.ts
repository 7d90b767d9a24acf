// Challenge goals: declarative conditions over the simulation's read model (evaluateGoal(readModel(sim), goal)).
export { conditionKinds, evaluateGoal, validateGoal } from './evaluateGoal';
export type { ConditionKind, ConditionResult, Goal, GoalCondition, GoalResult, GoalView } from './types';
