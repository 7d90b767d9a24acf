// ConsoleProducer#producerProps: the console producer runs with its own option defaults, merged over
// --producer-property / --producer.config by CommandLineUtils#maybeMergeOptions, not with KafkaProducer's.
import { describe, expect, it } from 'vitest';
import { consoleFor } from '@/kafka-cli';
import { parseLongOptions } from '@/kafka-cli/options';
import { CONSOLE_PRODUCER_SPECS, consoleProducerConfigs } from '@/kafka-cli/tools/consoleProducer';
import { Simulation } from '@/simulator';

function configsOf(args: string[], file: Record<string, string> = {}): Record<string, string> {
  const parsed = parseLongOptions(
    ['--bootstrap-server', 'localhost:9092', '--topic', 't', ...args],
    CONSOLE_PRODUCER_SPECS,
  );
  if (parsed.kind !== 'ok') throw new Error(parsed.kind);
  return consoleProducerConfigs(parsed.options, file);
}

describe('ConsoleProducerOptions defaults (ConsoleProducer#producerProps)', () => {
  it('without options: linger.ms=1000, acks=-1, request.timeout.ms=1500, retries=3, retry.backoff.ms=100, compression.type=none', () => {
    const c = configsOf([]);
    expect(c).toMatchObject({
      'linger.ms': '1000',
      acks: '-1',
      'request.timeout.ms': '1500',
      retries: '3',
      'retry.backoff.ms': '100',
      'batch.size': '16384',
      'buffer.memory': String(32 * 1024 * 1024),
      'send.buffer.bytes': '102400',
      'metadata.max.age.ms': '300000',
      'max.block.ms': '60000',
      'compression.type': 'none',
    });
  });

  it('maybeMergeOptions: --producer-property beats the option default, the option given beats --producer-property', () => {
    expect(configsOf(['--producer-property', 'linger.ms=5'])['linger.ms']).toBe('5');
    expect(configsOf(['--producer-property', 'linger.ms=5', '--timeout', '20'])['linger.ms']).toBe('20');
    expect(configsOf(['--producer-property', 'acks=1']).acks).toBe('1');
    expect(configsOf(['--request-required-acks', '0', '--producer-property', 'acks=1']).acks).toBe('0');
  });

  it('--producer.config is read first; --producer-property overrides it; its security settings stay with the security path', () => {
    const c = configsOf(['--producer-property', 'retries=7'], {
      retries: '1',
      'linger.ms': '50',
      'security.protocol': 'SASL_SSL',
      'sasl.mechanism': 'PLAIN',
    });
    expect(c.retries).toBe('7');
    expect(c['linger.ms']).toBe('50');
    expect(c['security.protocol']).toBeUndefined();
    expect(c['sasl.mechanism']).toBeUndefined();
  });

  it('compression.type always comes from --compression-codec: none without it, gzip when given empty (ConsoleProducerOptions#compressionCodec)', () => {
    expect(configsOf(['--producer-property', 'compression.type=lz4'])['compression.type']).toBe('none');
    expect(configsOf(['--compression-codec'])['compression.type']).toBe('gzip');
    expect(configsOf(['--compression-codec', 'zstd'])['compression.type']).toBe('zstd');
  });

  it('batch.size: --max-partition-memory-bytes is merged after --batch-size, so it wins (KIP-717 keeps both)', () => {
    expect(configsOf(['--batch-size', '100'])['batch.size']).toBe('100');
    expect(configsOf(['--batch-size', '100', '--max-partition-memory-bytes', '200'])['batch.size']).toBe(
      '200',
    );
  });
});

function belowMinIsr() {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  const s = consoleFor(sim);
  s.run(
    'kafka-topics.sh --create --topic orders --partitions 1 --replication-factor 3 --config min.insync.replicas=2',
  );
  s.run('broker stop 2');
  s.run('broker stop 3');
  s.run('clock advance 20s'); // past broker.session.timeout.ms: the ISR is [1]
  return { sim, s };
}

describe('kafka-console-producer.sh runs its client with those defaults', () => {
  it('the console-producer client is created with linger.ms=1000, request.timeout.ms=1500, retries=3', () => {
    const sim = new Simulation({ brokers: 1, seed: 42 });
    const s = consoleFor(sim);
    s.run('kafka-topics.sh --create --topic orders --partitions 1 --replication-factor 1');
    const r = s.run('kafka-console-producer.sh --bootstrap-server localhost:9092 --topic orders', ['a']);
    expect(r.stderr).toBe('');
    const c = sim.state.producers['console-producer'].config;
    expect(c).toMatchObject({ lingerMs: 1000, requestTimeoutMs: 1500, retries: 3, acks: 'all' });
    expect(c.enableIdempotence).toBe(true);
  });

  it('retries=3: below min.insync.replicas the send fails after three retries with NotEnoughReplicasException, not after delivery.timeout.ms', () => {
    const { s } = belowMinIsr();
    const r = s.run('kafka-console-producer.sh --bootstrap-server localhost:9092 --topic orders', ['hello']);
    const lines = r.stderr.split('\n');
    expect(lines.filter((l) => l.includes('Got error produce response'))).toHaveLength(3);
    expect(lines[0]).toContain('retrying (2 attempts left). Error: NOT_ENOUGH_REPLICAS');
    expect(lines[2]).toContain('retrying (0 attempts left). Error: NOT_ENOUGH_REPLICAS');
    expect(lines[3]).toBe(
      'ERROR Error when sending message to topic orders with key: null, value: 5 bytes with error: org.apache.kafka.common.errors.NotEnoughReplicasException: Messages are rejected since there are fewer in-sync replicas than required.',
    );
    // No two-minute wait: 3 backoffs of at most retry.backoff.max.ms.
    expect(r.stdout).toBe('');
  });

  it('--message-send-max-retries 0 disables idempotence with KafkaProducer warning and fails on the first refusal', () => {
    const { s } = belowMinIsr();
    const r = s.run(
      'kafka-console-producer.sh --bootstrap-server localhost:9092 --topic orders --message-send-max-retries 0',
      ['hello'],
    );
    expect(r.stderr).toContain('Idempotence will be disabled because retries is set to 0.');
    expect(r.stderr).not.toContain('Got error produce response');
    expect(r.stderr).toContain('NotEnoughReplicasException');
  });

  it('an unknown --compression-codec is refused by ProducerConfig (ValidString)', () => {
    const sim = new Simulation({ brokers: 1, seed: 42 });
    const s = consoleFor(sim);
    s.run('kafka-topics.sh --create --topic orders --partitions 1 --replication-factor 1');
    const r = s.run(
      'kafka-console-producer.sh --bootstrap-server localhost:9092 --topic orders --compression-codec foo',
      ['a'],
    );
    expect(r.stderr).toBe(
      'org.apache.kafka.common.config.ConfigException: Invalid value foo for configuration compression.type: String must be one of: none, gzip, snappy, lz4, zstd',
    );
  });
});
