// kafka-transactions.sh against the simulated transaction coordinator, pinned to TransactionsCommand (KIP-664,
// Kafka 4.0): the tables' headers and rows (ToolsUtils#prettyPrintTable), "None" for an absent start offset or
// start time, printErrorAndExit's wording, and abort --start-offset writing an ABORT marker that frees the LSO.
import { describe, expect, it } from 'vitest';
import { consoleFor } from '@/kafka-cli';
import { readModel, Simulation } from '@/simulator';

const T = 'kafka-transactions.sh --bootstrap-server localhost:9092';

function openTransaction() {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  const s = consoleFor(sim);
  for (const l of [
    'kafka-topics.sh --create --topic payments --partitions 2 --replication-factor 3',
    'producer create pay --transactional-id payments-app',
    'producer begin pay',
    'producer send pay payments --partition 0 --key a hello',
    'producer send pay payments --partition 0 --key b world',
    'clock advance 1s',
  ])
    s.run(l);
  return { sim, s };
}

const table = (text: string) =>
  text.split('\n').map((l) =>
    l
      .split('\t')
      .map((c) => c.trim())
      .slice(0, -1),
  );

describe('kafka-transactions.sh (TransactionsCommand)', () => {
  it("list: TransactionalId, Coordinator, ProducerId, TransactionState; the coordinator leads the id's __transaction_state partition", () => {
    const { sim, s } = openTransaction();
    const t = table(s.run(`${T} list`).stdout);
    expect(t[0]).toEqual(['TransactionalId', 'Coordinator', 'ProducerId', 'TransactionState']);
    const coordinator = readModel(sim).transactions()[0].coordinator;
    expect(t[1]).toEqual(['payments-app', String(coordinator), '0', 'Ongoing']);
  });

  it('describe: the open transaction with its timeout, start time, duration and partitions', () => {
    const { s } = openTransaction();
    const t = table(s.run(`${T} describe --transactional-id payments-app`).stdout);
    expect(t[0]).toEqual([
      'CoordinatorId',
      'TransactionalId',
      'ProducerId',
      'ProducerEpoch',
      'TransactionState',
      'TransactionTimeoutMs',
      'CurrentTransactionStartTimeMs',
      'TransactionDurationMs',
      'TopicPartitions',
    ]);
    expect(t[1].slice(1)).toEqual(['payments-app', '0', '0', 'Ongoing', '60000', '0', '1000', 'payments-0']);
    expect(s.run(`${T} describe --transactional-id nope`)).toMatchObject({
      exitCode: 1,
      stderr:
        'Failed to describe transaction state of transactional-id `nope`: DescribeTransactions request for transactionalId `nope` failed because the ID could not be found. Enable debug logging for additional detail.',
    });
  });

  it('describe-producers: CurrentTransactionStartOffset is the first offset of the open transaction, None once it ends', () => {
    const { s } = openTransaction();
    const t = table(s.run(`${T} describe-producers --topic payments --partition 0`).stdout);
    expect(t[0]).toEqual([
      'ProducerId',
      'ProducerEpoch',
      'LatestCoordinatorEpoch',
      'LastSequence',
      'LastTimestamp',
      'CurrentTransactionStartOffset',
    ]);
    expect(t[1]).toEqual(['0', '0', '-1', '1', '0', '0']);
    s.run('producer commit pay');
    s.run('clock advance 1s');
    expect(table(s.run(`${T} describe-producers --topic payments --partition 0`).stdout)[1][5]).toBe('None');
  });

  it('abort --start-offset writes an ABORT marker for that producer: the last stable offset moves past the transaction', () => {
    const { sim, s } = openTransaction();
    expect(readModel(sim).partition('payments', 0)?.lastStableOffset).toBe(0);
    expect(s.run(`${T} abort --topic payments --partition 0 --start-offset 0`)).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
    s.run('clock advance 1s');
    expect(readModel(sim).partition('payments', 0)?.lastStableOffset).toBe(3);
    expect(s.run(`${T} abort --topic payments --partition 0 --start-offset 7`).stderr).toBe(
      'Could not find any open transactions starting at offset 7 on partition payments-0',
    );
    expect(s.run(`${T} abort --topic payments --partition 0`).stderr).toMatch(
      /^The transaction to abort must be identified either with --start-offset/,
    );
  });

  it('find-hanging needs --topic or --broker-id, and finds nothing after the coordinator timed the transaction out and aborted it (transaction.timeout.ms)', () => {
    const { s } = openTransaction();
    expect(s.run(`${T} find-hanging`).stderr).toBe(
      'The `find-hanging` command requires either --topic or --broker-id to limit the scope of the search',
    );
    s.run('clock advance 20m');
    expect(table(s.run(`${T} find-hanging --topic payments`).stdout)).toHaveLength(1);
  });
});

describe('the coordinator keeps a transaction in Prepare* until every marker is written (TransactionMarkerChannelManager)', () => {
  it('a partition without a leader gets its COMMIT marker once a leader is back; meanwhile new sends get CONCURRENT_TRANSACTIONS', () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    const s = consoleFor(sim);
    for (const l of [
      'kafka-topics.sh --create --topic ledger --partitions 1 --replication-factor 1',
      'producer create pay --transactional-id ledger-app',
      'producer begin pay',
      'producer send pay ledger --key a one',
      'clock advance 1s',
    ])
      s.run(l);
    const leader = readModel(sim).partition('ledger', 0)?.leader as number;
    s.run(`broker stop ${leader}`);
    s.run('clock advance 15s'); // fenced: ledger-0 has no leader (its only replica is down)
    expect(readModel(sim).partition('ledger', 0)?.leader).toBeNull();
    expect(s.run('producer commit pay').exitCode).toBe(0);
    const txnRow = () => table(s.run(`${T} describe --transactional-id ledger-app`).stdout)[1];
    expect(txnRow()[4]).toBe('PrepareCommit');
    expect(txnRow()[8]).toBe('ledger-0');
    s.run('producer begin pay');
    expect(s.run('producer send pay ledger --key b two').stderr).toMatch(/ConcurrentTransactionsException/);
    s.run(`broker start ${leader}`);
    s.run('clock advance 5s');
    expect(txnRow()[4]).toBe('CompleteCommit');
    const p = readModel(sim).partition('ledger', 0);
    expect(p?.lastStableOffset).toBe(p?.highWatermark);
    expect(p?.highWatermark).toBe(2); // the record and its COMMIT marker
  });
});

describe("__transaction_state is created with the coordinator's topic configs (TransactionStateManager#transactionTopicConfigs)", () => {
  it('compact, uncompressed, min.insync.replicas=2, 100 MiB segments, no unclean election; 50 partitions, RF 3', () => {
    const { s } = openTransaction();
    const head = s.run('kafka-topics.sh --describe --topic __transaction_state').stdout.split('\n')[0];
    expect(head).toMatch(/PartitionCount: 50\tReplicationFactor: 3\t/);
    expect(head).toContain(
      'Configs: cleanup.policy=compact,compression.type=uncompressed,min.insync.replicas=2,segment.bytes=104857600,unclean.leader.election.enable=false',
    );
  });
});
