// metadata.max.age.ms (ProducerConfig, default 300000): a running producer partitions over the partition count
// it last fetched; after `kafka-topics.sh --alter --partitions` its keyed records keep hashing over the old count
// until its metadata is refreshed. A new producer fetches metadata on its first send and sees the new count.
import { describe, expect, it } from 'vitest';
import { consoleFor } from '@/kafka-cli';
import { partitionForKey, readModel, Simulation } from '@/simulator';

// A key whose partition differs between 3 and 6 partitions.
const key = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].find(
  (k) => partitionForKey(k, 3) !== partitionForKey(k, 6),
) as string;

function grown() {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  const s = consoleFor(sim);
  s.run('kafka-topics.sh --create --topic orders --partitions 3 --replication-factor 3');
  s.run('producer create old');
  s.run(`producer send old orders --key ${key} first`);
  s.run('producer flush old');
  expect(s.run('kafka-topics.sh --alter --topic orders --partitions 6').exitCode).toBe(0);
  return { sim, s };
}

describe('metadata.max.age.ms: a running producer learns about added partitions only at its next metadata refresh', () => {
  it('keyed records still hash over 3 partitions right after the topic grew to 6', () => {
    const { s } = grown();
    s.run(`producer send old orders --key ${key} second`);
    expect(s.run('producer flush old').stdout).toBe(`orders-${partitionForKey(key, 3)}@1`);
  });

  it('after 5 minutes the refresh finds 6 partitions and the same key goes elsewhere, with an event saying why', () => {
    const { sim, s } = grown();
    s.run('clock advance 5m');
    s.run(`producer send old orders --key ${key} third`);
    expect(s.run('producer flush old').stdout).toBe(`orders-${partitionForKey(key, 6)}@0`);
    const refresh = sim.events.find((e) => e.type === 'producerMetadataRefreshed');
    expect(refresh?.reason).toContain('metadata.max.age.ms=300000 passed');
    expect(refresh?.reason).toContain('finds 6 partitions of orders, not 3');
  });

  it('a producer created after the change sees 6 partitions at once; metadata.max.age.ms can be set', () => {
    const { sim, s } = grown();
    s.run('producer create fresh');
    s.run(`producer send fresh orders --key ${key} x`);
    expect(s.run('producer flush fresh').stdout).toBe(`orders-${partitionForKey(key, 6)}@0`);
    expect(s.run('producer create quick --producer-property metadata.max.age.ms=1000').exitCode).toBe(0);
    expect(readModel(sim).producer('quick')?.configs['metadata.max.age.ms']).toBe('1000');
  });

  it('an explicit partition the cache does not know forces a refresh (KafkaProducer#waitOnMetadata)', () => {
    const { s } = grown();
    s.run('producer send old orders --partition 5 y');
    expect(s.run('producer flush old').stdout).toBe('orders-5@0');
  });
});
