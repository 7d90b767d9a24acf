// What the Strimzi operators do to the cluster when the learner applies new resources: the cluster operator
// adds and removes nodes (NodeIdAssignor, KafkaClusterCreator's scale-down check), updates broker options
// dynamically or rolls the nodes whose configuration changed (KafkaRoller order, KafkaAvailability#canRoll);
// the topic operator creates, grows, reconfigures and deletes topics (BatchingTopicController); the user
// operator creates users. Pure: the previous state and a snapshot of the live cluster in, the next state and
// events (each with a reason a learner reads) out. Topics and users: entityOperator.ts.
import { canRoll, type RollerNode, type RollerPartition, rollingOrder } from '../kafkaRoller';
import { DYNAMIC_BROKER_OPTIONS } from './dynamicConfig';
import { planTopics, planUsers, type TopicState, type UserState } from './entityOperator';
import type { StrimziEvent } from './events';
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
} from './resources';

export type PoolState = { roles: Role[]; nodeIds: number[] };

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

export type { TopicState, UserState };

export const EMPTY_CLUSTER: StrimziClusterState = { kafka: null, pools: {}, topics: {}, users: {} };

/** The live cluster the operators look at: partition replicas and ISRs, pod readiness, the active controller. */
export type LiveCluster = {
  partitions: readonly RollerPartition[];
  /** Pod readiness by node id; missing means ready. */
  ready?: Readonly<Record<number, boolean>>;
  activeController: number | null;
};

export type { StrimziEvent } from './events';

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

  const brokers = Object.values(nextPools)
    .filter((p) => p.roles.includes('broker'))
    .reduce((n, p) => n + p.nodeIds.length, 0);
  const topics = planTopics(prev.topics, resources, kafka, brokers, events);
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
