// An acks=all producer below min.insync.replicas: the broker answers NOT_ENOUGH_REPLICAS (retriable), and the Java
// client logs each retry at WARN before re-enqueuing the batch (Sender#completeBatch), until delivery.timeout.ms
// expires the batch. A learner must see the cause, not only the final TimeoutException.
import { describe, expect, it } from 'vitest';
import { consoleFor } from '@/kafka-cli';
import { Simulation } from '@/simulator';

function belowMinIsr() {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  const s = consoleFor(sim);
  s.run(
    'kafka-topics.sh --create --topic orders --partitions 1 --replication-factor 3 --config min.insync.replicas=2',
  );
  s.run('broker stop 2');
  s.run('broker stop 3');
  s.run('clock advance 20s'); // past broker.session.timeout.ms: the controller shrinks the ISR to [1]
  return { sim, s };
}

describe('Sender#completeBatch: retriable produce errors are logged at WARN, one line per retry', () => {
  it('NOT_ENOUGH_REPLICAS: the warnings come first, then the delivery timeout (ReplicaManager sends no error message)', () => {
    const { s } = belowMinIsr();
    s.run('producer create safe --acks all');
    s.run('producer send safe orders --key a one');
    const r = s.run('producer flush safe');
    const lines = r.stderr.split('\n');
    expect(lines[0]).toMatch(
      /^WARN \[Producer clientId=safe\] Got error produce response with correlation id \d+ on topic-partition orders-0, retrying \(2147483646 attempts left\)\. Error: NOT_ENOUGH_REPLICAS \(org\.apache\.kafka\.clients\.producer\.internals\.Sender\)$/,
    );
    expect(lines[1]).toContain('retrying (2147483645 attempts left). Error: NOT_ENOUGH_REPLICAS (');
    expect(lines.at(-1)).toBe(
      'org.apache.kafka.common.errors.TimeoutException: Expiring 1 record(s) for orders-0:120000 ms has passed since batch creation (delivery.timeout.ms=120000)',
    );
    // retry.backoff.ms=100 doubling to retry.backoff.max.ms=1000 over 120 s: about 120 retries, summarised.
    expect(r.stderr).toMatch(/kafka-sim: … \d+ more warnings like these, one per attempt/);
  });

  it('the flush says how much virtual time it waited, so the two-minute jump is not silent', () => {
    const { s } = belowMinIsr();
    s.run('producer create safe --acks all');
    s.run('producer send safe orders one');
    const r = s.run('producer flush safe');
    expect(r.stdout).toMatch(
      /^kafka-sim: this waited 2m( \d+ms)? of virtual time; the clock is now at 2m 20s( \d+ms)?\.$/m,
    );
  });

  it('kafka-console-producer.sh logs the same warnings for its console-producer client', () => {
    const { s } = belowMinIsr();
    const r = s.run('kafka-console-producer.sh --bootstrap-server localhost:9092 --topic orders', ['hello']);
    expect(r.stderr.split('\n')[0]).toContain(
      'WARN [Producer clientId=console-producer] Got error produce response with correlation id',
    );
    expect(r.stderr).toContain(
      'Error: NOT_ENOUGH_REPLICAS (org.apache.kafka.clients.producer.internals.Sender)',
    );
    expect(r.stderr).toContain(
      'ERROR Error when sending message to topic orders with key: null, value: 5 bytes',
    );
  });

  it('a transactional producer logs with its transactional id (KafkaProducer LogContext)', () => {
    const { s } = belowMinIsr();
    s.run('producer create tx --transactional-id pay-1');
    s.run('producer begin tx');
    s.run('producer send tx orders one');
    const r = s.run('producer flush tx');
    expect(r.stderr).toContain(
      'WARN [Producer clientId=tx, transactionalId=pay-1] Got error produce response',
    );
  });

  it('a healthy cluster logs nothing', () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    const s = consoleFor(sim);
    s.run('kafka-topics.sh --create --topic orders --partitions 1 --replication-factor 3');
    s.run('producer create p');
    s.run('producer send p orders one');
    const r = s.run('producer flush p');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('orders-0@0');
  });
});

describe("NetworkClient: a refused connection is the network client's warning, not a produce response", () => {
  it('a stopped leader: "Connection to node 1 (localhost/127.0.0.1:9092) could not be established" until a new leader is elected', () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    const s = consoleFor(sim);
    s.run('kafka-topics.sh --create --topic payments --replica-assignment 1:2:3');
    s.run('producer create p');
    s.run('broker stop 1');
    s.run('producer send p payments one');
    const r = s.run('clock advance 40s');
    expect(r.stderr.split('\n')[0]).toBe(
      'WARN [Producer clientId=p] Connection to node 1 (localhost/127.0.0.1:9092) could not be established. Node may not be available. (org.apache.kafka.clients.NetworkClient)',
    );
    expect(r.stdout).toContain('[p] payments-0@0');
  });
});
