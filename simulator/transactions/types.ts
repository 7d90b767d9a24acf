// The transactions area's state (the transaction coordinator's TransactionMetadata and the transactional
// client's view, plain data), its commands, tasks and events.

/** Coordinator-side states (TransactionState in the transaction coordinator). */
export type TxnState =
  | 'Empty'
  | 'Ongoing'
  | 'PrepareCommit'
  | 'PrepareAbort'
  | 'CompleteCommit'
  | 'CompleteAbort'
  | 'PrepareEpochFence'
  | 'Dead';

export type PendingTxnOffsets = {
  groupId: string;
  offsets: Array<{ topic: string; partition: number; offset: number }>;
};

export type TransactionMetadata = {
  transactionalId: string;
  producerId: number;
  producerEpoch: number;
  state: TxnState;
  /** "topic-partition" names added to the ongoing transaction (AddPartitionsToTxn), in order of addition. */
  partitions: string[];
  /** Offsets sent with sendOffsetsToTransaction, committed to the group only if the transaction commits. */
  pendingOffsets: PendingTxnOffsets[];
  txnStartTime: number;
  transactionTimeoutMs: number;
  /** Counts transactions of this id, so a stale timeout task can tell it is not about the current one. */
  txnSerial: number;
  lastUpdate: number;
};

/** The producer-side TransactionManager state (simplified to what a learner can observe). */
export type ClientTxnState = { kind: 'ready' } | { kind: 'inTransaction' } | { kind: 'fenced'; why: string };

export type TransactionsArea = {
  /** By transactional.id. */
  coordinators: Record<string, TransactionMetadata>;
  /** By producer name (client.id), for producers with a transactional.id. */
  clients: Record<
    string,
    { transactionalId: string; state: ClientTxnState; producerId: number; producerEpoch: number }
  >;
  /** Producer id per transactional.id survives restarts (a new instance keeps the id and bumps the epoch). */
  nextProducerIdBase: number;
};

export const TRANSACTION_STATE_TOPIC = '__transaction_state';

export type TxnOffset = { topic: string; partition: number; offset: number };

declare module '../engine/registry' {
  interface AreaStates {
    transactions: TransactionsArea;
  }
  interface CommandMap {
    /** KafkaProducer#initTransactions (the console runs it when a producer is created with a transactional.id). */
    producerInitTransactions: { producer: string };
    /** KafkaProducer#beginTransaction (client side only: the coordinator hears of it with the first send). */
    producerBeginTransaction: { producer: string };
    /** KafkaProducer#sendOffsetsToTransaction: commit these consumer offsets only if the transaction commits. */
    producerSendOffsetsToTransaction: { producer: string; groupId: string; offsets: TxnOffset[] };
    /** KafkaProducer#commitTransaction: flush, then COMMIT markers into every partition of the transaction. */
    producerCommitTransaction: { producer: string };
    /** KafkaProducer#abortTransaction: flush, then ABORT markers (read_committed consumers skip the records). */
    producerAbortTransaction: { producer: string };
    /** The application dies: nothing is flushed, committed or aborted (the coordinator will time it out). */
    producerCrash: { producer: string };
    /** Admin#abortTransaction (kafka-transactions.sh abort): an ABORT marker for one producer on one partition. */
    txnAdminAbort: {
      topic: string;
      partition: number;
      producerId: number;
      producerEpoch: number;
      coordinatorEpoch: number;
    };
  }
  interface CommandResultMap {
    producerInitTransactions: { producerId: number; producerEpoch: number };
  }
  interface TaskMap {
    txnTimeout: { transactionalId: string; txnSerial: number };
    /** A partition owed a marker has a leader again: write the markers that are still missing. */
    txnMarkerRetry: { transactionalId: string };
  }
  interface EventMap {
    txnStateChanged: {
      transactionalId: string;
      producerId: number;
      producerEpoch: number;
      from: string;
      to: string;
      partitions: string[];
    };
    txnMarkerWritten: {
      transactionalId: string;
      producerId: number;
      topic: string;
      partition: number;
      offset: number;
      marker: 'COMMIT' | 'ABORT';
    };
    txnPartitionAdded: { transactionalId: string; topic: string; partition: number };
    producerFenced: { producer: string; transactionalId: string; producerEpoch: number; by: string };
    producerCrashed: { producer: string };
  }
}
