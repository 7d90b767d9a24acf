// Transaction coordinator state (TransactionMetadata) and the transactional client's view, plain data.

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
