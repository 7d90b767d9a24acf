// Plain-data model of one share-partition, shaped like the broker's kafka.server.share.SharePartition
// (KIP-932). JSON-serialisable: arrays and records only, no Maps, no classes.

/** SharePartition.RecordState: the life of one in-flight record. */
export type RecordState = 'AVAILABLE' | 'ACQUIRED' | 'ACKNOWLEDGED' | 'ARCHIVED';

/** The acknowledgement types a share consumer sends (org.apache.kafka.clients.consumer.AcknowledgeType). */
export type AcknowledgeType = 'ACCEPT' | 'RELEASE' | 'REJECT';

/** share.auto.offset.reset (GroupConfig), applied once when the share-partition is first initialised. */
export type ShareAutoOffsetReset = 'latest' | 'earliest';

/** SharePartition.InFlightState, kept per offset (the broker may keep it per batch; see README). */
export interface InFlightRecord {
  offset: number;
  state: RecordState;
  /** How many times the record has been acquired (SharePartition increments it on every acquisition). */
  deliveryCount: number;
  /** The member holding the acquisition lock; null is the broker's EMPTY_MEMBER_ID. */
  memberId: string | null;
  /** Simulated time at which the acquisition lock expires; null when the record is not ACQUIRED. */
  lockExpiresAtMs: number | null;
}

export interface SharePartitionState {
  groupId: string;
  topic: string;
  partition: number;
  /** Share-partition start offset (SPSO): every offset below it is ACKNOWLEDGED or ARCHIVED. */
  startOffset: number;
  /**
   * Share-partition end offset (SPEO). As in SharePartition: the last in-flight offset while records are in
   * flight; equal to startOffset (the next offset to fetch) when nothing is in flight.
   */
  endOffset: number;
  /** In-flight records between SPSO and SPEO, sorted by offset. */
  inFlight: InFlightRecord[];
}

/** Broker-side share-group limits (ShareGroupConfig). */
export interface ShareGroupConfig {
  /** group.share.record.lock.duration.ms */
  recordLockDurationMs: number;
  /** group.share.delivery.count.limit */
  deliveryCountLimit: number;
  /** group.share.partition.max.record.locks */
  partitionMaxRecordLocks: number;
}

/** A contiguous range of records handed to a member, as in ShareFetchResponse's AcquiredRecords. */
export interface AcquiredRecords {
  firstOffset: number;
  lastOffset: number;
  deliveryCount: number;
}

/** One entry of a ShareAcknowledge (or piggy-backed ShareFetch) request. */
export interface AcknowledgementBatch {
  firstOffset: number;
  lastOffset: number;
  type: AcknowledgeType;
}

export type SharePartitionEvent =
  | {
      type: 'shareRecordsAcquired';
      reason: string;
      memberId: string;
      records: AcquiredRecords[];
    }
  | {
      type: 'shareRecordAcknowledged';
      reason: string;
      memberId: string;
      offset: number;
      acknowledgeType: AcknowledgeType;
      newState: RecordState;
    }
  | {
      type: 'shareAcquisitionLockExpired';
      reason: string;
      memberId: string;
      offset: number;
      newState: RecordState;
    }
  | {
      type: 'shareRecordsReleased';
      reason: string;
      memberId: string;
      offsets: number[];
    }
  | {
      type: 'shareRecordArchived';
      reason: string;
      offset: number;
      deliveryCount: number;
    }
  | {
      type: 'shareStartOffsetAdvanced';
      reason: string;
      from: number;
      to: number;
    };

/** Errors as the broker reports them (Errors.INVALID_RECORD_STATE, Errors.INVALID_REQUEST). */
export interface SharePartitionError {
  code: 'INVALID_RECORD_STATE' | 'INVALID_REQUEST';
  message: string;
}

export type ShareResult<T> =
  | { ok: true; state: SharePartitionState; value: T; events: SharePartitionEvent[] }
  | { ok: false; error: SharePartitionError };
