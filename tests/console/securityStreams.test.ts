// A Kafka Streams instance under security: its clients authenticate with the security settings of its
// Properties and are authorized like any client (Streams developer guide, "Required ACL setting for secure
// Kafka clusters"): DESCRIBE/READ on the sources, READ on the group application.id, CREATE on the internal
// topics (InternalTopicManager#makeReady), WRITE on the sinks (RecordCollectorImpl: an AuthorizationException
// is fatal) and, under exactly_once_v2, WRITE on the transactional.id (StreamsProducer#initTransaction). A
// refusal ends in KafkaStreams' SHUTDOWN_CLIENT (the default uncaught exception handler).
import { describe, expect, it } from 'vitest';
import { runConsoleLines } from '@/kafka-cli';
import { readModel, Simulation } from '@/simulator';
import { ADMIN, secured } from './securityConsole.testkit';

function run(sim: Simulation, lines: string | string[]) {
  const r = runConsoleLines(sim, lines);
  return r[r.length - 1];
}

function grant(sim: Simulation, acl: string): void {
  expect(run(sim, `kafka-acls.sh ${ADMIN} --add --allow-principal User:alice ${acl}`).exitCode).toBe(0);
}

const SHUTDOWN =
  'Encountered the following exception during processing and the registered exception handleropted to SHUTDOWN_CLIENT. The streams client is going to shut down now.';

function app(sim: Simulation, guarantee = 'at_least_once'): void {
  run(sim, `kafka-topics.sh ${ADMIN} --create --topic counts --partitions 1 --replication-factor 3`);
  const r = run(sim, [
    `streams create counter --config processing.guarantee=${guarantee} <<EOF`,
    'stream orders | groupByKey | count | toStream | to counts',
    'EOF',
  ]);
  expect(r.exitCode).toBe(0);
}

const START = 'streams start counter --command-config alice.properties';
const running = (sim: Simulation) =>
  readModel(sim)
    .streamsApp('counter')
    ?.instances.filter((i) => i.status === 'RUNNING').length ?? 0;

describe('Kafka Streams under security (Streams developer guide: required ACLs)', () => {
  it('without DESCRIBE on its source topic the main consumer fails: StreamsException caused by TopicAuthorizationException, the instance never joins', () => {
    const sim = secured();
    app(sim);
    const r = run(sim, START);
    expect(r.exitCode).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toContain(SHUTDOWN);
    expect(lines[0]).toMatch(/^\[instance-1\] ERROR stream-client \[counter-instance-1\] /);
    expect(lines[1]).toBe(
      'org.apache.kafka.streams.errors.StreamsException: org.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access topics: [orders]',
    );
    expect(lines.at(-1)).toContain('it never joined the group');
    expect(running(sim)).toBe(0);
    expect(readModel(sim).group('counter')).toBeFalsy();
  });

  it('without READ on the group application.id the join fails with GroupAuthorizationException', () => {
    const sim = secured();
    app(sim);
    grant(sim, '--operation Read --operation Describe --topic orders --topic counts');
    grant(sim, '--operation Describe --topic counter- --resource-pattern-type prefixed');
    const r = run(sim, START);
    expect(r.stderr.split('\n')[1]).toBe(
      'org.apache.kafka.streams.errors.StreamsException: org.apache.kafka.common.errors.GroupAuthorizationException: Not authorized to access group: counter',
    );
  });

  it('without CREATE the leader cannot create the changelog: "Could not create topic" (InternalTopicManager#makeReady), and no topic is created', () => {
    const sim = secured();
    app(sim);
    grant(sim, '--operation Read --operation Describe --topic orders --topic counts');
    grant(sim, '--operation Read --group counter');
    grant(sim, '--operation Describe --topic counter- --resource-pattern-type prefixed');
    const r = run(sim, START);
    const lines = r.stderr.split('\n');
    const changelog = 'counter-KSTREAM-AGGREGATE-STATE-STORE-0000000001-changelog';
    expect(lines[0]).toContain(`Unexpected error during topic creation for ${changelog}.`);
    expect(lines).toContain(
      `org.apache.kafka.streams.errors.StreamsException: Could not create topic ${changelog}.`,
    );
    expect(lines.find((l) => l.startsWith('Caused by: '))).toMatch(/TopicAuthorizationException/);
    expect(
      readModel(sim)
        .topics()
        .some((t) => t.name === changelog),
    ).toBe(false);
    expect(running(sim)).toBe(0);
  });

  it('without WRITE on the sink the first send is fatal (RecordCollectorImpl) and the instance leaves the group', () => {
    const sim = secured();
    app(sim);
    grant(sim, '--operation Read --operation Describe --topic orders --topic counts');
    grant(sim, '--operation Read --group counter');
    grant(sim, '--operation All --topic counter- --resource-pattern-type prefixed');
    const r = run(sim, START);
    expect(r.exitCode).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toMatch(/Error encountered sending record to topic counts for task 0_0 due to:$/);
    expect(lines[1]).toBe(
      'org.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access topics: [counts]',
    );
    expect(lines[2]).toContain('no more records would be sent since this is a fatal error.');
    expect(lines.at(-1)).toContain('its members left the group');
    expect(running(sim)).toBe(0);
  });

  it('with the prefixed ACLs the docs recommend plus READ on the source and WRITE on the sink it runs and counts', () => {
    const sim = secured();
    app(sim);
    grant(sim, '--operation Read --topic orders');
    grant(sim, '--operation Write --topic counts');
    grant(sim, '--operation All --topic counter --group counter --resource-pattern-type prefixed');
    const r = run(sim, START);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(running(sim)).toBe(1);
    const keyed = run(sim, [
      `kafka-console-producer.sh ${ADMIN.replace('--command-config', '--producer.config')} --topic orders --property parse.key=true --property key.separator=: <<EOF`,
      'k1:v1',
      'EOF',
    ]);
    expect(keyed.exitCode).toBe(0);
    run(sim, 'clock advance 31s');
    expect(readModel(sim).streamsApp('counter')?.sent.counts).toBeGreaterThan(0);
  });

  it('exactly_once_v2 also needs WRITE on the transactional.id: "Error encountered trying to initialize transactions"', () => {
    const sim = secured();
    app(sim, 'exactly_once_v2');
    grant(sim, '--operation Read --topic orders');
    grant(sim, '--operation Write --topic counts');
    grant(sim, '--operation All --topic counter --group counter --resource-pattern-type prefixed');
    const r = run(sim, START);
    expect(r.exitCode).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines[1]).toMatch(
      /^org\.apache\.kafka\.streams\.errors\.StreamsException: Error encountered trying to initialize transactions \[stream-thread \[counter-.+-StreamThread-1\]\]$/,
    );
    expect(lines[2]).toMatch(
      /^Caused by: org\.apache\.kafka\.common\.errors\.TransactionalIdAuthorizationException/,
    );
    grant(sim, '--operation Write --transactional-id counter --resource-pattern-type prefixed');
    const again = run(sim, START);
    expect(again.stderr).toBe('');
    expect(running(sim)).toBe(1);
  });

  it('a cluster without security starts the instance with no security request at all', () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    run(
      sim,
      'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic orders --partitions 1 --replication-factor 3',
    );
    run(sim, [
      'streams create counter <<EOF',
      'stream orders | groupByKey | count | toStream | to counts',
      'EOF',
    ]);
    expect(run(sim, 'streams start counter').exitCode).toBe(0);
    expect(running(sim)).toBe(1);
    expect(readModel(sim).security().decisions).toEqual([]);
  });
});
