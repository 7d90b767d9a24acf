// Kafka tool behaviour against the real simulator (3 brokers, seed 42): argument checks with the tools' own
// wording and the exact output shapes (TopicCommand, ConfigCommand, ConsumerGroupCommand, ConsoleConsumer, kcat).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complete, consoleFor } from '@/kafka-cli';
import { readModel, Simulation } from '@/simulator';

function session() {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  return { sim, s: consoleFor(sim) };
}

describe('kafka-topics.sh (TopicCommand)', () => {
  it('creates, lists and describes with tab-separated fields, Elr/LastKnownElr included (3.8+)', () => {
    const { s, sim } = session();
    expect(
      s.run(
        'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic orders --partitions 2 --replication-factor 2',
      ),
    ).toEqual({
      stdout: 'Created topic orders.',
      stderr: '',
      exitCode: 0,
    });
    expect(s.run('kafka-topics --list').stdout).toBe('orders');
    const t = readModel(sim).topic('orders');
    const line = (p: number) => {
      const v = t?.partitions[p];
      return `\tTopic: orders\tPartition: ${p}\tLeader: ${v?.leader}\tReplicas: ${v?.replicas.join(',')}\tIsr: ${v?.isr.join(',')}\tElr: \tLastKnownElr: `;
    };
    expect(t?.topicId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(s.run('bin/kafka-topics.sh --describe --topic orders').stdout).toBe(
      `Topic: orders\tTopicId: ${t?.topicId}\tPartitionCount: 2\tReplicationFactor: 2\tConfigs: \n${line(0)}\n${line(1)}`,
    );
    expect(t?.partitions.map((p) => p.replicas.length)).toEqual([2, 2]);
  });
  it("reports TopicExistsException as `Topic 'x' already exists.`", () => {
    const { s } = session();
    s.run('kafka-topics --create --topic a');
    const r = s.run('kafka-topics --create --topic a');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe("Error while executing topic command : Topic 'a' already exists.");
    expect(s.run('kafka-topics --create --topic a --if-not-exists').exitCode).toBe(0);
  });
  it('passes the broker error for RF above the broker count', () => {
    const { s } = session();
    expect(s.run('kafka-topics --create --topic a --replication-factor 4').stderr).toBe(
      'Error while executing topic command : Unable to replicate the partition 4 time(s): The target replication factor of 4 cannot be reached because only 3 broker(s) are registered.',
    );
  });
  it('uses CommandLineUtils wording for missing and conflicting options', () => {
    const { s } = session();
    expect(s.run('kafka-topics --create --partitions 3').stderr).toBe('Missing required argument "[topic]"');
    expect(s.run('kafka-topics --list --create').stderr).toBe(
      'Command must include exactly one action: --list, --describe, --create, --alter or --delete',
    );
    expect(s.run('kafka-topics --describe --partitions 3').stderr).toBe(
      'Option "[partitions]" can\'t be used with option "[describe]"',
    );
    expect(s.run('kafka-topics --alter --topic t').stderr).toBe('Missing required argument "[partitions]"');
    expect(s.run('kafka-topics --create --topic t --partitions x').stderr).toBe(
      "Error while executing topic command : Cannot parse argument 'x' of option partitions",
    );
    expect(s.run('kafka-topics --zookeeper localhost:2181 --list').stderr).toBe(
      'Error while executing topic command : zookeeper is not a recognized option',
    );
    expect(s.run('kafka-topics --describe --topic nope').stderr).toBe(
      "Topic 'nope' does not exist as expected",
    );
    expect(s.run('kafka-topics --create --topic t --partitions 0').stderr).toBe(
      'The partitions must be greater than 0',
    );
  });
  it('warns about "." and "_" in topic names (Topic.hasCollisionChars)', () => {
    const { s } = session();
    expect(
      s
        .run('kafka-topics --create --topic a.b')
        .stdout.startsWith('WARNING: Due to limitations in metric names'),
    ).toBe(true);
  });
  it('treats --topic as a regular expression for --list/--describe (IncludeList)', () => {
    const { s } = session();
    for (const t of ['orders', 'orders-dlq', 'payments']) s.run(`kafka-topics --create --topic ${t}`);
    expect(s.run("kafka-topics --list --topic 'orders.*'").stdout).toBe('orders\norders-dlq');
  });
  it('alters partitions and reports InvalidPartitionsException', () => {
    const { s } = session();
    s.run('kafka-topics --create --topic t --partitions 3');
    expect(s.run('kafka-topics --alter --topic t --partitions 2').stderr).toBe(
      'Error while executing topic command : Topic currently has 3 partitions, which is higher than the requested 2.',
    );
    expect(s.run('kafka-topics --alter --topic t --partitions 4').exitCode).toBe(0);
  });
});

describe('kafka-configs.sh (ConfigCommand)', () => {
  it('alters and describes topic configs with synonyms', () => {
    const { s } = session();
    s.run('kafka-topics --create --topic t');
    expect(
      s.run(
        'kafka-configs --entity-type topics --entity-name t --alter --add-config retention.ms=1000,cleanup.policy=[compact,delete]',
      ).stdout,
    ).toBe('Completed updating config for topic t.');
    expect(s.run('kafka-configs --entity-type topics --entity-name t --describe').stdout).toBe(
      'Dynamic configs for topic t are:\n' +
        '  cleanup.policy=compact,delete sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:cleanup.policy=compact,delete, DEFAULT_CONFIG:log.cleanup.policy=delete}\n' +
        '  retention.ms=1000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=1000, DEFAULT_CONFIG:log.retention.hours=168}',
    );
  });
  it('requires an alteration with --alter', () => {
    const { s } = session();
    expect(s.run('kafka-configs --entity-type topics --entity-name t --alter').stderr).toBe(
      'At least one of --add-config, --add-config-file, or --delete-config must be specified with --alter',
    );
  });
});

describe('console producer and consumer', () => {
  it('parse.key splits on key.separator and the consumer prints key, partition, offset (DefaultMessageFormatter)', () => {
    const { s } = session();
    s.run('kafka-topics --create --topic t');
    const produced = s.runScript([
      'kafka-console-producer.sh --topic t --property parse.key=true --property key.separator=: <<EOF',
      'k1:v1',
      'k2:v2',
      'EOF',
    ]);
    expect(produced[0].exitCode).toBe(0);
    const r = s.run(
      'kafka-console-consumer.sh --topic t --from-beginning --property print.key=true --property print.offset=true --property print.partition=true',
    );
    expect(r.stdout).toBe('Partition:0\tOffset:0\tk1\tv1\nPartition:0\tOffset:1\tk2\tv2');
    expect(r.stderr).toBe('Processed a total of 2 messages');
    expect(s.run('kafka-console-consumer.sh --topic t --from-beginning --max-messages 1').stdout).toBe('v1');
  });
  it('LineMessageReader fails on a line without the key separator', () => {
    const { s } = session();
    s.run('kafka-topics --create --topic t');
    const [r] = s.runScript(['kafka-console-producer --topic t --property parse.key=true', 'nokey', 'EOF']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("No key separator found on line number 1: 'nokey'");
  });
  it('consumer option checks use ConsoleConsumerOptions wording', () => {
    const { s } = session();
    expect(s.run('kafka-console-consumer').exitCode).toBe(1);
    expect(s.run('kafka-console-consumer --bootstrap-server x').stderr).toBe(
      'Exactly one of --include/--topic is required. ',
    );
    expect(s.run('kafka-console-consumer --topic t --offset 3').stderr).toBe(
      'The partition is required when offset is specified.',
    );
  });
  it('commits the position for --group so kafka-consumer-groups shows lag (LAG = HW - committed)', () => {
    const { s } = session();
    s.run('kafka-topics --create --topic t');
    s.runScript(['kafka-console-producer --topic t', 'a', 'b', 'c', 'EOF']);
    s.run('kafka-console-consumer --topic t --group g --from-beginning --max-messages 2');
    const d = s.run('kafka-consumer-groups --describe --group g');
    expect(d.stderr).toBe("\nConsumer group 'g' has no active members.");
    expect(d.stdout).toBe(
      '\nGROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID\n' +
        'g               t               0          2               3               1               -               -               -',
    );
  });
});

describe('kafka-consumer-groups.sh', () => {
  it('resets offsets with the NEW-OFFSET table and refuses active groups', () => {
    const { s } = session();
    s.run('kafka-topics --create --topic t');
    s.runScript(['kafka-console-producer --topic t', 'a', 'b', 'EOF']);
    s.run('kafka-console-consumer --topic t --group g --from-beginning');
    const r = s.run('kafka-consumer-groups --reset-offsets --group g --topic t --to-earliest --execute');
    expect(r.stdout).toBe(
      `\n${'GROUP'.padEnd(30)} ${'TOPIC'.padEnd(30)} ${'PARTITION'.padEnd(10)} NEW-OFFSET     \n${'g'.padEnd(30)} ${'t'.padEnd(30)} ${'0'.padEnd(10)} 0              `,
    );
    s.run('consumer create c1 --group g --topics t');
    s.run('clock advance 5s');
    expect(
      s.run('kafka-consumer-groups --reset-offsets --group g --topic t --to-latest --execute').stderr,
    ).toBe(
      "\nError: Assignments can only be reset if the group 'g' is inactive, but the current state is Stable.",
    );
  });
  it('deletes groups with the tool message and reports unknown groups', () => {
    const { s } = session();
    s.run('kafka-topics --create --topic t');
    s.run('kafka-console-consumer --topic t --group g');
    expect(s.run('kafka-consumer-groups --delete --group g').stdout).toBe(
      "Deletion of requested consumer groups ('g') was successful.",
    );
    expect(s.run('kafka-consumer-groups --describe --group g').stderr).toBe(
      "\nError: Consumer group 'g' does not exist.",
    );
  });
});

describe('kafka-get-offsets.sh and kcat', () => {
  it('prints topic:partition:offset sorted (GetOffsetShell)', () => {
    const { s } = session();
    s.run('kafka-topics --create --topic t --partitions 2');
    s.run('producer create p');
    s.run('producer send p t --partition 1 x');
    s.run('producer flush p');
    expect(s.run('kafka-get-offsets.sh --topic t').stdout).toBe('t:0:0\nt:1:1');
    expect(s.run('kafka-get-offsets.sh --topic t --time -2').stdout).toBe('t:0:0\nt:1:0');
    expect(s.run('kafka-get-offsets.sh --topic nope').stderr).toBe(
      'Could not match any topic-partitions with the specified filters',
    );
  });
  it('kcat -L prints the metadata_print shape', () => {
    const { s, sim } = session();
    s.run('kafka-topics --create --topic t --replication-factor 2');
    const p = readModel(sim).partition('t', 0);
    expect(s.run('kcat -b localhost:9092 -L').stdout).toBe(
      'Metadata for all topics (from broker 1: localhost:9092/1):\n' +
        ' 3 brokers:\n  broker 1 at localhost:9092 (controller)\n  broker 2 at localhost:9093\n  broker 3 at localhost:9094\n' +
        ` 1 topics:\n  topic "t" with 1 partitions:\n    partition 0, leader ${p?.leader}, replicas: ${p?.replicas.join(',')}, isrs: ${p?.isr.join(',')}`,
    );
    expect(p?.replicas).toHaveLength(2);
  });
  it('kcat -P with -K and -C with -f tokens', () => {
    const { s } = session();
    s.run('kafka-topics --create --topic t');
    s.runScript(['kcat -b x -P -t t -K :', 'k:v', 'EOF']);
    expect(s.run("kcat -b x -C -t t -e -f '%t %p %o %k %s\\n'")).toEqual({
      stdout: 't 0 0 k v',
      stderr: '% Reached end of topic t [0] at offset 1: exiting',
      exitCode: 0,
    });
  });
});

describe('simulation commands and the session', () => {
  it('producer send prints TOPIC-PARTITION@OFFSET and consumer poll one line per record', () => {
    const { s } = session();
    s.run('kafka-topics --create --topic t');
    expect(s.run('producer create p --acks all').exitCode).toBe(0);
    expect(s.run('producer send p t --key k --header a=b hello').stdout).toMatch(/^t-0 \(queued/);
    expect(s.run('producer flush p').stdout).toBe('t-0@0');
    expect(s.run('consumer create c --group g --topics t --offset-reset earliest').exitCode).toBe(0);
    s.run('clock advance 5s');
    expect(s.run('consumer poll c').stdout).toBe('t-0@0 key=k value=hello');
  });
  it('rejects malformed simulation commands with a one-line message', () => {
    const { s } = session();
    for (const line of [
      'broker',
      'broker stop',
      'broker stop x',
      'broker stop 9',
      'clock advance',
      'clock advance 5 parsecs',
      'producer send',
      'consumer create c',
      'sim reset --brokers 0',
      'nosuch',
    ]) {
      const r = s.run(line);
      expect(r.exitCode, line).not.toBe(0);
      expect(r.stderr.split('\n')).toHaveLength(1);
    }
  });
  it('cat > FILE writes a virtual file that the JSON-reading tools use', () => {
    const { s } = session();
    s.run('kafka-topics --create --topic t');
    s.runScript(['cat > e.json <<EOF', '{"partitions":[{"topic":"t","partition":0}]}', 'EOF']);
    expect(s.run('cat e.json').stdout).toBe('{"partitions":[{"topic":"t","partition":0}]}');
    expect(s.run('kafka-leader-election --election-type preferred --path-to-json-file e.json').stdout).toBe(
      'Valid replica already elected for partitions t-0',
    );
  });
  it('completes commands, flags and topic names', () => {
    const { s } = session();
    s.run('kafka-topics --create --topic orders');
    expect(complete(s, 'kafka-to').candidates).toContain('kafka-topics.sh');
    expect(complete(s, 'kafka-topics --desc').candidates).toEqual(['--describe']);
    expect(complete(s, 'kafka-topics --describe --topic or').candidates).toEqual(['orders']);
    expect(complete(s, 'broker ').candidates).toEqual([
      'add',
      'heal',
      'isolate',
      'pause-fetch',
      'resume-fetch',
      'start',
      'stop',
    ]);
    s.run('producer create p1');
    expect(complete(s, 'producer flush ').candidates).toEqual(['p1']);
    expect(
      complete(s, 'kafka-configs --entity-type topics --entity-name orders --alter --add-config retention.')
        .candidates,
    ).toContain('retention.ms=');
  });
  it('never throws and keeps working after random token lines (fuzz)', () => {
    const { s } = session();
    const words = fc.constantFrom(
      'kafka-topics.sh',
      'kafka-configs',
      'kafka-console-producer',
      'kafka-console-consumer',
      'kafka-consumer-groups',
      'kafka-get-offsets',
      'kafka-leader-election',
      'kafka-reassign-partitions',
      'kcat',
      'broker',
      'clock',
      'producer',
      'consumer',
      'sim',
      'help',
      'cat',
      '--create',
      '--topic',
      '--partitions',
      '--list',
      '--describe',
      '--group',
      '-1',
      '3',
      't',
      '-P',
      '-C',
      '-L',
      '-t',
      '-o',
      'send',
      'create',
      'advance',
      'stop',
      '--execute',
      '--to-offset',
      "'",
      '"',
      '\\',
      '<<EOF',
      '|',
      '>',
      '--',
      '=',
      '%s',
      'x=y',
      '--max',
      '-e',
    );
    const line = fc
      .array(fc.oneof(words, fc.string({ maxLength: 6 })), { maxLength: 9 })
      .map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
        for (const r of s.runScript(lines)) {
          expect(typeof r.stdout).toBe('string');
          expect(r.exitCode).not.toBe(70);
        }
        complete(s, lines[0]);
      }),
      { seed: 42, numRuns: 1500 },
    );
    expect(s.run('sim status').exitCode).toBe(0);
  });
});
