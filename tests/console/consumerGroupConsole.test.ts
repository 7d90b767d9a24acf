// Console + consumer area together: group formation timing, client/member ids, the --members view,
// the explicit processing step, kcat's end-of-partition offset and DescribeGroups during a rebalance.
import { describe, expect, it } from 'vitest';
import { complete, consoleFor, runConsoleLines } from '@/kafka-cli';
import { Simulation } from '@/simulator';

function run(lines: string[]) {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  return { sim, results: runConsoleLines(sim, lines) };
}

const stateOf = (stdout: string) => stdout.trim().split('\n')[1].split(/\s+/)[4];

/** --members rows as { consumerId, partitions } (no GROUP-INSTANCE-ID column in these groups). */
function memberRows(stdout: string) {
  return stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(/\s+/))
    .map((c) => ({ consumerId: c[1], clientId: c[3], partitions: Number(c[4]) }));
}

const EAGER_PAIR = [
  'kafka-topics.sh --create --topic clicks --partitions 6 --replication-factor 3',
  'consumer create e1 --group eager --topics clicks --offset-reset earliest',
  'consumer create e2 --group eager --topics clicks --offset-reset earliest',
  'consumer poll e1',
];

describe('consumer groups through the console', () => {
  it('group.initial.rebalance.delay.ms: a second member joining during the delay extends it once more (InitialDelayedJoin), so a new group is still PreparingRebalance at 5 s and Stable at 6 s with 3 partitions each', () => {
    const { results } = run([
      ...EAGER_PAIR,
      'clock advance 5s',
      'consumer poll e1',
      'consumer poll e2',
      'kafka-consumer-groups.sh --describe --group eager --state',
      'clock advance 1s',
      'consumer poll e1',
      'consumer poll e2',
      'kafka-consumer-groups.sh --describe --group eager --state',
      'kafka-consumer-groups.sh --describe --group eager --members',
    ]);
    expect(results.every((r) => r.exitCode === 0)).toBe(true);
    const [at5s, at6s, members] = [results[7], results[11], results[12]];
    expect(stateOf(at5s.stdout)).toBe('PreparingRebalance');
    expect(at5s.stderr).toContain("Warning: Consumer group 'eager' is rebalancing.");
    expect(stateOf(at6s.stdout)).toBe('Stable');
    expect(at6s.stderr).toBe('');
    expect(memberRows(members.stdout).map((m) => m.partitions)).toEqual([3, 3]);
  });

  it('client.id is the console NAME and the classic member id is NAME-<java.util.UUID> (ClassicGroup#generateMemberId)', () => {
    const { results } = run([
      ...EAGER_PAIR,
      'clock advance 6s',
      'kafka-consumer-groups.sh --describe --group eager --members',
      'kafka-consumer-groups.sh --describe --group eager',
    ]);
    const [members, offsets] = results.slice(-2);
    const rows = memberRows(members.stdout);
    expect(rows.map((r) => r.clientId).sort()).toEqual(['e1', 'e2']);
    for (const r of rows) {
      expect(r.consumerId).toMatch(
        new RegExp(`^${r.clientId}-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`),
      );
    }
    const clientIds = offsets.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(/\s+/)[8]);
    expect(new Set(clientIds)).toEqual(new Set(['e1', 'e2']));
  });

  it('--members --verbose on Kafka 4.0 prints the KIP-1099 columns for a classic group: "-" epochs, CURRENT-ASSIGNMENT as topic:p,p;topic:p, TARGET-ASSIGNMENT "-" padded to 20 (ConsumerGroupCommand#printMembers)', () => {
    const { results } = run([
      'kafka-topics.sh --create --topic clicks --partitions 3 --replication-factor 3',
      'kafka-topics.sh --create --topic views --partitions 3 --replication-factor 3',
      'consumer create solo --group g --topics clicks,views',
      'clock advance 3s',
      'kafka-consumer-groups.sh --describe --group g --members --verbose',
      'kafka-consumer-groups.sh --describe --group g --members',
    ]);
    const [verbose, plain] = results.slice(-2);
    const [header, row] = verbose.stdout.split('\n').slice(1);
    const assignment = 'clicks:0,1,2;views:0,1,2';
    const id = row.split(/\s+/)[1];
    expect(header).toBe(
      `GROUP           CONSUMER-ID${' '.repeat(id.length - 10)}HOST            CLIENT-ID       #PARTITIONS     ` +
        `CURRENT-EPOCH   ${'CURRENT-ASSIGNMENT'.padEnd(assignment.length)} TARGET-EPOCH    ${'TARGET-ASSIGNMENT'.padEnd(20)}`,
    );
    expect(row).toBe(
      `g               ${id} ${'/10.0.0.2'.padEnd(15)} ${'solo'.padEnd(15)} ${'6'.padEnd(15)} ` +
        `${'-'.padEnd(15)} ${assignment} ${'-'.padEnd(15)} ${'-'.padEnd(20)}`,
    );
    // Without --verbose the "%-15s " format still leaves the trailing space after #PARTITIONS.
    expect(plain.stdout.split('\n')[1]).toMatch(/#PARTITIONS {5}$/);
  });

  it('consumer process is the application step: commitSync() commits the polled positions, so committing before processing and crashing loses the unprocessed records (at-most-once)', () => {
    const { sim, results } = run([
      'kafka-topics.sh --create --topic t --partitions 1 --replication-factor 3',
      'producer create p',
      'producer send p t a',
      'producer send p t b',
      'producer send p t c',
      'producer flush p',
      'consumer create c1 --group g --topics t --offset-reset earliest --auto-commit false',
      'clock advance 3s',
      'consumer poll c1',
      'consumer process c1 --count 1',
      'consumer commit c1',
      'consumer crash c1',
      'consumer create c2 --group g --topics t --offset-reset earliest --auto-commit false',
      'clock advance 1m',
      'consumer poll c2',
    ]);
    expect(results.map((r) => r.exitCode)).toEqual(results.map(() => 0));
    const [processed, committed] = results.slice(9, 11);
    expect(processed.stdout).toBe('processed t-0@0');
    expect(committed.stdout).toBe('Offsets committed (c1): t-0=3.');
    expect(results[results.length - 1].stdout).toBe('(no records)');
    // t-0@1 and t-0@2 were committed but never processed: lost
    expect(sim.state.areas.consumers.groups.g.processed['t-0']).toEqual([0]);
  });

  it('consumer process then crash before commit re-delivers the processed records to the next owner (at-least-once duplicates)', () => {
    const { sim, results } = run([
      'kafka-topics.sh --create --topic t --partitions 1 --replication-factor 3',
      'kafka-console-producer.sh --topic t <<EOF',
      'a',
      'b',
      'EOF',
      'consumer create c1 --group g --topics t --offset-reset earliest --auto-commit false',
      'clock advance 3s',
      'consumer poll c1',
      'consumer process c1',
      'consumer crash c1',
      'consumer create c2 --group g --topics t --offset-reset earliest --auto-commit false',
      'clock advance 1m',
      'consumer poll c2',
      'consumer process c2',
      'consumer process c2',
      'consumer process nobody',
      'consumer process c2 --count 0',
    ]);
    const tail = results.slice(-5);
    expect(tail[0].stdout).toBe('t-0@0 key=null value=a\nt-0@1 key=null value=b');
    expect(tail[1].stdout).toBe('processed t-0@0\nprocessed t-0@1');
    expect(tail[2].stdout).toBe('(nothing to process: poll first)');
    expect(tail[3].exitCode).not.toBe(0);
    expect(tail[4].stderr).toBe('consumer process: --count must be at least 1');
    expect(sim.state.areas.consumers.groups.g.processed['t-0']).toEqual([0, 1, 0, 1]);
  });

  it('DescribeGroups returns no member assignments while the group rebalances (describeNoMetadata): --members shows 0 partitions and --describe only committed partitions', () => {
    const { results } = run([
      ...EAGER_PAIR,
      'clock advance 6s',
      'consumer poll e1',
      'consumer commit e1',
      'consumer create e3 --group eager --topics clicks --offset-reset earliest',
      'kafka-consumer-groups.sh --describe --group eager --members',
      'kafka-consumer-groups.sh --describe --group eager',
    ]);
    const [members, offsets] = results.slice(-2);
    expect(members.stderr).toContain("Warning: Consumer group 'eager' is rebalancing.");
    expect(memberRows(members.stdout).map((m) => m.partitions)).toEqual([0, 0, 0]);
    const rows = offsets.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(/\s+/));
    expect(rows.length).toBe(3); // e1's three committed partitions, now without an owner
    expect(rows.every((c) => c[6] === '-' && c[7] === '-' && c[8] === '-')).toBe(true);
  });
});

describe('consumer process in help and completion', () => {
  it('is listed by help consumer and completed after "consumer pro"', () => {
    const sim = new Simulation({ brokers: 1, seed: 1 });
    const [help] = runConsoleLines(sim, ['help consumer']);
    expect(help.stdout).toContain('consumer process NAME [--count N]');
    expect(complete(consoleFor(sim), 'consumer pro').candidates).toEqual(['process']);
  });
});

describe('kcat -C -e', () => {
  it('reports the end offset (librdkafka PARTITION_EOF fetch position) after a partition that ends with a commit marker, matching kafka-get-offsets', () => {
    const { results } = run([
      'kafka-topics.sh --create --topic payments --partitions 1 --replication-factor 3',
      'producer create tx --transactional-id pay-1',
      'producer begin tx',
      'producer send tx payments one',
      'producer send tx payments two',
      'producer commit tx',
      'kafka-get-offsets.sh --topic payments',
      'kcat -b localhost:9092 -C -t payments -e',
      'kcat -b localhost:9092 -C -t payments -e -X isolation.level=read_committed',
    ]);
    const [offsets, uncommitted, committed] = results.slice(-3);
    const end = offsets.stdout.trim().split(':')[2];
    expect(Number(end)).toBe(3); // two records and the COMMIT marker
    expect(uncommitted.stdout).toBe('one\ntwo');
    expect(uncommitted.stderr).toBe(`% Reached end of topic payments [0] at offset ${end}: exiting`);
    expect(committed.stderr).toBe(`% Reached end of topic payments [0] at offset ${end}: exiting`);
  });
});
