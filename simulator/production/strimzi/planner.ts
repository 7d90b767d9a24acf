// What the Strimzi operators do to the cluster when the learner applies new resources: the cluster operator
// adds and removes nodes (NodeIdAssignor, KafkaClusterCreator's scale-down check), updates broker options
// dynamically or rolls the nodes whose configuration changed (KafkaRoller order, KafkaAvailability#canRoll);
// the topic operator creates, grows, reconfigures and deletes topics (BatchingTopicController); the user
// operator creates users. Pure: the previous state and a snapshot of the live cluster in, the next state and
// events (each with a reason a learner reads) out.
import { canRoll, type RollerNode, type RollerPartition, rollingOrder } from '../kafkaRoller';
import { DYNAMIC_BROKER_OPTIONS } from './dynamicConfig';
import { assignNodeIds } from './nodeIds';
import {
  type Condition,
  checkKafkaCluster,
  DEFAULT_KAFKA_VERSION,
  poolsOf,
  type ReconcileFailure,
} from './operatorChecks';
import type {
  ConfigValue,
  KafkaResource,
  Listener,
  NodePoolResource,
  Role,
  StrimziResource,
  TopicResource,
  UserResource,
} from './resources';

export type PoolState = { roles: Role[]; nodeIds: number[] };
/** `resource`: the KafkaTopic's metadata.name (its status.topicName pins the topic it manages). */
export type TopicState = {
  resource: string;
  partitions: number;
  replicas: number;
  config: Record<string, ConfigValue>;
};
export type UserState = { authentication: UserResource['authentication']; aclCount: number };

/** What the operators have made of the resources so far: plain JSON data. */
export type StrimziClusterState = {
  kafka: {
    name: string;
    version: string;
    listeners: Listener[];
    config: Record<string, ConfigValue>;
    rackTopologyKey: string | null;
  } | null;
  pools: Record<string, PoolState>;
  topics: Record<string, TopicState>;
  users: Record<string, UserState>;
};

export const EMPTY_CLUSTER: StrimziClusterState = { kafka: null, pools: {}, topics: {}, users: {} };

/** The live cluster the operators look at: partition replicas and ISRs, pod readiness, the active controller. */
export type LiveCluster = {
  partitions: readonly RollerPartition[];
  /** Pod readiness by node id; missing means ready. */
  ready?: Readonly<Record<number, boolean>>;
  activeController: number | null;
};

export type StrimziEvent =
  | { type: 'NodeAdded'; pool: string; nodeId: number; roles: Role[]; reason: string }
  | { type: 'NodeRemoved'; pool: string; nodeId: number; reason: string }
  | { type: 'ScaleDownReverted'; pool: string; replicas: number; reason: string }
  | { type: 'BrokerConfigUpdated'; nodeIds: number[]; options: string[]; reason: string }
  | { type: 'NodeRestarted'; nodeId: number; reason: string }
  | { type: 'RestartBlocked'; nodeId: number; reason: string }
  | { type: 'TopicCreated'; topic: string; partitions: number; replicas: number; reason: string }
  | { type: 'PartitionsIncreased'; topic: string; from: number; to: number; reason: string }
  | {
      type: 'TopicConfigChanged';
      topic: string;
      set: Record<string, ConfigValue>;
      deleted: string[];
      reason: string;
    }
  | { type: 'TopicDeleted'; topic: string; reason: string }
  | {
      type: 'TopicNotReady';
      topic: string;
      conditionReason: 'NotSupported' | 'KafkaError';
      message: string;
      reason: string;
    }
  | { type: 'UserCreated' | 'UserUpdated' | 'UserDeleted'; user: string; reason: string };

export type ReconcileOutcome = {
  state: StrimziClusterState;
  events: StrimziEvent[];
  /** The Kafka's NotReady condition when the cluster operator's reconciliation failed; the state is unchanged. */
  failure: ReconcileFailure | null;
  warnings: Condition[];
  log: string[];
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const byName = <T extends { name: string }>(xs: readonly T[]) =>
  [...xs].sort((a, b) => a.name.localeCompare(b.name));
const intConfig = (config: Record<string, ConfigValue>, key: string, dflt: number) =>
  config[key] === undefined ? dflt : Number(config[key]);

type Nodes = Map<number, { pool: string; roles: Role[] }>;
const nodesOf = (pools: Record<string, PoolState>): Nodes =>
  new Map(
    Object.entries(pools).flatMap(([pool, p]) =>
      p.nodeIds.map((id) => [id, { pool, roles: p.roles }] as const),
    ),
  );

/** The restart reasons of one node whose pod already exists, or [] if its configuration did not change. */
function restartReasons(
  prev: NonNullable<StrimziClusterState['kafka']>,
  next: NonNullable<StrimziClusterState['kafka']>,
  roles: Role[],
  prevRoles: Role[],
  readOnlyChanged: string[],
): string[] {
  const reasons: string[] = [];
  if (prev.version !== next.version)
    reasons.push(`Kafka version changes from ${prev.version} to ${next.version}`);
  if (!same(prevRoles, roles)) reasons.push(`its roles change to [${roles.join(', ')}]`);
  if (!roles.includes('broker')) return reasons;
  if (!same(prev.listeners, next.listeners)) reasons.push('the listeners changed');
  if (prev.rackTopologyKey !== next.rackTopologyKey) reasons.push('the rack topologyKey changed');
  if (readOnlyChanged.length > 0)
    reasons.push(
      `read-only broker option${readOnlyChanged.length > 1 ? 's' : ''} ${readOnlyChanged.join(', ')} changed`,
    );
  return reasons;
}

function changedKeys(a: Record<string, ConfigValue>, b: Record<string, ConfigValue>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();
}

/**
 * One reconciliation of everything the learner applied. Only one Kafka cluster is modelled: the first Kafka in
 * `resources`; pools, topics and users are matched to it by their strimzi.io/cluster label.
 */
export function planReconcile(
  prev: StrimziClusterState,
  resources: readonly StrimziResource[],
  live: LiveCluster,
): ReconcileOutcome {
  const kafkaCr = resources.find((r): r is KafkaResource => r.kind === 'Kafka');
  if (!kafkaCr) return { state: prev, events: [], failure: null, warnings: [], log: [] };
  const allPools = resources.filter((r): r is NodePoolResource => r.kind === 'KafkaNodePool');
  const check = checkKafkaCluster(kafkaCr, allPools);
  if (check.failure) return { state: prev, events: [], failure: check.failure, warnings: [], log: check.log };
  const events: StrimziEvent[] = [];
  const warnings = [...check.warnings];
  const pools = byName(poolsOf(kafkaCr, allPools));

  // Node ids: pools that disappeared lose all their nodes.
  const gone = Object.keys(prev.pools).filter((name) => !pools.some((p) => p.name === name));
  let assignment = assignNodeIds([
    ...pools.map((p) => ({ name: p.name, current: prev.pools[p.name]?.nodeIds ?? [], replicas: p.replicas })),
    ...gone.map((name) => ({ name, current: prev.pools[name]?.nodeIds ?? [], replicas: 0 })),
  ]);

  // KafkaClusterCreator#brokerRemovalCheck: a broker that still holds partition replicas is not removed. The
  // operator reverts the pool's scale-down (a warning) unless the Kafka has strimzi.io/skip-broker-scaledown-check.
  const holdsReplicas = (id: number) => live.partitions.some((p) => p.replicas.includes(id));
  const wasBroker = (pool: string) => prev.pools[pool]?.roles.includes('broker') ?? false;
  if (kafkaCr.annotations['strimzi.io/skip-broker-scaledown-check'] !== 'true') {
    const blocked = assignment.filter((a) => wasBroker(a.name) && a.removed.some(holdsReplicas));
    const deletedBlocked = blocked.filter((a) => gone.includes(a.name));
    if (deletedBlocked.length > 0) {
      const ids = deletedBlocked.flatMap((a) => a.removed);
      return {
        state: prev,
        events: [],
        failure: {
          reason: 'InvalidResourceException',
          message: `Following errors were found when processing the Kafka custom resource: [Cannot scale-down Kafka brokers [${ids.join(', ')}] because they have assigned partition-replicas.]`,
        },
        warnings: [],
        log: check.log,
      };
    }
    for (const a of blocked) {
      const replicas = prev.pools[a.name]?.nodeIds.length ?? 0;
      const message = `Reverting scale-down of KafkaNodePool ${a.name} by changing number of replicas to ${replicas}`;
      warnings.push({ type: 'Warning', reason: 'ScaleDownPreventionCheck', message });
      events.push({
        type: 'ScaleDownReverted',
        pool: a.name,
        replicas,
        reason: `${message}: brokers [${a.removed.join(', ')}] still hold partition replicas; move them away first (kafka-reassign-partitions or Cruise Control).`,
      });
    }
    const revert = new Set(blocked.map((a) => a.name));
    assignment = assignment.map((a) =>
      revert.has(a.name) ? { ...a, desired: prev.pools[a.name]?.nodeIds ?? [], removed: [] } : a,
    );
  }

  const nextPools: Record<string, PoolState> = {};
  for (const p of pools) {
    const a = assignment.find((x) => x.name === p.name);
    if (a) nextPools[p.name] = { roles: [...p.roles], nodeIds: a.desired };
  }
  for (const a of assignment) {
    const roles = nextPools[a.name]?.roles ?? [];
    for (const id of a.added)
      events.push({
        type: 'NodeAdded',
        pool: a.name,
        nodeId: id,
        roles,
        reason: `KafkaNodePool ${a.name} scales to ${a.desired.length}: node ${id} (${roles.join(', ')}) gets the lowest unused node id`,
      });
    for (const id of a.removed)
      events.push({
        type: 'NodeRemoved',
        pool: a.name,
        nodeId: id,
        reason: gone.includes(a.name)
          ? `KafkaNodePool ${a.name} was deleted: node ${id} is removed`
          : `KafkaNodePool ${a.name} scales down to ${a.desired.length}: the highest node id, ${id}, is removed first`,
      });
  }

  const kafka: NonNullable<StrimziClusterState['kafka']> = {
    name: kafkaCr.name,
    version: kafkaCr.version ?? DEFAULT_KAFKA_VERSION,
    listeners: kafkaCr.listeners,
    config: check.effectiveConfig,
    rackTopologyKey: kafkaCr.rack?.topologyKey ?? null,
  };

  // Existing nodes whose configuration changed: dynamic broker options are applied in place, anything else rolls.
  if (prev.kafka) {
    const changed = changedKeys(prev.kafka.config, kafka.config);
    const dynamic = changed.filter((k) => DYNAMIC_BROKER_OPTIONS.has(k));
    const readOnly = changed.filter((k) => !DYNAMIC_BROKER_OPTIONS.has(k));
    const before = nodesOf(prev.pools);
    const toRoll: RollerNode[] = [];
    const why = new Map<number, string>();
    const dynamicBrokers: number[] = [];
    for (const [id, node] of nodesOf(nextPools)) {
      const old = before.get(id);
      if (!old) continue;
      const reasons = restartReasons(prev.kafka, kafka, node.roles, old.roles, readOnly);
      if (reasons.length > 0) {
        toRoll.push({
          id,
          controller: node.roles.includes('controller'),
          broker: node.roles.includes('broker'),
          ready: live.ready?.[id] ?? true,
        });
        why.set(id, reasons.join('; '));
      } else if (dynamic.length > 0 && node.roles.includes('broker')) dynamicBrokers.push(id);
    }
    if (dynamicBrokers.length > 0)
      events.push({
        type: 'BrokerConfigUpdated',
        nodeIds: dynamicBrokers.sort((a, b) => a - b),
        options: dynamic,
        reason: `${dynamic.join(', ')} can be changed while the broker runs: the operator updates brokers [${dynamicBrokers.join(', ')}] without restarting them`,
      });
    events.push(...rollingRestart(toRoll, why, live));
  }

  const topics = planTopics(prev.topics, resources, kafka, nextPools, events);
  const users = planUsers(prev.users, resources, kafka.name, events);
  return {
    state: { kafka, pools: nextPools, topics, users },
    events,
    failure: null,
    warnings,
    log: check.log,
  };
}

/**
 * KafkaRoller: nodes in rollingOrder, one at a time, each waiting for the previous one to be back in the ISR
 * (so the ISR snapshot holds between restarts). A broker that KafkaAvailability#canRoll refuses is not
 * restarted. Simplified: the real roller retries it with a back-off and fails the reconciliation when it stays
 * refused; controller quorum health checks are not modelled.
 */
export function rollingRestart(
  nodes: readonly RollerNode[],
  why: ReadonlyMap<number, string>,
  live: LiveCluster,
) {
  const events: StrimziEvent[] = [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const id of rollingOrder(nodes, live.activeController)) {
    const node = byId.get(id);
    if (!node) continue;
    const verdict = node.broker ? canRoll(id, live.partitions) : ({ canRoll: true } as const);
    if (verdict.canRoll)
      events.push({
        type: 'NodeRestarted',
        nodeId: id,
        reason: `node ${id} restarts: ${why.get(id) ?? 'its configuration changed'}`,
      });
    else events.push({ type: 'RestartBlocked', nodeId: id, reason: verdict.reason });
  }
  return events;
}

function planTopics(
  prev: Record<string, TopicState>,
  resources: readonly StrimziResource[],
  kafka: NonNullable<StrimziClusterState['kafka']>,
  pools: Record<string, PoolState>,
  events: StrimziEvent[],
): Record<string, TopicState> {
  const crs = resources.filter(
    (r): r is TopicResource => r.kind === 'KafkaTopic' && r.cluster === kafka.name,
  );
  const brokers = Object.values(pools)
    .filter((p) => p.roles.includes('broker'))
    .reduce((n, p) => n + p.nodeIds.length, 0);
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

function planUsers(
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
