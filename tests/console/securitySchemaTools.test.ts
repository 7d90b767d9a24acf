// Confluent's kafka-avro-console-producer/-consumer under security: the schema goes to the registry over its
// REST API, the records go through the plain console clients' Kafka requests (ConsoleProducer /
// ConsoleConsumer under the wrapper), so --producer.config / --consumer.config give the principal and the
// ACLs decide as for kafka-console-producer.sh: WRITE on the topic (Produce), READ on topic and group (Fetch,
// JoinGroup), and the bytes count against producer_byte_rate / consumer_byte_rate.
import Ajv from 'ajv';
import * as avsc from 'avsc';
import * as protobuf from 'protobufjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConsoleLines } from '@/kafka-cli';
import { readModel, type Simulation, schemaRegistry } from '@/simulator';
import { schemaRuntime } from '@/simulator/schemaRegistry/runtime';
import { ADMIN, secured } from './securityConsole.testkit';

beforeAll(() => {
  schemaRegistry.installSchemaFormats(
    {
      avsc: avsc as unknown as schemaRegistry.Formats['avsc'],
      protobuf: protobuf as unknown as schemaRegistry.Formats['protobuf'],
      Ajv,
    },
    schemaRuntime,
  );
});

function run(sim: Simulation, lines: string | string[]) {
  const r = runConsoleLines(sim, lines);
  return r[r.length - 1];
}

/** The secured cluster plus a topic of Avro records only (orders holds a plain-text record). */
function cluster(): Simulation {
  const sim = secured();
  const r = run(
    sim,
    `kafka-topics.sh ${ADMIN} --create --topic avro-orders --partitions 1 --replication-factor 3`,
  );
  expect(r.exitCode).toBe(0);
  return sim;
}

function grant(sim: Simulation, acl: string): void {
  expect(run(sim, `kafka-acls.sh ${ADMIN} --add --allow-principal User:alice ${acl}`).exitCode).toBe(0);
}

const SCHEMA = '{"type":"record","name":"Order","fields":[{"name":"id","type":"string"}]}';
const SR = '--property schema.registry.url=http://localhost:8081';
const PRODUCE = [
  `kafka-avro-console-producer --bootstrap-server localhost:9092 --topic avro-orders --producer.config alice.properties ${SR} --property value.schema='${SCHEMA}' <<EOF`,
  '{"id":"o-1"}',
  'EOF',
];
const CONSUME = `kafka-avro-console-consumer --bootstrap-server localhost:9092 --topic avro-orders --from-beginning --group avro-readers --consumer.config alice.properties ${SR}`;

const endOffset = (sim: Simulation) => readModel(sim).topic('avro-orders')?.partitions[0].highWatermark;

describe('kafka-avro-console-producer/-consumer under security (ConsoleProducer / ConsoleConsumer clients)', () => {
  it('without WRITE on the topic every record fails with TopicAuthorizationException and nothing is appended', () => {
    const sim = cluster();
    const before = endOffset(sim);
    const r = run(sim, PRODUCE);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      'ERROR Error when sending message to topic avro-orders with key: null, value: ',
    );
    expect(r.stderr).toContain(
      'with error: org.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access topics: [avro-orders]',
    );
    expect(endOffset(sim)).toBe(before);
  });

  it('with WRITE the framed record is appended; the consumer then needs READ on the topic and on its group', () => {
    const sim = cluster();
    grant(sim, '--operation Write --topic avro-orders');
    const before = endOffset(sim) ?? 0;
    const produced = run(sim, PRODUCE);
    expect(produced.exitCode).toBe(0);
    expect(endOffset(sim)).toBe(before + 1);

    // WRITE implies DESCRIBE, so the metadata passes and the group is refused first (JoinGroup: READ group).
    const noGroup = run(sim, CONSUME);
    expect(noGroup.exitCode).toBe(1);
    expect(noGroup.stderr.split('\n')).toContain(
      'org.apache.kafka.common.errors.GroupAuthorizationException: Not authorized to access group: avro-readers',
    );
    grant(sim, '--operation Read --group avro-readers');
    const noRead = run(sim, CONSUME);
    expect(noRead.stderr.split('\n')).toContain(
      'org.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access topics: [avro-orders]',
    );
    grant(sim, '--operation Read --topic avro-orders');
    const read = run(sim, CONSUME);
    expect(read.stdout).toBe('{"id":"o-1"}');
  });

  it('the consumer under consumer_byte_rate waits out throttled fetch responses on the virtual clock (KIP-219)', () => {
    const sim = cluster();
    grant(sim, '--operation Write --operation Read --topic avro-orders');
    grant(sim, '--operation Read --group avro-readers');
    const many = [PRODUCE[0], ...Array.from({ length: 40 }, (_, i) => `{"id":"order-number-${i}"}`), 'EOF'];
    expect(run(sim, many).exitCode).toBe(0);
    expect(
      run(
        sim,
        `kafka-configs.sh ${ADMIN} --alter --add-config consumer_byte_rate=100 --entity-type users --entity-name alice`,
      ).exitCode,
    ).toBe(0);
    const t0 = readModel(sim).now();
    const r = run(sim, CONSUME);
    expect(r.stdout.split('\n')).toHaveLength(40);
    const waited = Number(/waited (\d+) ms/.exec(r.stderr)?.[1]);
    expect(waited).toBeGreaterThan(0);
    expect(readModel(sim).now() - t0).toBe(waited);
  });
});
