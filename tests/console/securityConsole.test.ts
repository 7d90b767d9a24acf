// The console's tools under security: a client never performs an operation its ACLs do not allow
// (property over random ACL sets), with Kafka's client exceptions for what is refused; a cluster without
// security configured dispatches nothing new.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runConsoleLines } from '@/kafka-cli';
import { readModel, Simulation } from '@/simulator';
import { ADMIN, SCRAM, secured } from './securityConsole.testkit';

const recordsIn = (sim: Simulation) => readModel(sim).partition('orders', 0)?.highWatermark ?? -1;

const GRANTS = [
  '--operation Write --topic orders',
  '--operation Describe --topic orders',
  '--operation Read --topic orders',
  '--operation Read --group billing',
  '--deny-principal User:alice --operation Read --topic orders',
] as const;

describe('security in the console (StandardAuthorizer over every tool request)', () => {
  it('property: alice writes to orders exactly when Write is allowed, and reads as group billing exactly when Read on the topic and the group are (implied Describe, DENY wins)', () => {
    fc.assert(
      fc.property(fc.subarray([...GRANTS]), (grants) => {
        const sim = secured();
        for (const g of grants) {
          const who = g.startsWith('--deny') ? '' : '--allow-principal User:alice ';
          const r = runConsoleLines(sim, `kafka-acls.sh ${ADMIN} --add ${who}${g}`);
          expect(r[0].exitCode).toBe(0);
        }
        const read = readModel(sim);
        const may = (operation: string, resourceType: string, resourceName: string) =>
          read.authorizes({ principal: 'User:alice', operation, resourceType, resourceName });
        const before = recordsIn(sim);
        const produced = runConsoleLines(sim, [
          'kafka-console-producer.sh --bootstrap-server localhost:9092 --producer.config alice.properties --topic orders <<EOF',
          'from-alice',
          'EOF',
        ])[0];
        const canWrite = may('Write', 'Topic', 'orders') === true;
        expect(produced.exitCode === 0).toBe(canWrite);
        expect(recordsIn(sim) - before).toBe(canWrite ? 1 : 0);
        if (!canWrite) expect(produced.stderr).toMatch(/AuthorizationException/);
        const consumed = runConsoleLines(
          sim,
          'kafka-console-consumer.sh --bootstrap-server localhost:9092 --consumer.config alice.properties --topic orders --group billing --from-beginning',
        )[0];
        const canRead = may('Read', 'Topic', 'orders') === true && may('Read', 'Group', 'billing') === true;
        expect(consumed.stdout.includes('seed-record')).toBe(canRead);
        if (!canRead) expect(consumed.stderr).toMatch(/(Topic|Group)AuthorizationException/);
      }),
      { seed: 42, numRuns: 32 },
    );
  });

  it('a cluster without security: --command-config PLAINTEXT files work and the tools add no security commands to the log', () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    runConsoleLines(sim, [
      'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic orders --partitions 1 --replication-factor 3',
      'kafka-console-producer.sh --bootstrap-server localhost:9092 --topic orders <<EOF',
      'a',
      'EOF',
      'kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic orders --from-beginning',
    ]);
    expect(sim.log.some((c) => c.type.startsWith('security'))).toBe(false);
    expect(readModel(sim).security().decisions).toEqual([]);
  });

  it('a SASL client against the default PLAINTEXT listener: the broker answers SaslHandshake with ILLEGAL_SASL_STATE (KafkaApis#handleSaslHandshakeRequest)', () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    const r = runConsoleLines(sim, [
      'cat > alice.properties <<EOF',
      'security.protocol=SASL_PLAINTEXT',
      'sasl.mechanism=SCRAM-SHA-256',
      `sasl.jaas.config=${SCRAM} required username="alice" password="x";`,
      'EOF',
      'kafka-topics.sh --bootstrap-server localhost:9092 --command-config alice.properties --list',
    ]).at(-1);
    expect(r?.exitCode).toBe(1);
    expect(r?.stderr).toContain(
      'org.apache.kafka.common.errors.IllegalSaslStateException: Unexpected handshake request with client mechanism SCRAM-SHA-256, enabled mechanisms are []',
    );
  });
});
