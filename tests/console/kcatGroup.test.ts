// kcat -G: the balanced consumer group mode (kcat.c kafkaconsumer_run, librdkafka's KafkaConsumer). The expected
// lines are what Debian's kcat 1.7.1 (librdkafka 2.0.2) printed against this simulator's wire protocol for the same
// commands; the member id's uuid comes from the seeded RNG here.
import { describe, expect, it } from 'vitest';
import { consoleFor } from '@/kafka-cli';
import { readModel, Simulation } from '@/simulator';

function session() {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  const s = consoleFor(sim);
  s.run('kafka-topics.sh --bootstrap-server localhost:9092 --create --topic orders --partitions 3');
  // murmur2 as the Java producer: a→1, b→2, c→1, d→2, e→2 (partition 0 stays empty)
  s.runScript([
    'kafka-console-producer.sh --bootstrap-server localhost:9092 --topic orders --property parse.key=true --property key.separator=: <<EOF',
    'a:1',
    'b:2',
    'c:3',
    'd:4',
    'e:5',
    'EOF',
  ]);
  return { sim, s };
}

const MEMBER = /memberid rdkafka-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g;
const stderrShape = (stderr: string) => stderr.replace(MEMBER, 'memberid M');
/** The order of records across partitions follows fetch timing, in kcat as here; within a partition it is the log's. */
const lines = (stdout: string) => stdout.split('\n').filter(Boolean).sort();

describe('kcat -G (balanced consumer group mode)', () => {
  it('-o beginning -e: waits for the rebalance, prints every record, reports each partition end, exits and is revoked', () => {
    const { s } = session();
    const r = s.run("kcat -b localhost:9092 -G g1 -o beginning -e -f '%t:%p:%o:%k:%s\\n' orders");
    expect(r.exitCode).toBe(0);
    expect(lines(r.stdout)).toEqual([
      'orders:1:0:a:1',
      'orders:1:1:c:3',
      'orders:2:0:b:2',
      'orders:2:1:d:4',
      'orders:2:2:e:5',
    ]);
    expect(stderrShape(r.stderr)).toBe(
      [
        '% Waiting for group rebalance',
        '% Group g1 rebalanced (memberid M): assigned: orders [0], orders [1], orders [2]',
        '% Reached end of topic orders [0] at offset 0',
        '% Reached end of topic orders [1] at offset 2',
        '% Reached end of topic orders [2] at offset 3: exiting',
        '% Group g1 rebalanced (memberid M): revoked: orders [0], orders [1], orders [2]',
      ].join('\n'),
    );
  });

  it('librdkafka commits its offset store: the offset after each message it handed over, nothing for a partition it read nothing from', () => {
    const { sim, s } = session();
    s.run('kcat -b localhost:9092 -G g1 -o beginning -e orders');
    const group = readModel(sim).group('g1');
    expect(group?.state).toBe('Empty');
    const committed = Object.fromEntries(
      (group?.offsets ?? []).map((o) => [`${o.topic}-${o.partition}`, o.offset]),
    );
    expect(committed).toEqual({ 'orders-1': 2, 'orders-2': 3 });
    // An empty group's description lists the partitions it has offsets for: partition 0 is not among them.
    const d = s.run('kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group g1');
    expect(d.stdout).toMatch(/g1\s+orders\s+1\s+2\s+2\s+0/);
    expect(d.stdout).not.toMatch(/g1\s+orders\s+0\s/);
  });

  it('a second run resumes from the committed offsets (-o stored is the default) and reads nothing new', () => {
    const { s } = session();
    s.run('kcat -b localhost:9092 -G g1 -o beginning -e orders');
    const again = s.run('kcat -b localhost:9092 -G g1 -e orders');
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('% Reached end of topic orders [2] at offset 3: exiting');
  });

  it('a new group without -o starts at the end: auto.offset.reset defaults to largest in librdkafka', () => {
    const { s } = session();
    expect(s.run('kcat -b localhost:9092 -G fresh -e orders').stdout).toBe('');
    const earliest = s.run('kcat -b localhost:9092 -G other -X auto.offset.reset=earliest -e orders');
    expect(earliest.stdout.split('\n').filter(Boolean)).toHaveLength(5);
  });

  it('-o -1 is RD_KAFKA_OFFSET_TAIL(1): the last record of each assigned partition; -o 1 seeks to offset 1', () => {
    const { s } = session();
    expect(lines(s.run('kcat -b localhost:9092 -G t1 -o -1 -e orders').stdout)).toEqual(['3', '5']);
    expect(lines(s.run('kcat -b localhost:9092 -G t2 -o 1 -e orders').stdout)).toEqual(['3', '4', '5']);
  });

  it('-c 2 stops after two messages without the end-of-partition lines and commits just those', () => {
    const { sim, s } = session();
    const r = s.run("kcat -b localhost:9092 -G c -o beginning -c 2 -f '%p:%o\\n' orders");
    const read = lines(r.stdout).map((l) => l.split(':').map(Number));
    expect(read).toHaveLength(2);
    expect(r.stderr).not.toContain('Reached end');
    // Committed: one past the last message read in each partition it read from.
    const expected = new Map<number, number>();
    for (const [p, o] of read) expected.set(p, Math.max(expected.get(p) ?? 0, o + 1));
    const offsets = readModel(sim).group('c')?.offsets ?? [];
    expect(new Map(offsets.map((o) => [o.partition, o.offset]))).toEqual(expected);
  });

  it('-q prints the records only', () => {
    const { s } = session();
    const r = s.run('kcat -b localhost:9092 -G q -q -o beginning -e orders');
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(5);
  });

  it('refuses what kcat refuses: no topic, a missing topic, a timestamp offset', () => {
    const { s } = session();
    expect(s.run('kcat -b localhost:9092 -G g -e').stderr).toBe(
      '% ERROR: Failed to subscribe to 0 topics: Local: Invalid argument or configuration',
    );
    const missing = s.run('kcat -b localhost:9092 -G g -e nosuch');
    expect(missing.exitCode).not.toBe(0);
    expect(missing.stderr).toBe(
      '% Waiting for group rebalance\n% ERROR: Topic nosuch [0] error: Subscribed topic not available: nosuch: Broker: Unknown topic or partition',
    );
    expect(s.run('kcat -b localhost:9092 -G g -o s@0 -e orders').stderr).toContain(
      "-o ..@ timestamps can't be used with -G mode",
    );
  });

  it('joins a group the simulated consumers are in and gets its range share', () => {
    const { sim, s } = session();
    s.run('consumer create app-1 --group shared --topics orders --assignor range');
    s.run('clock advance 5s');
    const r = s.run('kcat -b localhost:9092 -G shared -o beginning -e orders');
    const assigned = /assigned: (.*)/.exec(r.stderr)?.[1] ?? '';
    expect(assigned.split(', ').length).toBeGreaterThan(0);
    expect(assigned.split(', ').length).toBeLessThan(3);
    expect(readModel(sim).consumer('app-1')?.status).toBe('running');
  });

  it('-C -o stored has no group to take offsets from: the simple consumer refuses to start', () => {
    const { s } = session();
    expect(s.run('kcat -b localhost:9092 -C -t orders -o stored -e').stderr).toBe(
      '% ERROR: Failed to start consuming topic orders [0]: Local: Invalid argument or configuration',
    );
  });
});
