// The admin tools and kcat under security: each tool's Admin/librdkafka calls need what Kafka's handlers
// check (security.html "Operations and Resources on Protocols"), and listings show only what the
// principal may describe.
import { describe, expect, it } from 'vitest';
import { runConsoleLines } from '@/kafka-cli';
import { readModel, Simulation } from '@/simulator';
import { ADMIN, secured } from './securityConsole.testkit';

const ALICE = '--bootstrap-server localhost:9092 --command-config alice.properties';
const KCAT_ALICE =
  'kcat -b localhost:9092 -X security.protocol=SASL_PLAINTEXT -X sasl.mechanisms=SCRAM-SHA-256 -X sasl.username=alice -X sasl.password=alice-secret';

function run(sim: Simulation, lines: string | string[]) {
  const r = runConsoleLines(sim, lines);
  return r[r.length - 1];
}

function grant(sim: Simulation, acl: string): void {
  expect(run(sim, `kafka-acls.sh ${ADMIN} --add --allow-principal User:alice ${acl}`).exitCode).toBe(0);
}

const lastDecision = (sim: Simulation) => readModel(sim).security().decisions.at(-1);

describe('kafka-get-offsets.sh under security (GetOffsetShell: listTopics, then listOffsets)', () => {
  it('ListOffsets needs DESCRIBE on the topic: without it the topic is left out of listTopics and nothing matches', () => {
    const sim = secured();
    const r = run(sim, `kafka-get-offsets.sh ${ALICE} --topic orders`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('Could not match any topic-partitions with the specified filters');
  });

  it('with DESCRIBE on the topic the offsets print, and the ListOffsets decision is DESCRIBE on Topic:LITERAL:orders', () => {
    const sim = secured();
    grant(sim, '--operation Describe --topic orders');
    const r = run(sim, `kafka-get-offsets.sh ${ALICE} --topic orders`);
    expect(r.stdout).toBe('orders:0:1');
    expect(lastDecision(sim)).toMatchObject({
      api: 'ListOffsets',
      operation: 'DESCRIBE',
      resource: 'TOPIC orders',
      result: 'ALLOWED',
    });
  });
});

describe('kafka-leader-election.sh under security (ElectLeaders: ALTER on the cluster, ControllerApis#handleElectLeaders)', () => {
  it('refused without ALTER on the cluster: LeaderElectionCommand says "Not authorized to perform leader election"', () => {
    const sim = secured();
    grant(sim, '--operation Describe --cluster');
    const r = run(
      sim,
      `kafka-leader-election.sh --bootstrap-server localhost:9092 --admin.config alice.properties --election-type preferred --topic orders --partition 0`,
    );
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('Not authorized to perform leader election');
    expect(r.stderr).toContain(
      'org.apache.kafka.server.common.AdminCommandFailedException: Not authorized to perform leader election',
    );
    expect(lastDecision(sim)).toMatchObject({ api: 'ElectLeaders', operation: 'ALTER', result: 'DENIED' });
  });

  it('allowed with ALTER on the cluster', () => {
    const sim = secured();
    grant(sim, '--operation Alter --cluster');
    const r = run(
      sim,
      `kafka-leader-election.sh --bootstrap-server localhost:9092 --admin.config alice.properties --election-type preferred --topic orders --partition 0`,
    );
    expect(r.stderr).not.toContain('Not authorized');
    expect(lastDecision(sim)).toMatchObject({ api: 'ElectLeaders', result: 'ALLOWED' });
  });
});

describe('kafka-reassign-partitions.sh under security (ListPartitionReassignments: DESCRIBE, AlterPartitionReassignments: ALTER on the cluster)', () => {
  const PLAN = [
    'cat > plan.json <<EOF',
    '{"version":1,"partitions":[{"topic":"orders","partition":0,"replicas":[2,3,1]}]}',
    'EOF',
  ];

  it('--verify needs DESCRIBE on the cluster: refused, main prints "Error: " and the ClusterAuthorizationException', () => {
    const sim = secured();
    grant(sim, '--operation Describe --topic orders');
    const r = run(sim, [
      ...PLAN,
      `kafka-reassign-partitions.sh ${ALICE} --reassignment-json-file plan.json --verify`,
    ]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      'Error: org.apache.kafka.common.errors.ClusterAuthorizationException: Cluster authorization failed.',
    );
    expect(lastDecision(sim)).toMatchObject({
      api: 'ListPartitionReassignments',
      operation: 'DESCRIBE',
      resource: 'CLUSTER kafka-cluster',
      result: 'DENIED',
    });
  });

  it('--execute with DESCRIBE but not ALTER on the cluster: the current assignment prints, then every partition fails', () => {
    const sim = secured();
    grant(sim, '--operation Describe --topic orders');
    grant(sim, '--operation Describe --cluster');
    const before = readModel(sim).topic('orders')?.partitions[0]?.replicas;
    const r = run(sim, [
      ...PLAN,
      `kafka-reassign-partitions.sh ${ALICE} --reassignment-json-file plan.json --execute`,
    ]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('Current partition replica assignment');
    expect(r.stderr).toBe('Error reassigning partition(s):\norders-0: Cluster authorization failed.');
    expect(readModel(sim).topic('orders')?.partitions[0]?.replicas).toEqual(before);
    expect(lastDecision(sim)).toMatchObject({ api: 'AlterPartitionReassignments', operation: 'ALTER' });
  });

  it('--execute with ALTER on the cluster (which implies DESCRIBE) and DESCRIBE on the topic starts the reassignment', () => {
    const sim = secured();
    grant(sim, '--operation Describe --topic orders');
    grant(sim, '--operation Alter --cluster');
    const r = run(sim, [
      ...PLAN,
      `kafka-reassign-partitions.sh ${ALICE} --reassignment-json-file plan.json --execute`,
    ]);
    expect(r.stdout).toContain('Successfully started partition reassignment for orders-0');
  });
});

describe('kcat under security (librdkafka SASL settings given with -X)', () => {
  it('-L lists only the topics alice may describe (Metadata for all topics leaves the others out)', () => {
    const sim = secured();
    run(sim, `kafka-topics.sh ${ADMIN} --create --topic payments --partitions 1 --replication-factor 3`);
    grant(sim, '--operation Describe --topic payments');
    const r = run(sim, `${KCAT_ALICE} -L`);
    expect(r.stdout).toContain('topic "payments"');
    expect(r.stdout).not.toContain('topic "orders"');
    expect(r.stdout).toContain(' 1 topics:');
  });

  it('-L -t orders without DESCRIBE: the broker answers TOPIC_AUTHORIZATION_FAILED for it', () => {
    const sim = secured();
    const r = run(sim, `${KCAT_ALICE} -L -t orders`);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('topic "orders" with 0 partitions: Broker: Topic authorization failed');
  });

  it('-P needs WRITE on the topic: refused, every message fails delivery and nothing is written', () => {
    const sim = secured();
    grant(sim, '--operation Describe --topic orders');
    const r = run(sim, [`${KCAT_ALICE} -P -t orders <<EOF`, 'a', 'b', 'EOF']);
    expect(r.stderr.split('\n')).toEqual([
      '% Delivery failed for message: Broker: Topic authorization failed',
      '% Delivery failed for message: Broker: Topic authorization failed',
    ]);
    expect(readModel(sim).partition('orders', 0)?.highWatermark).toBe(1);
    grant(sim, '--operation Write --topic orders');
    run(sim, [`${KCAT_ALICE} -P -t orders <<EOF`, 'a', 'EOF']);
    expect(readModel(sim).partition('orders', 0)?.highWatermark).toBe(2);
  });

  it('-C needs READ on the topic (Fetch): with only DESCRIBE the partition errors and nothing is printed', () => {
    const sim = secured();
    grant(sim, '--operation Describe --topic orders');
    const r = run(sim, `${KCAT_ALICE} -C -t orders -e`);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('% ERROR: Topic orders [0] error: Broker: Topic authorization failed');
    expect(lastDecision(sim)).toMatchObject({ api: 'Fetch', operation: 'READ', result: 'DENIED' });
    grant(sim, '--operation Read --topic orders');
    expect(run(sim, `${KCAT_ALICE} -C -t orders -e -q`).stdout).toBe('seed-record');
  });

  it('a wrong SASL password: a local authentication failure, nothing is read', () => {
    const sim = secured();
    const r = run(sim, `${KCAT_ALICE.replace('alice-secret', 'nope')} -C -t orders -e`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^% ERROR: Local: Authentication failure: /);
  });

  it('no security configured and none asked for: kcat dispatches no security command', () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    runConsoleLines(sim, [
      'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic t --partitions 1 --replication-factor 1',
      'kcat -b localhost:9092 -P -t t <<EOF',
      'x',
      'EOF',
      'kcat -b localhost:9092 -C -t t -e',
      'kcat -b localhost:9092 -L',
      'kafka-get-offsets.sh --bootstrap-server localhost:9092 --topic t',
    ]);
    expect(sim.log.some((c) => c.type.startsWith('security'))).toBe(false);
  });
});

describe('listings filtered by DESCRIBE', () => {
  it('kafka-topics.sh --list shows only topics alice may describe (KafkaApis#handleTopicMetadataRequest)', () => {
    const sim = secured();
    run(sim, `kafka-topics.sh ${ADMIN} --create --topic payments --partitions 1 --replication-factor 3`);
    expect(run(sim, `kafka-topics.sh ${ALICE} --list`).stdout).toBe('');
    grant(sim, '--operation Read --topic payments');
    expect(run(sim, `kafka-topics.sh ${ALICE} --list`).stdout).toBe('payments');
  });

  it('kafka-consumer-groups.sh --list shows only groups alice may describe, all of them with DESCRIBE on the cluster (KafkaApis#handleListGroupsRequest)', () => {
    const sim = secured();
    grant(sim, '--operation Read --topic orders');
    for (const g of ['billing', 'audit']) {
      run(
        sim,
        `kafka-console-consumer.sh ${ADMIN.replace('--command-config', '--consumer.config')} --topic orders --group ${g} --from-beginning`,
      );
    }
    expect(run(sim, `kafka-consumer-groups.sh ${ADMIN} --list`).stdout.split('\n').sort()).toEqual([
      'audit',
      'billing',
    ]);
    expect(run(sim, `kafka-consumer-groups.sh ${ALICE} --list`).stdout).toBe('');
    grant(sim, '--operation Read --group billing');
    expect(run(sim, `kafka-consumer-groups.sh ${ALICE} --list`).stdout).toBe('billing');
    grant(sim, '--operation Describe --cluster');
    expect(run(sim, `kafka-consumer-groups.sh ${ALICE} --list`).stdout.split('\n').sort()).toEqual([
      'audit',
      'billing',
    ]);
  });
});
