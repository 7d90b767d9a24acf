// The read model against the real simulator: one shape per thing, Kafka's rules in one place.
import { describe, expect, it } from 'vitest';
import { type Command, Simulation } from '../index';
import { readModel } from './index';

function sim(init: ConstructorParameters<typeof Simulation>[0] = {}): Simulation {
  return new Simulation({ seed: 42, brokers: 3, ...init });
}

function must(s: Simulation, ...commands: Command[]): void {
  for (const c of commands) {
    const r = s.dispatch(c);
    if (!r.ok) throw new Error(`${c.type}: ${r.error.code}: ${r.error.message}`);
  }
}

describe('read model', () => {
  it('is built once per Simulation version and never changes the state', () => {
    const s = sim();
    must(s, { type: 'createTopic', topic: 'orders', partitions: 2, replicationFactor: 3 });
    const before = s.serialize();
    const a = readModel(s);
    expect(readModel(s)).toBe(a);
    expect(a.topics()).toBe(a.topics());
    a.groups();
    a.partitionLog('orders', 0);
    a.effectiveTopicConfig('orders');
    expect(s.serialize()).toBe(before);
    must(s, { type: 'advanceClock', ms: 1 });
    expect(readModel(s)).not.toBe(a);
  });

  it('a partition: leader, ISR membership, the replica on a stopped broker, HW and LEO per replica', () => {
    const s = sim();
    must(
      s,
      { type: 'createTopic', topic: 'orders', partitions: 1, replicationFactor: 3 },
      { type: 'producerCreate', name: 'p1' },
      { type: 'producerSend', producer: 'p1', topic: 'orders', key: 'k', value: 'v' },
      { type: 'producerFlush', producer: 'p1' },
    );
    const p = readModel(s).partition('orders', 0);
    expect(p).not.toBeNull();
    if (!p) return;
    expect(p.highWatermark).toBe(1);
    expect(p.replicaStates.every((r) => r.inIsr && !r.brokerDown && r.logEndOffset === 1)).toBe(true);
    expect(p.replicaStates.find((r) => r.leader)?.highWatermark).toBe(1);
    const follower = p.replicas.find((id) => id !== p.leader) as number;
    must(s, { type: 'brokerStop', id: follower });
    const after = readModel(s).partition('orders', 0);
    expect(after?.replicaStates.find((r) => r.broker === follower)?.brokerDown).toBe(true);
  });

  it('last stable offset: an open transaction holds it at its first offset; read_committed reads stop there (KIP-98)', () => {
    const s = sim();
    must(
      s,
      { type: 'createTopic', topic: 'pay', partitions: 1, replicationFactor: 3 },
      { type: 'producerCreate', name: 'plain' },
      { type: 'producerSend', producer: 'plain', topic: 'pay', value: 'a' },
      { type: 'producerFlush', producer: 'plain' },
      { type: 'producerCreate', name: 'tx', configs: { 'transactional.id': 'pay-tx' } },
      { type: 'producerBeginTransaction', producer: 'tx' },
      { type: 'producerSend', producer: 'tx', topic: 'pay', value: 'b' },
      { type: 'producerFlush', producer: 'tx' },
    );
    const read = readModel(s);
    const p = read.partition('pay', 0);
    expect(p?.highWatermark).toBe(2);
    expect(p?.lastStableOffset).toBe(1);
    expect(read.records('pay', 0, 0, 10, 'read_uncommitted').map((r) => r.value)).toEqual(['a', 'b']);
    expect(read.records('pay', 0, 0, 10, 'read_committed').map((r) => r.value)).toEqual(['a']);
  });

  it('a producer inside a transaction reads "open" from the transactions area, "ready" after commit', () => {
    const s = sim();
    must(
      s,
      { type: 'createTopic', topic: 'pay', partitions: 1, replicationFactor: 3 },
      { type: 'producerCreate', name: 'tx', configs: { 'transactional.id': 'pay-tx' } },
    );
    expect(readModel(s).producer('tx')?.transaction).toBe('ready');
    must(
      s,
      { type: 'producerBeginTransaction', producer: 'tx' },
      { type: 'producerSend', producer: 'tx', topic: 'pay', value: 'v1' },
    );
    expect(readModel(s).producer('tx')?.transaction).toBe('open');
    must(s, { type: 'producerCommitTransaction', producer: 'tx' });
    expect(readModel(s).producer('tx')?.transaction).toBe('ready');
    must(s, { type: 'producerCreate', name: 'plain' });
    expect(readModel(s).producer('plain')?.transaction).toBe('none');
  });

  it('group lag: HW − committed per partition, and none at all for a partition never committed (ConsumerGroupCommand)', () => {
    const s = sim();
    must(
      s,
      { type: 'createTopic', topic: 'orders', partitions: 2, replicationFactor: 3 },
      { type: 'producerCreate', name: 'p1' },
      { type: 'producerSend', producer: 'p1', topic: 'orders', value: 'a', partition: 0 },
      { type: 'producerSend', producer: 'p1', topic: 'orders', value: 'b', partition: 0 },
      { type: 'producerSend', producer: 'p1', topic: 'orders', value: 'c', partition: 1 },
      { type: 'producerFlush', producer: 'p1' },
      {
        type: 'consumerCreate',
        name: 'c1',
        config: { groupId: 'g', topics: ['orders'], enableAutoCommit: false, autoOffsetReset: 'earliest' },
      },
      { type: 'advanceClock', ms: 5000 },
    );
    const g = readModel(s).group('g');
    expect(g?.partitions.map((p) => [p.partition, p.committed, p.logEndOffset, p.lag])).toEqual([
      [0, null, 2, null],
      [1, null, 1, null],
    ]);
    must(
      s,
      { type: 'consumerClose', name: 'c1' },
      { type: 'groupCommitOffsets', groupId: 'g', offsets: [{ topic: 'orders', partition: 0, offset: 1 }] },
    );
    // An Empty group subscribes to nothing: only its committed partition is left to describe.
    expect(
      readModel(s)
        .group('g')
        ?.partitions.map((p) => [p.partition, p.committed, p.lag]),
    ).toEqual([[0, 1, 1]]);
  });

  it('topic configs: value and source from the one table; retention.ms names log.retention.hours=168 as its default (ServerTopicConfigSynonyms)', () => {
    const s = sim({ brokerConfig: { 'log.retention.ms': '3600000' } });
    must(s, {
      type: 'createTopic',
      topic: 'orders',
      partitions: 1,
      replicationFactor: 1,
      configs: { 'cleanup.policy': 'compact' },
    });
    const configs = readModel(s).effectiveTopicConfig('orders') ?? [];
    const byName = new Map(configs.map((c) => [c.name, c]));
    expect(byName.get('cleanup.policy')).toEqual({
      name: 'cleanup.policy',
      value: 'compact',
      source: 'DYNAMIC_TOPIC_CONFIG',
      synonyms: [
        { name: 'cleanup.policy', value: 'compact', source: 'DYNAMIC_TOPIC_CONFIG' },
        { name: 'log.cleanup.policy', value: 'delete', source: 'DEFAULT_CONFIG' },
      ],
    });
    expect(byName.get('retention.ms')).toEqual({
      name: 'retention.ms',
      value: '3600000',
      source: 'STATIC_BROKER_CONFIG',
      synonyms: [
        { name: 'log.retention.ms', value: '3600000', source: 'STATIC_BROKER_CONFIG' },
        { name: 'log.retention.hours', value: '168', source: 'DEFAULT_CONFIG' },
      ],
    });
    expect(byName.get('delete.retention.ms')?.value).toBe('86400000');
    expect(readModel(s).topicConfig('orders', 'min.insync.replicas')).toBe('1');
    expect(readModel(s).effectiveTopicConfig('nope')).toBeNull();
  });

  it('scratch files and sim reset live in the simulation: replaying the command log rebuilds them', () => {
    const s = sim();
    must(
      s,
      { type: 'createTopic', topic: 'orders', partitions: 1, replicationFactor: 3 },
      { type: 'workspaceWriteFile', path: './plan.json', text: '{"version":1}' },
      { type: 'simReset', brokers: 1, seed: 7 },
    );
    const read = readModel(s);
    expect(read.file('plan.json')).toBe('{"version":1}');
    expect(read.topics()).toEqual([]);
    expect(read.brokers().map((b) => b.id)).toEqual([1]);
    expect(read.now()).toBe(0);
    expect(s.state.seed).toBe(7);
    const seqs = s.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(Simulation.replay(s.init, s.log).serialize()).toBe(s.serialize());
  });
});
