import { describe, expect, it } from 'vitest';
import { advance, must, part, sim } from '../testing/sim.testkit';
import { assignReplicas } from './replicaPlacement';
import { topicConfig, validateTopicConfig } from './topicConfig';

describe('topic creation (CreateTopics / kafka-topics.sh --create)', () => {
  it('places replicas round-robin: every broker leads one of 3 partitions and holds each partition once', () => {
    const s = sim();
    const r = must(s, { type: 'createTopic', topic: 'orders', partitions: 3, replicationFactor: 3 });
    if (!r.ok) throw new Error();
    const leaders = r.data.assignment.map((a) => a[0]).sort();
    expect(leaders).toEqual([1, 2, 3]);
    for (const a of r.data.assignment) expect(new Set(a).size).toBe(3);
  });

  it('rack-unaware assignment shifts followers after every n partitions (AdminUtils#assignReplicasToBrokersRackUnaware)', () => {
    expect(assignReplicas([1, 2, 3, 4], 8, 2, 0, 0)).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 1],
      [1, 3],
      [2, 4],
      [3, 1],
      [4, 2],
    ]);
  });

  it('the new partition is led by its preferred replica with the full ISR and leader epoch 0', () => {
    const s = sim();
    must(s, { type: 'createTopic', topic: 'orders', partitions: 2, replicationFactor: 3 });
    const p = part(s, 'orders', 1);
    expect(p.leader).toBe(p.replicas[0]);
    expect(p.isr).toEqual(p.replicas);
    expect(p.leaderEpoch).toBe(0);
  });

  it('rejects a replication factor larger than the registered brokers with the KRaft controller message (ReplicationControlManager + StripedReplicaPlacer)', () => {
    const r = sim().dispatch({ type: 'createTopic', topic: 'x', partitions: 1, replicationFactor: 4 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_REPLICATION_FACTOR');
      expect(r.error.message).toBe(
        'Unable to replicate the partition 4 time(s): The target replication factor of 4 cannot be reached because only 3 broker(s) are registered.',
      );
    }
  });

  it("refuses a topic whose name collides with an existing one once '.' and '_' are unified (Topic#hasCollisionChars)", () => {
    const s = sim();
    must(s, { type: 'createTopic', topic: 'shop.orders' });
    const r = s.dispatch({ type: 'createTopic', topic: 'shop_orders' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_TOPIC_EXCEPTION');
      expect(r.error.message).toBe("Topic 'shop_orders' collides with existing topic: shop.orders");
    }
  });

  it("rejects a duplicate topic: Topic 'x' already exists.", () => {
    const s = sim();
    must(s, { type: 'createTopic', topic: 'x' });
    const r = s.dispatch({ type: 'createTopic', topic: 'x' });
    expect(r.ok ? null : r.error).toEqual({
      code: 'TOPIC_ALREADY_EXISTS',
      message: "Topic 'x' already exists.",
    });
  });

  it('validates topic names (Topic#validate: [a-zA-Z0-9._-], ≤ 249 chars, not . or ..)', () => {
    const s = sim();
    for (const bad of ['', '.', '..', 'a b', 'x'.repeat(250), 'ünï']) {
      const r = s.dispatch({ type: 'createTopic', topic: bad });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('INVALID_TOPIC_EXCEPTION');
    }
  });

  it('uses broker defaults num.partitions=1 and default.replication.factor=1', () => {
    const s = sim();
    must(s, { type: 'createTopic', topic: 'd' });
    expect(s.state.topics.d.partitions).toHaveLength(1);
    expect(part(s, 'd').replicas).toHaveLength(1);
  });

  it('a failed command leaves the state untouched', () => {
    const s = sim();
    const before = s.serialize();
    s.dispatch({
      type: 'createTopic',
      topic: 'x',
      partitions: 3,
      replicationFactor: 3,
      configs: { 'retention.ms': 'soon' },
    });
    expect(s.serialize()).toBe(before);
  });
});

describe('topic configs (TopicConfig / LogConfig names and defaults)', () => {
  it('defaults: min.insync.replicas=1, unclean.leader.election.enable=false, retention.ms=604800000, cleanup.policy=delete, segment.bytes=1073741824', () => {
    const s = sim();
    must(s, { type: 'createTopic', topic: 't' });
    expect(topicConfig(s.state, 't', 'min.insync.replicas')).toBe('1');
    expect(topicConfig(s.state, 't', 'unclean.leader.election.enable')).toBe('false');
    expect(topicConfig(s.state, 't', 'retention.ms')).toBe('604800000');
    expect(topicConfig(s.state, 't', 'cleanup.policy')).toBe('delete');
    expect(topicConfig(s.state, 't', 'segment.bytes')).toBe('1073741824');
  });

  it('unknown config names and bad values are rejected with Kafka-like messages', () => {
    expect(validateTopicConfig('retention.mss', '1')).toBe('Unknown topic config name: retention.mss');
    expect(validateTopicConfig('retention.ms', 'abc')).toBe(
      'Invalid value abc for configuration retention.ms: Not a number of type LONG',
    );
    expect(validateTopicConfig('min.insync.replicas', '0')).toBe(
      'Invalid value 0 for configuration min.insync.replicas: Value must be at least 1',
    );
    expect(validateTopicConfig('unclean.leader.election.enable', 'yes')).toBe(
      'Invalid value yes for configuration unclean.leader.election.enable: Expected value to be either true or false',
    );
    expect(validateTopicConfig('cleanup.policy', 'compact,delete')).toBeNull();
    expect(validateTopicConfig('cleanup.policy', 'forever')).toContain(
      'String must be one of: compact, delete',
    );
  });

  it('alterTopicConfigs sets and deletes overrides and writes ConfigRecords to the metadata log', () => {
    const s = sim();
    must(s, { type: 'createTopic', topic: 't' });
    must(s, { type: 'alterTopicConfigs', topic: 't', set: { 'retention.ms': '1000' } });
    expect(s.state.topics.t.configs).toEqual({ 'retention.ms': '1000' });
    must(s, { type: 'alterTopicConfigs', topic: 't', delete: ['retention.ms'] });
    expect(s.state.topics.t.configs).toEqual({});
    expect(s.state.quorum.log.filter((r) => r.type === 'ConfigRecord')).toHaveLength(2);
  });

  it('createPartitions only grows a topic (INVALID_PARTITIONS otherwise)', () => {
    const s = sim();
    must(s, { type: 'createTopic', topic: 't', partitions: 3, replicationFactor: 2 });
    const r = s.dispatch({ type: 'createPartitions', topic: 't', totalCount: 2 });
    expect(r.ok ? '' : r.error.message).toBe(
      'Topic currently has 3 partitions, which is higher than the requested 2.',
    );
    must(s, { type: 'createPartitions', topic: 't', totalCount: 5 });
    advance(s, 10);
    expect(s.state.topics.t.partitions.map((p) => p.replicas.length)).toEqual([2, 2, 2, 2, 2]);
  });
});
