// kafka-transactions.sh and kafka-metadata-quorum.sh under security: each Admin call needs what Kafka's
// handler checks (KafkaApis#handleListTransactionsRequest, #handleDescribeTransactionsRequest,
// #handleDescribeProducersRequest, #handleWriteTxnMarkersRequest; ControllerApis#handleDescribeQuorum) and a
// refusal prints TransactionsCommand#printErrorAndExit's line with the Admin handler's message.
import { describe, expect, it } from 'vitest';
import { runConsoleLines } from '@/kafka-cli';
import { readModel, type Simulation } from '@/simulator';
import { ADMIN, secured } from './securityConsole.testkit';

const T = 'kafka-transactions.sh --bootstrap-server localhost:9092 --command-config alice.properties';
const DEBUG = ' Enable debug logging for additional detail.';

function run(sim: Simulation, lines: string | string[]) {
  const r = runConsoleLines(sim, lines);
  return r[r.length - 1];
}

function grant(sim: Simulation, acl: string): void {
  expect(run(sim, `kafka-acls.sh ${ADMIN} --add --allow-principal User:alice ${acl}`).exitCode).toBe(0);
}

/** The secured cluster with an open transaction of payments-app on payments-0 (the admin's producer). */
function openTransaction(timeout = ''): Simulation {
  const sim = secured();
  for (const l of [
    `kafka-topics.sh ${ADMIN} --create --topic payments --partitions 1 --replication-factor 3`,
    `producer create pay --transactional-id payments-app --command-config admin.properties${timeout}`,
    'producer begin pay',
    'producer send pay payments --partition 0 --key a hello',
    'clock advance 1s',
  ])
    expect(run(sim, l).exitCode).toBe(0);
  return sim;
}

const lastDecision = (sim: Simulation) => readModel(sim).security().decisions.at(-1);

describe('kafka-transactions.sh list (ListTransactions: DESCRIBE on each TransactionalId)', () => {
  it('transactions the principal may not describe are left out of the table, with no error', () => {
    const sim = openTransaction();
    const r = run(sim, `${T} list`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n')).toHaveLength(1); // the header only
    expect(lastDecision(sim)).toMatchObject({
      api: 'ListTransactions',
      operation: 'DESCRIBE',
      resource: 'TRANSACTIONAL_ID payments-app',
      result: 'DENIED',
    });
    grant(sim, '--operation Describe --transactional-id payments-app');
    expect(run(sim, `${T} list`).stdout).toContain('payments-app');
  });
});

describe('kafka-transactions.sh describe (FindCoordinator TRANSACTION, then DescribeTransactions)', () => {
  it('refused by FindCoordinator first, worded as CoordinatorStrategy words it', () => {
    const sim = openTransaction();
    const r = run(sim, `${T} describe --transactional-id payments-app`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      `Failed to describe transaction state of transactional-id \`payments-app\`: FindCoordinator request for transactionalId \`CoordinatorKey(idValue='payments-app', type=TRANSACTION)\` failed due to authorization failure.${DEBUG}`,
    );
    expect(lastDecision(sim)).toMatchObject({ api: 'FindCoordinator', result: 'DENIED' });
  });

  it('with DESCRIBE on the id but not on the topic, the partitions column leaves payments-0 out', () => {
    const sim = openTransaction();
    grant(sim, '--operation Describe --transactional-id payments-app');
    const row = run(sim, `${T} describe --transactional-id payments-app`).stdout.split('\n')[1];
    expect(row).toContain('payments-app');
    expect(row).not.toContain('payments-0');
    grant(sim, '--operation Describe --topic payments');
    expect(run(sim, `${T} describe --transactional-id payments-app`).stdout).toContain('payments-0');
  });
});

describe('kafka-transactions.sh describe-producers (Metadata, then DescribeProducers: READ on the topic)', () => {
  it('DESCRIBE on the topic finds the leader but DescribeProducers needs READ (DescribeProducersHandler wording)', () => {
    const sim = openTransaction();
    grant(sim, '--operation Describe --topic payments');
    const r = run(sim, `${T} describe-producers --topic payments --partition 0`);
    expect(r.stderr).toBe(
      `Failed to describe producers for partition payments-0 on leader: Failed to describe active producers for partition payments-0 due to authorization failure on topic \`payments\`.${DEBUG}`,
    );
    grant(sim, '--operation Read --topic payments');
    expect(run(sim, `${T} describe-producers --topic payments --partition 0`).exitCode).toBe(0);
  });

  it('without DESCRIBE the leader lookup fails first (PartitionLeaderStrategy wording)', () => {
    const sim = openTransaction();
    expect(run(sim, `${T} describe-producers --topic payments --partition 0`).stderr).toBe(
      `Failed to describe producers for partition payments-0 on leader: Failed to fetch metadata for partition payments-0 due to topic authorization failure.${DEBUG}`,
    );
  });
});

describe('kafka-transactions.sh abort (WriteTxnMarkers: ALTER or CLUSTER_ACTION on the Cluster)', () => {
  it('READ and WRITE on the topic are not enough: the marker write is refused and the transaction stays open', () => {
    const sim = openTransaction();
    grant(sim, '--operation Read --operation Write --topic payments');
    const r = run(sim, `${T} abort --topic payments --partition 0 --start-offset 0`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(
      /^Failed to abort transaction AbortTransactionSpec\(topicPartition=payments-0, producerId=\d+, producerEpoch=\d+, coordinatorEpoch=\d+\): WriteTxnMarkers request with AbortTransactionSpec\(.*\) failed due to cluster authorization error\. Enable debug logging for additional detail\.$/,
    );
    expect(lastDecision(sim)).toMatchObject({
      api: 'WriteTxnMarkers',
      operation: 'CLUSTER_ACTION',
      result: 'DENIED',
    });
    expect(readModel(sim).transactions()[0].state).toBe('Ongoing');
  });

  it('with CLUSTER_ACTION on the cluster the marker is written', () => {
    const sim = openTransaction();
    grant(sim, '--operation Read --topic payments');
    grant(sim, '--operation ClusterAction --cluster');
    const start = run(sim, `${T} describe-producers --topic payments --partition 0`)
      .stdout.split('\n')[1]
      .split('\t')
      .map((c) => c.trim())[5];
    const r = run(sim, `${T} abort --topic payments --partition 0 --start-offset ${start}`);
    expect(r).toMatchObject({ exitCode: 0, stderr: '' });
  });
});

describe('kafka-transactions.sh find-hanging under security', () => {
  it('a transaction whose id the principal may not describe looks hanging: ListTransactions left it out (TransactionsCommand#filterHangingTransactions)', () => {
    // transaction.timeout.ms of 15 min keeps the transaction open past --max-transaction-timeout 1 (min).
    const sim = openTransaction(' --producer-property transaction.timeout.ms=900000');
    grant(sim, '--operation Read --topic payments');
    run(sim, 'clock advance 2m');
    const hidden = run(sim, `${T} find-hanging --topic payments --max-transaction-timeout 1`);
    expect(hidden.exitCode).toBe(0);
    expect(hidden.stdout.split('\n')).toHaveLength(2);
    grant(sim, '--operation Describe --transactional-id payments-app');
    const seen = run(sim, `${T} find-hanging --topic payments --max-transaction-timeout 1`);
    expect(seen.stdout.split('\n')).toHaveLength(1);
  });

  it('without READ on the topic DescribeProducers fails the search', () => {
    const sim = openTransaction();
    grant(sim, '--operation Describe --topic payments');
    expect(run(sim, `${T} find-hanging --topic payments`).stderr).toBe(
      `Failed to describe producers for 1 partitions on broker Optional.empty: Failed to describe active producers for partition payments-0 due to authorization failure on topic \`payments\`.${DEBUG}`,
    );
  });
});

describe('kafka-metadata-quorum.sh under security (DescribeQuorum: DESCRIBE on the Cluster)', () => {
  const Q = 'kafka-metadata-quorum.sh --bootstrap-server localhost:9092 --command-config alice.properties';
  it('refused without DESCRIBE on the cluster: the tool prints the exception and its stack trace', () => {
    const sim = secured();
    const r = run(sim, `${Q} describe --status`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      'org.apache.kafka.common.errors.ClusterAuthorizationException: Cluster authorization failed.',
      'java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.ClusterAuthorizationException: Cluster authorization failed.',
    ]);
    expect(lastDecision(sim)).toMatchObject({
      api: 'DescribeQuorum',
      operation: 'DESCRIBE',
      resource: 'CLUSTER kafka-cluster',
    });
    grant(sim, '--operation Describe --cluster');
    expect(run(sim, `${Q} describe --status`).stdout).toContain('LeaderId:');
  });
});

describe('kafka-streams-application-reset.sh under security (StreamsResetter: Admin and consumer calls)', () => {
  const R =
    'kafka-streams-application-reset.sh --bootstrap-server localhost:9092 --command-config alice.properties --application-id app --input-topics clicks';
  function streamsTopics(): Simulation {
    const sim = secured();
    for (const t of ['clicks', 'app-counts-changelog'])
      expect(
        run(sim, `kafka-topics.sh ${ADMIN} --create --topic ${t} --partitions 1 --replication-factor 3`)
          .exitCode,
      ).toBe(0);
    return sim;
  }

  it('without DESCRIBE on the group the describeConsumerGroups coordinator lookup fails and nothing changes', () => {
    const sim = streamsTopics();
    const r = run(sim, R);
    expect(r).toMatchObject({
      exitCode: 1,
      stderr:
        "ERROR: java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.GroupAuthorizationException: FindCoordinator request for groupId `CoordinatorKey(idValue='app', type=GROUP)` failed due to authorization failure",
    });
    expect(readModel(sim).topic('app-counts-changelog')).not.toBeNull();
  });

  it('topics the principal may not describe are "not found" and not inferred internal (Admin#listTopics leaves them out)', () => {
    const sim = streamsTopics();
    grant(sim, '--operation Read --group app');
    const r = run(sim, R);
    expect(r.exitCode).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      'Reset-offsets for input topics [clicks]',
      'Following input topics are not found, skipping them',
      'Topic: clicks',
      'Deleting inferred internal topics []',
      'Done.',
    ]);
    expect(readModel(sim).topic('app-counts-changelog')).not.toBeNull();
  });

  it('READ on the input topic resets its offset; DESCRIBE without DELETE on the changelog fails its deletion', () => {
    const sim = streamsTopics();
    grant(sim, '--operation Read --group app');
    grant(sim, '--operation Read --topic clicks');
    grant(sim, '--operation Describe --topic app-counts-changelog');
    const r = run(sim, R);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('Topic: clicks Partition: 0 Offset: 0');
    expect(r.stdout).toContain('Deleting inferred internal topics [app-counts-changelog]');
    expect(r.stderr.split('\n')[0]).toBe('ERROR: deleting topic app-counts-changelog');
    expect(r.stderr.split('\n').at(-1)).toBe(
      'ERROR: java.lang.RuntimeException: Encountered an error deleting one or more topics',
    );
    expect(readModel(sim).topic('app-counts-changelog')).not.toBeNull();
    expect(
      readModel(sim)
        .group('app')
        ?.offsets.map((o) => [o.topic, o.offset]),
    ).toEqual([['clicks', 0]]);
    grant(sim, '--operation Delete --topic app-counts-changelog');
    expect(run(sim, R).exitCode).toBe(0);
    expect(readModel(sim).topic('app-counts-changelog')).toBeNull();
  });

  it('the consumer commit needs READ on the topic: DESCRIBE alone is refused by OffsetCommit and nothing is committed', () => {
    const sim = streamsTopics();
    grant(sim, '--operation Read --group app');
    grant(sim, '--operation Describe --topic clicks');
    const r = run(sim, R);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'ERROR: org.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access topics: [clicks]',
    );
    expect(readModel(sim).group('app')?.offsets ?? []).toEqual([]);
  });
});
