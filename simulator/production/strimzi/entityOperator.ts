// The entity operator's share of a reconciliation: the topic operator (BatchingTopicController) creates, grows,
// reconfigures and deletes topics; the user operator creates, changes and deletes users.
import type { StrimziEvent } from './events';
import type { ConfigValue, StrimziResource, TopicResource, UserResource } from './resources';

/** `resource`: the KafkaTopic's metadata.name (its status.topicName pins the topic it manages). */
export type TopicState = {
  resource: string;
  partitions: number;
  replicas: number;
  config: Record<string, ConfigValue>;
};
export type UserState = { authentication: UserResource['authentication']; aclCount: number };

type KafkaState = { name: string; config: Record<string, ConfigValue> };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const byName = <T extends { name: string }>(xs: readonly T[]) =>
  [...xs].sort((a, b) => a.name.localeCompare(b.name));
const intConfig = (config: Record<string, ConfigValue>, key: string, dflt: number) =>
  config[key] === undefined ? dflt : Number(config[key]);
function changedKeys(a: Record<string, ConfigValue>, b: Record<string, ConfigValue>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();
}

export function planTopics(
  prev: Record<string, TopicState>,
  resources: readonly StrimziResource[],
  kafka: KafkaState,
  brokers: number,
  events: StrimziEvent[],
): Record<string, TopicState> {
  const crs = resources.filter(
    (r): r is TopicResource => r.kind === 'KafkaTopic' && r.cluster === kafka.name,
  );
  const next: Record<string, TopicState> = {};
  for (const t of byName(crs)) {
    const name = t.topicName;
    const old = prev[name];
    const notReady = (conditionReason: 'NotSupported' | 'KafkaError', message: string) =>
      events.push({
        type: 'TopicNotReady',
        topic: name,
        conditionReason,
        message,
        reason: `KafkaTopic ${t.name}: ${message}`,
      });
    // BatchingTopicController#validateUnchangedTopicName: a KafkaTopic keeps managing the topic it created.
    const managed = Object.entries(prev).find(([n, s]) => s.resource === t.name && n !== name);
    if (managed) {
      notReady('NotSupported', 'Changing spec.topicName is not supported');
      next[managed[0]] = managed[1];
      continue;
    }
    if (!old) {
      // CreateTopics with the broker defaults for what the KafkaTopic leaves out (num.partitions, default.replication.factor).
      const partitions = t.partitions ?? intConfig(kafka.config, 'num.partitions', 1);
      const replicas = t.replicas ?? intConfig(kafka.config, 'default.replication.factor', 1);
      if (replicas > brokers) {
        // StripedReplicaPlacer#throwInvalidReplicationFactorIfTooFewBrokers, wrapped as a KafkaError condition.
        notReady(
          'KafkaError',
          `org.apache.kafka.common.errors.InvalidReplicationFactorException: The target replication factor of ${replicas} cannot be reached because only ${brokers} broker(s) are registered.`,
        );
        continue;
      }
      next[name] = { resource: t.name, partitions, replicas, config: { ...t.config } };
      events.push({
        type: 'TopicCreated',
        topic: name,
        partitions,
        replicas,
        reason: `KafkaTopic ${t.name} created topic ${name} with ${partitions} partition(s) and replication factor ${replicas}`,
      });
      continue;
    }
    const state: TopicState = { ...old, config: { ...old.config } };
    if (t.partitions !== null && t.partitions < old.partitions)
      notReady('NotSupported', 'Decreasing partitions not supported');
    else if (t.partitions !== null && t.partitions > old.partitions) {
      state.partitions = t.partitions;
      events.push({
        type: 'PartitionsIncreased',
        topic: name,
        from: old.partitions,
        to: t.partitions,
        reason: `topic ${name} grows from ${old.partitions} to ${t.partitions} partitions (keys now hash to other partitions)`,
      });
    }
    if (t.replicas !== null && t.replicas !== old.replicas) {
      const all = Array.from({ length: old.partitions }, (_, i) => i);
      // Without Cruise Control enabled the topic operator cannot change the replication factor.
      notReady(
        'NotSupported',
        `Replication factor change not supported, but required for partitions [${all.join(', ')}]`,
      );
    }
    const keys = changedKeys(old.config, t.config);
    if (keys.length > 0) {
      const set = Object.fromEntries(
        keys.filter((k) => t.config[k] !== undefined).map((k) => [k, t.config[k] as ConfigValue]),
      );
      const deleted = keys.filter((k) => t.config[k] === undefined);
      state.config = { ...t.config };
      events.push({
        type: 'TopicConfigChanged',
        topic: name,
        set,
        deleted,
        reason: `topic ${name}: incrementalAlterConfigs sets ${Object.keys(set).join(', ') || 'nothing'}${deleted.length ? `, resets ${deleted.join(', ')} to the broker default` : ''}; no restart needed`,
      });
    }
    next[name] = state;
  }
  for (const name of Object.keys(prev).sort())
    if (!next[name] && !crs.some((t) => t.topicName === name))
      events.push({
        type: 'TopicDeleted',
        topic: name,
        reason: `the KafkaTopic for ${name} was deleted, so the topic operator deletes the topic`,
      });
  return next;
}

export function planUsers(
  prev: Record<string, UserState>,
  resources: readonly StrimziResource[],
  cluster: string,
  events: StrimziEvent[],
): Record<string, UserState> {
  const next: Record<string, UserState> = {};
  for (const u of byName(
    resources.filter((r): r is UserResource => r.kind === 'KafkaUser' && r.cluster === cluster),
  )) {
    const state: UserState = { authentication: u.authentication, aclCount: u.acls?.length ?? 0 };
    next[u.name] = state;
    const auth = u.authentication ?? 'no';
    if (!prev[u.name])
      events.push({
        type: 'UserCreated',
        user: u.name,
        reason: `KafkaUser ${u.name} created with ${auth} authentication and ${state.aclCount} ACL rule(s)`,
      });
    else if (!same(prev[u.name], state))
      events.push({
        type: 'UserUpdated',
        user: u.name,
        reason: `KafkaUser ${u.name} now has ${auth} authentication and ${state.aclCount} ACL rule(s)`,
      });
  }
  for (const name of Object.keys(prev).sort())
    if (!next[name])
      events.push({
        type: 'UserDeleted',
        user: name,
        reason: `KafkaUser ${name} was deleted: its credentials and ACLs are removed`,
      });
  return next;
}
