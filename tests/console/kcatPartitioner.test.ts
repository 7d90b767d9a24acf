// kcat produces with librdkafka's partitioner, not the Java client's: consistent_random (CRC32 of the key) by
// default, murmur2_random with -X partitioner=murmur2_random (librdkafka CONFIGURATION.md, `partitioner`).
import { describe, expect, it } from 'vitest';
import { consoleFor, runConsoleLines } from '@/kafka-cli';
import { readModel, Simulation } from '@/simulator';

function partitionOf(sim: Simulation, topic: string, key: string): number[] {
  const t = readModel(sim).topic(topic);
  if (!t) throw new Error(`no topic ${topic}`);
  return t.partitions
    .filter((p) =>
      readModel(sim)
        .records(topic, p.partition, 0, 100, 'read_uncommitted')
        .some((r) => r.key === key),
    )
    .map((p) => p.partition);
}

describe("kcat's partitioner is librdkafka's", () => {
  const setup = (sim: Simulation) =>
    runConsoleLines(sim, ['kafka-topics.sh --create --topic users --partitions 3 --replication-factor 3']);

  it('by default user-2 goes to partition 1 (CRC32), where the Java producer puts it in partition 2 (murmur2)', () => {
    const sim = new Simulation({ seed: 42, brokers: 3 });
    setup(sim);
    runConsoleLines(sim, ['kcat -b localhost:9092 -P -t users -K : <<EOF', 'user-2:from-kcat', 'EOF']);
    runConsoleLines(sim, [
      'kafka-console-producer.sh --bootstrap-server localhost:9092 --topic users --property parse.key=true --property key.separator=: <<EOF',
      'user-2:from-java',
      'EOF',
    ]);
    const read = readModel(sim);
    const where = (value: string) =>
      [0, 1, 2].filter((p) =>
        read.records('users', p, 0, 100, 'read_uncommitted').some((r) => r.value === value),
      );
    expect(where('from-kcat')).toEqual([1]);
    expect(where('from-java')).toEqual([2]);
  });

  it('-X partitioner=murmur2_random routes keys as the Java client does', () => {
    const sim = new Simulation({ seed: 42, brokers: 3 });
    setup(sim);
    runConsoleLines(sim, [
      'kcat -b localhost:9092 -P -t users -K : -X partitioner=murmur2_random <<EOF',
      'user-2:v',
      'EOF',
    ]);
    expect(partitionOf(sim, 'users', 'user-2')).toEqual([2]);
  });

  it('an unknown partitioner is refused and nothing is produced', () => {
    const sim = new Simulation({ seed: 42, brokers: 3 });
    setup(sim);
    const [r] = runConsoleLines(sim, [
      'kcat -b localhost:9092 -P -t users -K : -X partitioner=crc64 <<EOF',
      'user-2:v',
      'EOF',
    ]);
    expect(r.stderr).toContain('Invalid value "crc64" for configuration property "partitioner"');
    expect(partitionOf(sim, 'users', 'user-2')).toEqual([]);
  });
});

describe('kcat consumes with librdkafka defaults', () => {
  it('isolation.level=read_committed by default (librdkafka ≥ 1.2.0): an open transaction is not shown until it commits', () => {
    const s = consoleFor(new Simulation({ brokers: 3, seed: 42 }));
    for (const l of [
      'kafka-topics.sh --create --topic payments --partitions 1 --replication-factor 3',
      'producer create tx --transactional-id pay-tx',
      'producer begin tx',
      'producer send tx payments --key a open-1',
      'clock advance 1s',
    ])
      s.run(l);
    expect(s.run('kcat -b localhost:9092 -C -t payments -e').stdout).not.toContain('open-1');
    expect(
      s.run('kcat -b localhost:9092 -C -t payments -e -X isolation.level=read_uncommitted').stdout,
    ).toContain('open-1');
    s.run('producer commit tx');
    s.run('clock advance 1s');
    expect(s.run('kcat -b localhost:9092 -C -t payments -e').stdout).toContain('open-1');
  });
});
