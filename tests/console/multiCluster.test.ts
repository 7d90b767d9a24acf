// Two clusters in one console: `cluster create|use|list`, --bootstrap-server naming the cluster by host, MM2
// between them, the failover drill, and a share link carrying both clusters.
import { describe, expect, it } from 'vitest';
import { SimController } from '@/components/sim-runtime/SimController';
import { complete, consoleFor, runConsoleLines } from '@/kafka-cli';
import { decodeShare, encodeShare } from '@/lib/share';
import { readModel, Simulation } from '@/simulator';

const TWO_REGIONS = [
  'cluster create west --first east',
  'kafka-topics.sh --bootstrap-server east:9092 --create --topic orders --partitions 1 --replication-factor 3',
  'kafka-console-producer.sh --bootstrap-server east:9092 --topic orders <<EOF',
  'o1',
  'o2',
  'o3',
  'EOF',
  'cat > mm2.properties <<EOF',
  'clusters = east, west',
  'east.bootstrap.servers = east:9092',
  'west.bootstrap.servers = west:9092',
  'east->west.enabled = true',
  'east->west.topics = orders',
  'EOF',
  'connect-mirror-maker.sh mm2.properties',
  'clock advance 1s',
];

const run = (lines: string[]) => {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  const r = runConsoleLines(sim, lines);
  return { sim, r, out: (prefix: string) => r.find((x) => x.line.startsWith(prefix)) };
};

describe('several clusters in the console', () => {
  it('kafka-topics.sh --bootstrap-server west:9092 --list shows east.orders and not orders; east keeps orders and the offset syncs', () => {
    const { out, r } = run([
      ...TWO_REGIONS,
      'kafka-topics.sh --bootstrap-server west:9092 --list',
      'kafka-topics.sh --bootstrap-server east:9092 --list',
      'kafka-topics.sh --list',
      'cluster list',
    ]);
    expect(out('connect-mirror-maker.sh')?.stdout).toBe(
      [
        'MirrorMaker 2 runs the flow east->west: from cluster east (east:9092) to cluster west (west:9092).',
        '  orders → east.orders',
        '  offset syncs: mm2-offset-syncs.west.internal on east, checkpoints: east.checkpoints.internal on west (every 60 s)',
        '  heartbeats: heartbeats on west',
      ].join('\n'),
    );
    const lists = r.filter((x) => x.line.endsWith('--list')).map((x) => x.stdout);
    expect(lists[0]).toBe('east.checkpoints.internal\neast.orders\nheartbeats');
    expect(lists[1]).toBe('mm2-offset-syncs.west.internal\norders');
    expect(lists[2]).toBe(lists[1]); // no --bootstrap-server: the cluster in use, east
    expect(out('cluster list')?.stdout).toMatch(/^\* east +east:9092 .*\n {2}west +west:9092 /);
  });

  it('cluster use west: lines without --bootstrap-server talk to west; kcat -b names a cluster too', () => {
    const { out } = run([
      ...TWO_REGIONS,
      'cluster use west',
      'kafka-console-consumer.sh --topic east.orders --from-beginning',
      'kcat -b east:9092 -C -t orders -e -q',
    ]);
    expect(out('kafka-console-consumer.sh')?.stdout).toBe('o1\no2\no3');
    expect(out('kcat')?.stdout).toBe('o1\no2\no3');
  });

  it("an unknown host gets the client's ConfigException; a single-cluster simulation ignores the host as before", () => {
    const { out } = run([...TWO_REGIONS, 'kafka-topics.sh --bootstrap-server north:9092 --list']);
    const bad = out('kafka-topics.sh --bootstrap-server north');
    expect(bad?.exitCode).toBe(1);
    expect(bad?.stderr).toContain(
      'org.apache.kafka.common.config.ConfigException: No resolvable bootstrap urls given in bootstrap.servers',
    );
    const single = run([
      'kafka-topics.sh --bootstrap-server north:9092 --create --topic a --partitions 1 --replication-factor 1',
    ]);
    expect(single.r[0].exitCode).toBe(0);
  });

  it('the failover drill: region east down, the translated offsets are committed in west, the group resumes there re-reading and skipping nothing', () => {
    const { out, sim, r } = run([
      ...TWO_REGIONS,
      'kafka-console-consumer.sh --bootstrap-server east:9092 --topic orders --group orders-app --from-beginning --max-messages 2',
      'clock advance 60s',
      'region down east',
      'kafka-console-producer.sh --bootstrap-server east:9092 --topic orders <<EOF',
      'lost',
      'EOF',
      'mirror translate --group orders-app --source east --execute',
      'kafka-console-consumer.sh --bootstrap-server west:9092 --topic east.orders --group orders-app',
    ]);
    // East's clients are refused: no broker of that cluster answers.
    const lost = r.filter((x) => x.line.startsWith('kafka-console-producer.sh')).at(-1);
    expect(lost?.stderr).toContain('TimeoutException: Topic orders not present in metadata after 60000 ms.');
    expect(out('mirror translate')?.stdout).toContain('Committed for group orders-app: east.orders-0=1.');
    expect(out('kafka-console-consumer.sh --bootstrap-server west')?.stdout).toBe('o2\no3');
    // The group in east is east's own: it still has its old offset on orders.
    expect(
      readModel(sim)
        .group('orders-app')
        ?.offsets.map((o) => [o.topic, o.offset]),
    ).toEqual([['orders', 2]]);
  });

  it('a share link carrying two clusters round-trips: same lines, same state', () => {
    const a = new SimController({ seed: 42, brokers: 3, setup: [] });
    for (const line of [
      'cluster create west --first east --brokers 2',
      'kafka-topics.sh --bootstrap-server west:9092 --create --topic w --partitions 2 --replication-factor 2',
      'kafka-topics.sh --bootstrap-server east:9092 --create --topic e --partitions 1 --replication-factor 3',
      'cluster use west',
      'producer create p',
      'producer send p w hello',
      'producer flush p',
    ])
      a.run(line);
    const link = encodeShare({ seed: 42, brokers: 3, preset: null, lines: [...a.log] });
    const decoded = decodeShare(link);
    if (!decoded.ok) throw new Error(decoded.message);
    const b = new SimController({ seed: 42, brokers: 3, setup: [], lines: decoded.payload.lines });
    expect(b.log).toEqual(a.log);
    expect(b.simulation.serialize()).toBe(a.simulation.serialize());
    expect(b.read().cluster('west')?.partition('w', 0)?.highWatermark ?? 0).toBeGreaterThanOrEqual(0);
    expect(
      b
        .read()
        .clusters()
        ?.map((c) => c.name),
    ).toEqual(['east', 'west']);
  });
});

describe('a lost region and its admin tools; MirrorSourceMetrics; completion of cluster names', () => {
  it('region down east: kafka-topics.sh and kafka-consumer-groups.sh --list against east time out as KafkaAdminClient does ("Timed out waiting for a node assignment"); west still answers', () => {
    const { out, r } = run([
      ...TWO_REGIONS,
      'region down east',
      'kafka-topics.sh --bootstrap-server east:9092 --list',
      'kafka-topics.sh --bootstrap-server east:9092 --create --topic x --partitions 1 --replication-factor 1',
      'kafka-consumer-groups.sh --bootstrap-server east:9092 --list',
      'kafka-topics.sh --bootstrap-server west:9092 --list',
      'region up east',
      'kafka-topics.sh --list',
    ]);
    const at = (line: string) => r.find((x) => x.line === line);
    const list = at('kafka-topics.sh --bootstrap-server east:9092 --list');
    expect(list?.exitCode).toBe(1);
    expect(list?.stderr).toBe(
      'Error while executing topic command : Timed out waiting for a node assignment. Call: listTopics',
    );
    expect(
      at(
        'kafka-topics.sh --bootstrap-server east:9092 --create --topic x --partitions 1 --replication-factor 1',
      )?.stderr,
    ).toContain('Call: createTopics');
    expect(out('kafka-consumer-groups.sh')?.stderr).toBe(
      '\nError: Executing consumer group command failed due to org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment. Call: findAllBrokers',
    );
    expect(at('kafka-topics.sh --bootstrap-server west:9092 --list')?.stdout).toContain('east.orders');
    // Back up: the first cluster answers again (and no topic x was created while it was down).
    expect(at('kafka-topics.sh --list')?.stdout).toBe('mm2-offset-syncs.west.internal\norders');
  });

  it('mirror metrics prints kafka.connect.mirror:type=MirrorSourceConnector beans with record-age-ms and replication-latency-ms (MirrorSourceMetrics)', () => {
    const { out } = run([...TWO_REGIONS, 'mirror metrics']);
    const text = out('mirror metrics')?.stdout ?? '';
    expect(text.split('\n')[0]).toBe(
      'kafka.connect.mirror:type=MirrorSourceConnector,target=west,topic=east.orders,partition=0',
    );
    expect(text).toContain('  record-count = 3.0');
    expect(text).toMatch(/ {2}record-age-ms = \d+\.\d+/);
    expect(text).toMatch(/ {2}replication-latency-ms-max = \d+\.\d+/);
  });

  it('Tab completes cluster names after --bootstrap-server, cluster use and region down', () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    runConsoleLines(sim, ['cluster create west --first east']);
    const session = consoleFor(sim);
    expect(complete(session, 'kafka-topics.sh --bootstrap-server w').candidates).toEqual(['west:9092']);
    expect(complete(session, 'kafka-topics.sh --bootstrap-server ').candidates).toEqual([
      'east:9092',
      'west:9092',
    ]);
    expect(complete(session, 'cluster use ').candidates).toEqual(['east', 'west']);
    expect(complete(session, 'region down e').candidates).toEqual(['east']);
  });
});
