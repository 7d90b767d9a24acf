// Declarative challenge goals: plain data in content/challenges/*.json, checked against a read-only view of
// the simulation. A goal is met when every one of its conditions is met.
import type { BrokerView, ClusterPort, GroupView, RecordView, TopicView } from '../console/port';

export type { BrokerView, GroupView, RecordView, TopicView };

/** One condition as written in a challenge file: a `kind` plus that kind's parameters. */
export type GoalCondition = { kind: string } & Record<string, unknown>;

export type Goal = { description: string; conditions: GoalCondition[] };

export type ConditionResult = { kind: string; met: boolean; detail: string };

export type GoalResult = { met: boolean; details: ConditionResult[] };

/**
 * What conditions may look at: the console's read-only queries plus two things the console port does not
 * expose (a named producer's effective configs, and the partitioner's key routing).
 */
export type GoalView = Pick<ClusterPort, 'brokers' | 'topic' | 'group' | 'read'> & {
  /** Effective configs of an open producer by client name (e.g. acks=all, enable.idempotence=true), or null. */
  producerConfig(name: string): Record<string, string> | null;
  /** The partition Kafka's producer picks for this key: toPositive(murmur2(utf8(key))) % partitions. */
  partitionForKey(key: string, partitions: number): number;
  /** Distinct records of `topic` that poll() has handed to members of `group` so far (0 if none). */
  groupReceived(group: string, topic: string): number;
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
