import { describe, expect, it } from 'vitest';
import { leaderReplica } from '../cluster/lookup';
import { Simulation } from '../index';
import { transactionCoordinatorPartition } from './coordinatorPartition';
import { lastStableOffset, readCommittedRecords, readUncommittedRecords } from './readCommitted';

function cluster() {
  const sim = new Simulation({ seed: 11, brokers: 3 });
  const must = (command: Parameters<Simulation['dispatch']>[0]) => {
    const result = sim.dispatch(command);
    if (!result.ok) throw new Error(`${command.type}: ${result.error.code} ${result.error.message}`);
    return result;
  };
  must({ type: 'createTopic', topic: 'payments', partitions: 1, replicationFactor: 3 });
  must({ type: 'createTopic', topic: 'audit', partitions: 1, replicationFactor: 3 });
  return { sim, must };
}

function leaderLog(sim: Simulation, topic: string, partition = 0) {
  const p = sim.state.topics[topic].partitions[partition];
  const leader = leaderReplica(p);
  if (!leader) throw new Error('no leader');
  return { log: leader.log, hw: leader.highWatermark };
}

function values(records: Array<{ value: string | null }>) {
  return records.map((r) => r.value);
}

describe('transactional producer', () => {
  it('coordinator partition is abs(transactionalId.hashCode()) % 50 (TransactionStateManager#partitionFor)', () => {
    expect(transactionCoordinatorPartition('my-transactional-id', 50)).toBe(46);
  });

  it('initTransactions creates __transaction_state and records the id there', () => {
    const { sim, must } = cluster();
    must({ type: 'producerCreate', name: 'tx', configs: { 'transactional.id': 'pay-tx' } });
    const topic = sim.state.topics.__transaction_state;
    expect(topic.partitions.length).toBe(50);
    const owner = topic.partitions[transactionCoordinatorPartition('pay-tx', 50)];
    const stored = leaderReplica(owner)!.log.segments.flatMap((s) => s.records);
    expect(stored.some((r) => r.key === 'pay-tx')).toBe(true);
    expect(sim.state.areas.transactions.coordinators['pay-tx'].state).toBe('Empty');
  });

  it('a send outside a transaction fails: "Cannot call send in state READY" (TransactionManager)', () => {
    const { sim, must } = cluster();
    must({ type: 'producerCreate', name: 'tx', configs: { 'transactional.id': 'pay-tx' } });
    const r = sim.dispatch({ type: 'producerSend', producer: 'tx', topic: 'payments', key: 'k', value: 'v' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('Cannot call send in state READY');
  });

  it('COMMIT markers take offsets of their own, in every partition of the transaction', () => {
    const { sim, must } = cluster();
    must({ type: 'producerCreate', name: 'tx', configs: { 'transactional.id': 'pay-tx' } });
    must({ type: 'producerBeginTransaction', producer: 'tx' });
    must({ type: 'producerSend', producer: 'tx', topic: 'payments', key: 'a', value: 'p1' });
    must({ type: 'producerSend', producer: 'tx', topic: 'payments', key: 'a', value: 'p2' });
    must({ type: 'producerSend', producer: 'tx', topic: 'audit', key: 'a', value: 'a1' });
    must({ type: 'producerCommitTransaction', producer: 'tx' });
    const payments = leaderLog(sim, 'payments');
    const all = payments.log.segments.flatMap((s) => s.records);
    expect(all.map((r) => r.offset)).toEqual([0, 1, 2]);
    expect(all[2].control).toEqual({ type: 'COMMIT' });
    expect(payments.log.logEndOffset).toBe(3);
    const audit = leaderLog(sim, 'audit').log.segments.flatMap((s) => s.records);
    expect(audit.map((r) => r.control?.type ?? 'data')).toEqual(['data', 'COMMIT']);
    // Markers are never handed to applications, in either isolation level.
    expect(values(readCommittedRecords(payments.log, payments.hw))).toEqual(['p1', 'p2']);
    expect(values(readUncommittedRecords(payments.log, payments.hw))).toEqual(['p1', 'p2']);
  });

  it('read_committed stops at the last stable offset while a transaction is open', () => {
    const { sim, must } = cluster();
    must({ type: 'producerCreate', name: 'plain', configs: {} });
    must({ type: 'producerSend', producer: 'plain', topic: 'payments', value: 'before' });
    must({ type: 'producerFlush', producer: 'plain' });
    must({ type: 'producerCreate', name: 'tx', configs: { 'transactional.id': 'pay-tx' } });
    must({ type: 'producerBeginTransaction', producer: 'tx' });
    must({ type: 'producerSend', producer: 'tx', topic: 'payments', value: 'in-txn' });
    must({ type: 'producerFlush', producer: 'tx' });
    must({ type: 'producerSend', producer: 'plain', topic: 'payments', value: 'after' });
    must({ type: 'producerFlush', producer: 'plain' });
    const { log, hw } = leaderLog(sim, 'payments');
    expect(hw).toBe(3);
    expect(lastStableOffset(log, hw)).toBe(1);
    expect(values(readCommittedRecords(log, hw))).toEqual(['before']);
    expect(values(readUncommittedRecords(log, hw))).toEqual(['before', 'in-txn', 'after']);
    must({ type: 'producerCommitTransaction', producer: 'tx' });
    const after = leaderLog(sim, 'payments');
    expect(lastStableOffset(after.log, after.hw)).toBe(after.hw);
    expect(values(readCommittedRecords(after.log, after.hw))).toEqual(['before', 'in-txn', 'after']);
  });

  it('abort: read_uncommitted still returns the aborted records, read_committed filters them out', () => {
    const { sim, must } = cluster();
    must({ type: 'producerCreate', name: 'tx', configs: { 'transactional.id': 'pay-tx' } });
    must({ type: 'producerBeginTransaction', producer: 'tx' });
    must({ type: 'producerSend', producer: 'tx', topic: 'payments', value: 'charge-1' });
    must({ type: 'producerAbortTransaction', producer: 'tx' });
    must({ type: 'producerBeginTransaction', producer: 'tx' });
    must({ type: 'producerSend', producer: 'tx', topic: 'payments', value: 'charge-2' });
    must({ type: 'producerCommitTransaction', producer: 'tx' });
    const { log, hw } = leaderLog(sim, 'payments');
    expect(log.segments.flatMap((s) => s.records).map((r) => r.control?.type ?? r.value)).toEqual([
      'charge-1',
      'ABORT',
      'charge-2',
      'COMMIT',
    ]);
    expect(values(readUncommittedRecords(log, hw))).toEqual(['charge-1', 'charge-2']);
    expect(values(readCommittedRecords(log, hw))).toEqual(['charge-2']);
  });

  it('zombie fencing: a new instance bumps the epoch, aborts the open transaction, and fences the old one with PRODUCER_FENCED', () => {
    const { sim, must } = cluster();
    must({ type: 'producerCreate', name: 'old', configs: { 'transactional.id': 'pay-tx' } });
    must({ type: 'producerBeginTransaction', producer: 'old' });
    must({ type: 'producerSend', producer: 'old', topic: 'payments', value: 'zombie-write' });
    must({ type: 'producerFlush', producer: 'old' });
    const epochBefore = sim.state.areas.transactions.coordinators['pay-tx'].producerEpoch;
    must({ type: 'producerCreate', name: 'new', configs: { 'transactional.id': 'pay-tx' } });
    const md = sim.state.areas.transactions.coordinators['pay-tx'];
    expect(md.producerEpoch).toBeGreaterThan(epochBefore);
    expect(sim.state.producers.new.producerId).toBe(sim.state.producers.old.producerId);
    const commit = sim.dispatch({ type: 'producerCommitTransaction', producer: 'old' });
    expect(commit.ok).toBe(false);
    if (!commit.ok) expect(commit.error.code).toBe('PRODUCER_FENCED');
    const { log, hw } = leaderLog(sim, 'payments');
    expect(values(readCommittedRecords(log, hw))).toEqual([]);
    expect(log.segments.flatMap((s) => s.records).at(-1)?.control).toEqual({ type: 'ABORT' });
  });

  it('transaction.timeout.ms: the coordinator aborts a hung transaction and fences its producer', () => {
    const { sim, must } = cluster();
    must({
      type: 'producerCreate',
      name: 'tx',
      configs: { 'transactional.id': 'pay-tx', 'transaction.timeout.ms': '10000' },
    });
    must({ type: 'producerBeginTransaction', producer: 'tx' });
    must({ type: 'producerSend', producer: 'tx', topic: 'payments', value: 'hung' });
    must({ type: 'producerFlush', producer: 'tx' });
    must({ type: 'advanceClock', ms: 9_000 });
    expect(sim.state.areas.transactions.coordinators['pay-tx'].state).toBe('Ongoing');
    must({ type: 'advanceClock', ms: 2_000 });
    expect(sim.state.areas.transactions.coordinators['pay-tx'].state).toBe('CompleteAbort');
    const { log, hw } = leaderLog(sim, 'payments');
    expect(lastStableOffset(log, hw)).toBe(hw);
    expect(values(readCommittedRecords(log, hw))).toEqual([]);
    const r = sim.dispatch({ type: 'producerCommitTransaction', producer: 'tx' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('PRODUCER_FENCED');
  });

  it('a transaction.timeout.ms above transaction.max.timeout.ms (900000) is refused', () => {
    const { sim } = cluster();
    sim.dispatch({
      type: 'producerCreate',
      name: 'tx',
      configs: { 'transactional.id': 'x', 'transaction.timeout.ms': '900001' },
    });
    expect(sim.state.areas.transactions.clients.tx).toBeUndefined();
    const r = sim.dispatch({ type: 'producerInitTransactions', producer: 'tx' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('INVALID_TRANSACTION_TIMEOUT');
  });

  it('sendOffsetsToTransaction: the group offsets are committed only if the transaction commits', () => {
    const { sim, must } = cluster();
    must({ type: 'producerCreate', name: 'tx', configs: { 'transactional.id': 'etl' } });
    must({ type: 'producerBeginTransaction', producer: 'tx' });
    must({ type: 'producerSend', producer: 'tx', topic: 'audit', value: 'out-1' });
    must({
      type: 'producerSendOffsetsToTransaction',
      producer: 'tx',
      groupId: 'etl-group',
      offsets: [{ topic: 'payments', partition: 0, offset: 1 }],
    });
    must({ type: 'producerAbortTransaction', producer: 'tx' });
    expect(sim.state.areas.consumers.groups['etl-group']?.offsets['payments-0']).toBeUndefined();
    must({ type: 'producerBeginTransaction', producer: 'tx' });
    must({ type: 'producerSend', producer: 'tx', topic: 'audit', value: 'out-1' });
    must({
      type: 'producerSendOffsetsToTransaction',
      producer: 'tx',
      groupId: 'etl-group',
      offsets: [{ topic: 'payments', partition: 0, offset: 1 }],
    });
    must({ type: 'producerCommitTransaction', producer: 'tx' });
    expect(sim.state.areas.consumers.groups['etl-group'].offsets['payments-0'].offset).toBe(1);
  });

  it('replays to byte-identical state (determinism)', () => {
    const { sim, must } = cluster();
    must({ type: 'producerCreate', name: 'tx', configs: { 'transactional.id': 'pay-tx' } });
    must({ type: 'producerBeginTransaction', producer: 'tx' });
    must({ type: 'producerSend', producer: 'tx', topic: 'payments', value: 'x' });
    must({ type: 'producerCommitTransaction', producer: 'tx' });
    expect(Simulation.replay(sim.init, sim.log).serialize()).toBe(sim.serialize());
  });

  it('the same consume-transform-produce loop without transactions duplicates output after a crash (at-least-once)', () => {
    const { sim, must } = cluster();
    must({ type: 'producerCreate', name: 'plain', configs: {} });
    // Process input offsets 0..1: write outputs, then crash before committing the consumer offset.
    must({ type: 'producerSend', producer: 'plain', topic: 'audit', value: 'out-0' });
    must({ type: 'producerSend', producer: 'plain', topic: 'audit', value: 'out-1' });
    must({ type: 'producerFlush', producer: 'plain' });
    must({ type: 'producerCrash', producer: 'plain' });
    // The restarted instance resumes from the last committed offset (none) and writes the outputs again.
    must({ type: 'producerCreate', name: 'plain-2', configs: {} });
    must({ type: 'producerSend', producer: 'plain-2', topic: 'audit', value: 'out-0' });
    must({ type: 'producerSend', producer: 'plain-2', topic: 'audit', value: 'out-1' });
    must({ type: 'producerFlush', producer: 'plain-2' });
    const { log, hw } = leaderLog(sim, 'audit');
    expect(values(readCommittedRecords(log, hw))).toEqual(['out-0', 'out-1', 'out-0', 'out-1']);
  });

  it('a read_committed consumer polls only committed records and measures lag to the LSO (FetchIsolation.TXN_COMMITTED)', () => {
    const { sim, must } = cluster();
    must({ type: 'producerCreate', name: 'tx', configs: { 'transactional.id': 'pay-tx' } });
    must({ type: 'producerBeginTransaction', producer: 'tx' });
    must({ type: 'producerSend', producer: 'tx', topic: 'payments', value: 'aborted' });
    must({ type: 'producerAbortTransaction', producer: 'tx' });
    must({ type: 'producerBeginTransaction', producer: 'tx' });
    must({ type: 'producerSend', producer: 'tx', topic: 'payments', value: 'kept' });
    must({ type: 'producerCommitTransaction', producer: 'tx' });
    must({ type: 'producerBeginTransaction', producer: 'tx' });
    must({ type: 'producerSend', producer: 'tx', topic: 'payments', value: 'open' });
    must({ type: 'producerFlush', producer: 'tx' });
    for (const [name, isolationLevel] of [
      ['committed', 'read_committed'],
      ['everything', 'read_uncommitted'],
    ] as const) {
      must({
        type: 'consumerCreate',
        name,
        config: {
          groupId: name,
          topics: ['payments'],
          autoOffsetReset: 'earliest',
          isolationLevel,
          enableAutoCommit: false,
        },
      });
    }
    must({ type: 'advanceClock', ms: 5_000 });
    const polled = (name: string) => {
      const r = sim.dispatch({ type: 'consumerPoll', name });
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.data.records.map((x) => x.value);
    };
    const committed = polled('committed');
    const everything = polled('everything');
    must({ type: 'advanceClock', ms: 1_000 });
    committed.push(...polled('committed'));
    everything.push(...polled('everything'));
    expect(committed).toEqual(['kept']);
    expect(everything).toEqual(['aborted', 'kept', 'open']);
    // Lag as kafka-consumer-groups reports it: to the LSO for read_committed (the open transaction's first offset).
    const lso = sim.state.topics.payments.partitions[0];
    const leader = leaderReplica(lso)!;
    expect(lastStableOffset(leader.log, leader.highWatermark)).toBe(4);
  });
});
