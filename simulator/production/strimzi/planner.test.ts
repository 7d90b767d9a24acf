import { describe, expect, it } from 'vitest';
import type { RollerPartition } from '../kafkaRoller';
import { EMPTY_CLUSTER, type LiveCluster, planReconcile, type StrimziClusterState } from './planner';
import { KAFKA_YAML, POOL_YAML, resources, TOPIC_YAML, USER_YAML } from './strimzi.testkit';

const CONTROLLERS = POOL_YAML('controller', 3, '[controller]');
const BROKERS = (n = 3) => POOL_YAML('broker', n, '[broker]');
const IDLE: LiveCluster = { partitions: [], activeController: null };
const part = (partition: number, replicas: number[], isr = replicas, minIsr = 2): RollerPartition => ({
  topic: 'orders',
  partition,
  replicas,
  isr,
  minIsr,
});

/** The cluster after a first apply: brokers 0-2 (pool "broker" sorts first), controllers 3-5. */
function created(...extra: string[]): StrimziClusterState {
  return planReconcile(EMPTY_CLUSTER, resources(KAFKA_YAML(), CONTROLLERS, BROKERS(), ...extra), IDLE).state;
}
const types = (events: { type: string }[]) => events.map((e) => e.type);

describe('Strimzi reconciliation planner', () => {
  it('a new cluster gets node ids pool by pool in name order, and nothing restarts (NodeIdAssignor)', () => {
    const out = planReconcile(EMPTY_CLUSTER, resources(KAFKA_YAML(), CONTROLLERS, BROKERS()), IDLE);
    expect(out.failure).toBeNull();
    expect(out.state.pools).toEqual({
      broker: { roles: ['broker'], nodeIds: [0, 1, 2] },
      controller: { roles: ['controller'], nodeIds: [3, 4, 5] },
    });
    expect(types(out.events)).toEqual(Array(6).fill('NodeAdded'));
  });

  it('scaling the broker pool up adds the lowest unused id without rolling anyone', () => {
    const out = planReconcile(created(), resources(KAFKA_YAML(), CONTROLLERS, BROKERS(4)), IDLE);
    expect(out.events).toEqual([expect.objectContaining({ type: 'NodeAdded', pool: 'broker', nodeId: 6 })]);
  });

  it('scale-down of a broker that holds replicas is reverted with a warning (KafkaClusterCreator#revertScaleDown)', () => {
    const live = { partitions: [part(0, [0, 1, 2])], activeController: null };
    const out = planReconcile(created(), resources(KAFKA_YAML(), CONTROLLERS, BROKERS(2)), live);
    expect(out.state.pools.broker?.nodeIds).toEqual([0, 1, 2]);
    expect(out.warnings).toEqual([
      {
        type: 'Warning',
        reason: 'ScaleDownPreventionCheck',
        message: 'Reverting scale-down of KafkaNodePool broker by changing number of replicas to 3',
      },
    ]);
    expect(types(out.events)).toEqual(['ScaleDownReverted']);
  });

  it('an empty broker is removed, highest id first; strimzi.io/skip-broker-scaledown-check skips the check', () => {
    const empty = { partitions: [part(0, [0, 1, 3])], activeController: null };
    const out = planReconcile(created(), resources(KAFKA_YAML(), CONTROLLERS, BROKERS(2)), empty);
    expect(out.events).toEqual([expect.objectContaining({ type: 'NodeRemoved', nodeId: 2 })]);
    const skip = KAFKA_YAML().replace(
      'strimzi.io/kraft: enabled',
      'strimzi.io/kraft: enabled\n    strimzi.io/skip-broker-scaledown-check: "true"',
    );
    const forced = planReconcile(created(), resources(skip, CONTROLLERS, BROKERS(2)), {
      partitions: [part(0, [0, 1, 2])],
      activeController: null,
    });
    expect(forced.state.pools.broker?.nodeIds).toEqual([0, 1]);
  });

  it('deleting a pool whose brokers hold replicas fails the reconciliation (KafkaClusterCreator#prepareKafkaCluster)', () => {
    const prev = planReconcile(
      created(),
      resources(KAFKA_YAML(), CONTROLLERS, BROKERS(), POOL_YAML('big', 1, '[broker]')),
      IDLE,
    ).state;
    expect(prev.pools.big?.nodeIds).toEqual([6]);
    const out = planReconcile(prev, resources(KAFKA_YAML(), CONTROLLERS, BROKERS()), {
      partitions: [part(0, [6, 0, 1])],
      activeController: null,
    });
    expect(out.failure?.message).toBe(
      'Following errors were found when processing the Kafka custom resource: [Cannot scale-down Kafka brokers [6] because they have assigned partition-replicas.]',
    );
    expect(out.state).toBe(prev);
  });

  it('min.insync.replicas is a dynamic cluster-wide option: brokers are updated in place, not restarted (DynamicLogConfig)', () => {
    const out = planReconcile(
      created(),
      resources(
        KAFKA_YAML('default.replication.factor: 3\n      min.insync.replicas: 1'),
        CONTROLLERS,
        BROKERS(),
      ),
      IDLE,
    );
    expect(out.events).toEqual([
      expect.objectContaining({
        type: 'BrokerConfigUpdated',
        nodeIds: [0, 1, 2],
        options: ['min.insync.replicas'],
      }),
    ]);
  });

  it('a read-only option rolls the brokers one by one; a broker whose restart would break min.insync.replicas waits (KafkaAvailability#canRoll)', () => {
    const live = { partitions: [part(0, [0, 1, 2], [1, 2])], activeController: 3 };
    const out = planReconcile(
      created(),
      resources(
        KAFKA_YAML('default.replication.factor: 2\n      min.insync.replicas: 2'),
        CONTROLLERS,
        BROKERS(),
      ),
      live,
    );
    expect(out.events.map((e) => [e.type, 'nodeId' in e ? e.nodeId : null])).toEqual([
      ['NodeRestarted', 0],
      ['RestartBlocked', 1],
      ['RestartBlocked', 2],
    ]);
    expect(out.events[0]?.reason).toBe(
      'node 0 restarts: read-only broker option default.replication.factor changed',
    );
    expect(out.events[1]?.reason).toBe(
      'orders/0 will be under-replicated (ISR={1,2}, replicas=[0,1,2], min.insync.replicas=2) if broker 1 is restarted.',
    );
  });

  it('a Kafka version upgrade rolls controllers first, the active controller last, then brokers (KafkaRoller)', () => {
    const prev = created();
    const upgraded = { ...prev, kafka: prev.kafka && { ...prev.kafka, version: '4.2.1' } };
    const out = planReconcile(upgraded, resources(KAFKA_YAML(), CONTROLLERS, BROKERS()), {
      partitions: [],
      activeController: 3,
    });
    expect(out.events.map((e) => ('nodeId' in e ? e.nodeId : null))).toEqual([4, 5, 3, 0, 1, 2]);
    expect(out.events[0]?.reason).toBe('node 4 restarts: Kafka version changes from 4.2.1 to 4.3.1');
  });

  it('a listener change rolls brokers only; controllers keep running', () => {
    const out = planReconcile(
      created(),
      resources(KAFKA_YAML().replace('port: 9093', 'port: 9094'), CONTROLLERS, BROKERS()),
      IDLE,
    );
    expect(out.events.map((e) => ('nodeId' in e ? e.nodeId : null))).toEqual([0, 1, 2]);
  });

  it('a failed operator check leaves the cluster as it was', () => {
    const prev = created();
    const out = planReconcile(
      prev,
      resources(KAFKA_YAML().replace('version: 4.3.1', 'version: 3.9.0'), CONTROLLERS, BROKERS(5)),
      IDLE,
    );
    expect(out.failure?.reason).toBe('UnsupportedKafkaVersionException');
    expect(out.state).toBe(prev);
    expect(out.events).toEqual([]);
  });
});

describe('Strimzi topic and user operators', () => {
  it('a KafkaTopic without partitions/replicas takes the broker defaults num.partitions and default.replication.factor', () => {
    const out = planReconcile(
      EMPTY_CLUSTER,
      resources(KAFKA_YAML(), CONTROLLERS, BROKERS(), TOPIC_YAML('orders', 'config: {}')),
      IDLE,
    );
    expect(out.state.topics.orders).toEqual({ resource: 'orders', partitions: 1, replicas: 3, config: {} });
  });

  it('replicas above the broker count is a KafkaError (StripedReplicaPlacer#throwInvalidReplicationFactorIfTooFewBrokers)', () => {
    const out = planReconcile(
      EMPTY_CLUSTER,
      resources(KAFKA_YAML(), CONTROLLERS, BROKERS(), TOPIC_YAML('orders', 'replicas: 4')),
      IDLE,
    );
    expect(out.events.at(-1)).toMatchObject({
      type: 'TopicNotReady',
      conditionReason: 'KafkaError',
      message:
        'org.apache.kafka.common.errors.InvalidReplicationFactorException: The target replication factor of 4 cannot be reached because only 3 broker(s) are registered.',
    });
    expect(out.state.topics.orders).toBeUndefined();
  });

  it('partitions can grow but not shrink; replicas cannot change without Cruise Control (BatchingTopicController)', () => {
    const prev = created(TOPIC_YAML('orders', 'partitions: 3\n  replicas: 3'));
    const grown = planReconcile(
      prev,
      resources(KAFKA_YAML(), CONTROLLERS, BROKERS(), TOPIC_YAML('orders', 'partitions: 6\n  replicas: 3')),
      IDLE,
    );
    expect(grown.events).toEqual([expect.objectContaining({ type: 'PartitionsIncreased', from: 3, to: 6 })]);
    const shrunk = planReconcile(
      prev,
      resources(KAFKA_YAML(), CONTROLLERS, BROKERS(), TOPIC_YAML('orders', 'partitions: 2\n  replicas: 2')),
      IDLE,
    );
    expect(shrunk.events.map((e) => ('message' in e ? e.message : e.type))).toEqual([
      'Decreasing partitions not supported',
      'Replication factor change not supported, but required for partitions [0, 1, 2]',
    ]);
    expect(shrunk.state.topics.orders?.partitions).toBe(3);
  });

  it('a KafkaTopic cannot be pointed at another topic name (BatchingTopicController#validateUnchangedTopicName)', () => {
    const prev = created(TOPIC_YAML('orders', 'partitions: 3'));
    const out = planReconcile(
      prev,
      resources(
        KAFKA_YAML(),
        CONTROLLERS,
        BROKERS(),
        TOPIC_YAML('orders', 'topicName: orders-v2\n  partitions: 3'),
      ),
      IDLE,
    );
    expect(out.events).toEqual([
      expect.objectContaining({ type: 'TopicNotReady', message: 'Changing spec.topicName is not supported' }),
    ]);
    expect(Object.keys(out.state.topics)).toEqual(['orders']);
  });

  it('topic config changes are applied without restarts; a deleted KafkaTopic deletes the topic', () => {
    const prev = created(TOPIC_YAML('orders', 'config:\n    retention.ms: 1000\n    cleanup.policy: delete'));
    const out = planReconcile(
      prev,
      resources(
        KAFKA_YAML(),
        CONTROLLERS,
        BROKERS(),
        TOPIC_YAML('orders', 'config:\n    retention.ms: 2000'),
      ),
      IDLE,
    );
    expect(out.events).toEqual([
      expect.objectContaining({
        type: 'TopicConfigChanged',
        set: { 'retention.ms': 2000 },
        deleted: ['cleanup.policy'],
      }),
    ]);
    expect(types(planReconcile(prev, resources(KAFKA_YAML(), CONTROLLERS, BROKERS()), IDLE).events)).toEqual([
      'TopicDeleted',
    ]);
  });

  it('KafkaUsers are created, changed and deleted with their ACL rules', () => {
    const user = USER_YAML('alice', 'authentication:\n    type: scram-sha-512');
    const prev = created(user);
    expect(prev.users).toEqual({ alice: { authentication: 'scram-sha-512', aclCount: 0 } });
    const tls = planReconcile(
      prev,
      resources(KAFKA_YAML(), CONTROLLERS, BROKERS(), user.replace('scram-sha-512', 'tls')),
      IDLE,
    );
    expect(types(tls.events)).toEqual(['UserUpdated']);
    expect(types(planReconcile(prev, resources(KAFKA_YAML(), CONTROLLERS, BROKERS()), IDLE).events)).toEqual([
      'UserDeleted',
    ]);
  });
});
