// Options of Kafka 4.0's own tools, from their option parsers: ConsoleProducer (tools/ConsoleProducer.java),
// ConsoleConsumerOptions, ConfigCommand's ConfigCommandOptions. Each option the real tool accepts is accepted
// with its meaning; an option it does not have is refused with jopt-simple's "<name> is not a recognized option".
import { describe, expect, it } from 'vitest';
import { consoleFor } from '@/kafka-cli';
import { Simulation } from '@/simulator';

function cluster() {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  const s = consoleFor(sim);
  s.run(
    'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic orders --partitions 1 --replication-factor 3',
  );
  return { sim, s };
}

type Shell = ReturnType<typeof consoleFor>;
const produce = (s: Shell, flags: string) =>
  s.run(`kafka-console-producer.sh --bootstrap-server localhost:9092 --topic orders ${flags}`, ['k1:v1']);
const write = (s: Shell, file: string, lines: string[]) => s.run(`cat > ${file}`, lines);

describe('kafka-console-producer.sh (ConsoleProducer, Kafka 4.0)', () => {
  it('--broker-list was removed in 4.0: it is refused as an unknown option', () => {
    const { s } = cluster();
    const r = s.run('kafka-console-producer.sh --broker-list localhost:9092 --topic orders', ['a']);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain('broker-list is not a recognized option');
  });

  it('the producer-tuning options are merged into their producer configs without warnings (CommandLineUtils#maybeMergeOptions)', () => {
    const { s } = cluster();
    const r = produce(
      s,
      '--request-timeout-ms 1000 --retry-backoff-ms 50 --metadata-expiry-ms 1000 --max-block-ms 100 --max-memory-bytes 1000000 --max-partition-memory-bytes 1000 --socket-buffer-size 1000',
    );
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(
      s.run('kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic orders --from-beginning')
        .stdout,
    ).toBe('k1:v1');
  });

  it('--reader-config loads the line reader properties from a file; --property takes precedence over it', () => {
    const { s } = cluster();
    write(s, 'reader.properties', ['parse.key=true', 'key.separator=:']);
    expect(produce(s, '--reader-config reader.properties').exitCode).toBe(0);
    expect(produce(s, '--reader-config reader.properties --property parse.key=false').exitCode).toBe(0);
    const read = s.run(
      'kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic orders --from-beginning --property print.key=true',
    );
    expect(read.stdout.split('\n')).toEqual(['k1\tv1', 'null\tk1:v1']);
  });
});

describe('kafka-console-consumer.sh (ConsoleConsumerOptions, Kafka 4.0)', () => {
  it('--formatter-config loads the formatter properties from a file (ConsoleConsumerOptions#formatterArgs)', () => {
    const { s } = cluster();
    produce(s, '--property parse.key=true --property key.separator=:');
    write(s, 'fmt.properties', ['print.key=true', 'key.separator=|']);
    const r = s.run(
      'kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic orders --from-beginning --formatter-config fmt.properties',
    );
    expect(r.stdout).toBe('k1|v1');
  });
});

describe('kafka-configs.sh (ConfigCommandOptions, Kafka 4.0)', () => {
  it('--broker, --group and the other entity shorthands name their entity type (ConfigCommandOptions#entityFlags)', () => {
    const { s } = cluster();
    expect(
      s.run('kafka-configs.sh --bootstrap-server localhost:9092 --broker 1 --describe').stderr,
    ).toContain('--entity-type brokers');
    expect(s.run('kafka-configs.sh --bootstrap-server localhost:9092 --group g --describe').stderr).toContain(
      '--entity-type groups',
    );
  });

  it('--force is accepted with --alter', () => {
    const { s } = cluster();
    const r = s.run(
      'kafka-configs.sh --bootstrap-server localhost:9092 --topic orders --alter --add-config retention.ms=1000 --force',
    );
    expect(r.stdout).toBe('Completed updating config for topic orders.');
  });
});

describe('kafka-consumer-groups.sh (ConsumerGroupCommandOptions, Kafka 4.0)', () => {
  function groups() {
    const { sim, s } = cluster();
    s.run('consumer create c1 --group live --topics orders');
    s.run('clock advance 4s');
    s.run('consumer create c2 --group gone --topics orders');
    s.run('clock advance 4s');
    s.run('consumer close c2');
    return { sim, s };
  }
  const rows = (text: string) =>
    text
      .split('\n')
      .slice(1)
      .map((l) => l.split(/\s+/)[0]);

  it('--list --state takes an optional comma-separated state filter, case-insensitive (ConsumerGroupCommand#consumerGroupStatesFromString)', () => {
    const { s } = groups();
    const list = (f: string) =>
      s.run(`kafka-consumer-groups.sh --bootstrap-server localhost:9092 --list ${f}`);
    expect(rows(list('--state').stdout).sort()).toEqual(['gone', 'live']);
    expect(rows(list('--state stable').stdout)).toEqual(['live']);
    expect(rows(list('--state Empty,Dead').stdout)).toEqual(['gone']);
    expect(list('--state Running').stderr).toContain(
      "Invalid state list 'Running'. Valid states are: PreparingRebalance, CompletingRebalance, Stable, Dead, Empty, Assigning, Reconciling",
    );
  });

  it('--list --type takes an optional type filter (ConsumerGroupCommand#consumerGroupTypesFromString)', () => {
    const { s } = groups();
    const list = (f: string) =>
      s.run(`kafka-consumer-groups.sh --bootstrap-server localhost:9092 --list ${f}`);
    expect(rows(list('--type classic').stdout).sort()).toEqual(['gone', 'live']);
    expect(rows(list('--type consumer').stdout)).toEqual([]);
    expect(list('--type queue').stderr).toContain(
      "Invalid types list 'queue'. Valid types are: Consumer, Classic, Share",
    );
  });
});
