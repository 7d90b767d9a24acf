// MirrorSourceConnector's periodic work between east and west: refreshTopicPartitions (topics created after the
// start), syncTopicConfigs (config changes reach the remote topic at the next sync), and MirrorSourceMetrics'
// record-age-ms / replication-latency-ms.
import { describe, expect, it } from 'vitest';
import { readModel } from '../index';
import { eventsOf } from '../testing/sim.testkit';
import { parseMm2Config } from './mm2Config';
import { advance, eastToWest, must, produce, twoRegions, values } from './twoRegions.testkit';

const westTopics = (s: ReturnType<typeof twoRegions>) =>
  (readModel(s).cluster('west')?.topics() ?? []).map((t) => t.name);

function ledger(s: ReturnType<typeof twoRegions>, n: number): void {
  must(s, { type: 'createTopic', topic: 'ledger', partitions: 1, replicationFactor: 3 });
  must(s, {
    type: 'producerSendMany',
    producer: 'app',
    topic: 'ledger',
    records: Array.from({ length: n }, (_, i) => ({ value: `entry ${i}`, partition: 0 })),
  });
  must(s, { type: 'producerFlush', producer: 'app' });
}

describe('MirrorMaker 2: refresh.topics, sync.topic.configs, replication latency (MirrorSourceConnector)', () => {
  it('refresh.topics.interval.seconds = 600: a topic created after the start is mirrored only at the next refresh, from its log start (MirrorSourceConnector#refreshTopicPartitions)', () => {
    const s = twoRegions();
    produce(s, 2);
    must(s, { type: 'mirrorStart', spec: { ...eastToWest(), topics: '.*' } });
    ledger(s, 3);
    advance(s, 599_000);
    expect(westTopics(s)).not.toContain('east.ledger');
    advance(s, 2_000);
    expect(westTopics(s)).toContain('east.ledger');
    expect(eventsOf(s, 'mirrorTopicsRefreshed').at(-1)?.topics).toEqual(['ledger']);
    advance(s, 1_000);
    expect(values(s, 'west', 'east.ledger')).toEqual(['entry 0', 'entry 1', 'entry 2']);
  });

  it('refresh.topics.interval.seconds and refresh.topics.enabled = false are read from mm2.properties', () => {
    const parse = (extra: string) => {
      const r = parseMm2Config(`clusters = east, west\neast->west.enabled = true\n${extra}`);
      if (!r.ok) throw new Error(r.errors.join('; '));
      return r.spec;
    };
    expect(parse('').refreshTopicsMs).toBe(600_000);
    expect(parse('refresh.topics.interval.seconds = 30').refreshTopicsMs).toBe(30_000);
    expect(parse('refresh.topics.enabled = false').refreshTopicsMs).toBeNull();
    expect(parse('').syncTopicConfigsMs).toBe(600_000);
    expect(parse('sync.topic.configs.enabled = false').syncTopicConfigsMs).toBeNull();
    const s = twoRegions();
    produce(s, 1);
    must(s, { type: 'mirrorStart', spec: { ...parse('topics = .*\nrefresh.topics.enabled = false') } });
    ledger(s, 1);
    advance(s, 3_600_000);
    expect(westTopics(s)).not.toContain('east.ledger');
  });

  it('sync.topic.configs: a retention change on east reaches east.orders on west at the next sync, min.insync.replicas never (DefaultConfigPropertyFilter)', () => {
    const s = twoRegions();
    produce(s, 1);
    must(s, { type: 'mirrorStart', spec: eastToWest('sync.topic.configs.interval.seconds = 60') });
    must(s, {
      type: 'alterTopicConfigs',
      topic: 'orders',
      set: { 'retention.ms': '3600000', 'min.insync.replicas': '2' },
    });
    const west = () => readModel(s).cluster('west');
    expect(west()?.topicConfig('east.orders', 'retention.ms')).not.toBe('3600000');
    advance(s, 61_000);
    expect(west()?.topicConfig('east.orders', 'retention.ms')).toBe('3600000');
    expect(west()?.topicConfig('east.orders', 'min.insync.replicas')).not.toBe('2');
    expect(eventsOf(s, 'mirrorTopicConfigsSynced').at(-1)?.configs).toEqual(['retention.ms']);
  });

  it('record-age-ms and replication-latency-ms: the time from a record’s timestamp to its copy (MirrorSourceMetrics)', () => {
    const s = twoRegions();
    must(s, { type: 'createTopic', topic: 'orders', partitions: 1, replicationFactor: 3 });
    must(s, { type: 'mirrorStart', spec: eastToWest() });
    const flow = () => readModel(s).production().mirror.flows[0];
    expect(flow().partitions.every((p) => p.metrics === null)).toBe(true);
    produce(s, 4);
    advance(s, 2_000);
    const m = flow().partitions[0].metrics;
    expect(m?.recordCount).toBe(4);
    // The source task polls 500 ms after the high watermark moves: each record is about that old when copied.
    expect(m?.recordAgeMs).toBeGreaterThanOrEqual(500);
    expect(m?.recordAgeMsMax).toBeGreaterThanOrEqual(m?.recordAgeMsAvg ?? Infinity);
    expect(m?.replicationLatencyMs).toBe(m?.recordAgeMs);
  });
});
