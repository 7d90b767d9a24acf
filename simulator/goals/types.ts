// Declarative challenge goals: plain data in content/challenges/*.json, checked against the simulation's read
// model. A goal is met when every one of its conditions is met.
import type { ReadModel } from '../read/index';

export type { BrokerView, GroupView, RecordView, TopicView } from '../read/index';

/** One condition as written in a challenge file: a `kind` plus that kind's parameters. */
export type GoalCondition = { kind: string } & Record<string, unknown>;

export type Goal = { description: string; conditions: GoalCondition[] };

export type ConditionResult = { kind: string; met: boolean; detail: string };

export type GoalResult = { met: boolean; details: ConditionResult[] };

/** What conditions may look at: a part of the read model (`readModel(sim)` is one). */
export type GoalView = Pick<
  ReadModel,
  | 'brokers'
  | 'topic'
  | 'group'
  | 'records'
  | 'producer'
  | 'deliveredToGroup'
  | 'security'
  | 'authorizes'
  | 'monitoring'
  | 'rabbitmq'
  | 'connect'
  | 'streamsApp'
  | 'production'
  | 'schemaRegistry'
> & {
  /** Another cluster of the simulation; a condition with `cluster: 'west'` is evaluated there. */
  cluster?: (name: string) => GoalView | null;
};

/** One kind of condition: how to check its parameters, and how to evaluate it. */
export type ConditionKind = {
  kind: string;
  /** Human summary of the parameters, for authors (shown in error messages). */
  params: string;
  /** null when the condition's parameters are well-formed, else what is wrong. */
  validate(c: GoalCondition): string | null;
  evaluate(view: GoalView, c: GoalCondition): { met: boolean; detail: string };
};
