// Challenge goals: declarative conditions over the simulation's observable state.
export { conditionKinds, evaluateGoal, validateGoal } from './evaluateGoal';
export type { ConditionKind, ConditionResult, Goal, GoalCondition, GoalResult, GoalView } from './types';
export {
  goalView,
  groupReceivedCount,
  openProducerConfig,
  producerConfigByKafkaName,
  type SimulationLike,
} from './view';
