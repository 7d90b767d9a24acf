// The share-groups area's slice of the simulation (state.areas.shareGroups) and its commands, events and tasks.
// The share-partition rules live in ../sharePartition.ts (pure functions); this area runs them on the virtual
// clock against the cluster's real partitions and high watermarks (KIP-932, Kafka 4.0 early access).
import type { TopicPartition } from '../../extend';
import type {
  AcknowledgementBatch,
  AcknowledgeType,
  AcquiredRecords,
  RecordState,
  ShareAutoOffsetReset,
  ShareGroupConfig,
  SharePartitionState,
} from '../types';

/** One member of a share group (ShareGroupMember): it subscribes to topics; the assignor decides partitions. */
export type ShareGroupMemberState = {
  memberId: string;
  clientId: string;
  host: string;
  topics: string[];
};

export type ShareGroupState = {
  groupId: string;
  /** share.auto.offset.reset (a group config, applied when a share-partition is first initialised). */
  autoOffsetReset: ShareAutoOffsetReset;
  /** Members in join order. */
  members: ShareGroupMemberState[];
  /** SimpleAssignor's result: every member gets every partition of its topics. */
  assignment: Record<string, TopicPartition[]>;
  /** Share-partitions by tpKey, created on the group's first fetch of the partition. */
  partitions: Record<string, SharePartitionState>;
  /**
   * The last records (at most SETTLED_KEPT per partition) that reached ACKNOWLEDGED or ARCHIVED, kept for views:
   * once below SPSO the broker forgets them, but a learner wants to see which were archived.
   */
  settled: Record<string, SettledRecord[]>;
};

export type SettledRecord = { offset: number; state: 'ACKNOWLEDGED' | 'ARCHIVED'; deliveryCount: number };

export type ShareGroupsAreaState = {
  /** Broker configs group.share.* (ShareGroupConfig; static broker configs in Kafka 4.0). */
  config: ShareGroupConfig;
  groups: Record<string, ShareGroupState>;
};

/** One record handed to a member by a ShareFetch. */
export type ShareFetchedRecord = TopicPartition & { offset: number; deliveryCount: number };

declare module '../../engine/registry' {
  interface AreaStates {
    shareGroups: ShareGroupsAreaState;
  }
  interface CommandMap {
    /**
     * A share consumer subscribes (KafkaShareConsumer#subscribe + first ShareGroupHeartbeat); creates the group.
     * Without memberId the client generates one (a random Uuid, as the 4.0 share consumer does).
     */
    shareGroupJoin: { groupId: string; memberId?: string; clientId: string; topics: string[]; host?: string };
    /** KafkaShareConsumer#close: the member leaves, its acquired records are released at once. */
    shareGroupLeave: { groupId: string; memberId: string };
    /** KafkaShareConsumer#poll: one ShareFetch over the member's assigned partitions, at most maxRecords. */
    shareGroupPoll: { groupId: string; memberId: string; maxRecords: number };
    /** KafkaShareConsumer#acknowledge + commitSync: one ShareAcknowledge for a partition. */
    shareGroupAcknowledge: {
      groupId: string;
      memberId: string;
      topic: string;
      partition: number;
      batches: AcknowledgementBatch[];
    };
    /** Group config share.auto.offset.reset (kafka-configs.sh --entity-type groups). */
    shareGroupSetAutoOffsetReset: { groupId: string; autoOffsetReset: ShareAutoOffsetReset };
    /** Broker configs group.share.record.lock.duration.ms / delivery.count.limit / partition.max.record.locks. */
    shareGroupSetBrokerConfig: { config: Partial<ShareGroupConfig> };
  }
  interface CommandResultMap {
    shareGroupJoin: { memberId: string };
    shareGroupPoll: { records: ShareFetchedRecord[] };
  }
  interface EventMap {
    shareGroupMemberJoined: { groupId: string; memberId: string; topics: string[] };
    shareGroupAssignmentChanged: { groupId: string; assignment: Record<string, TopicPartition[]> };
    shareGroupMemberLeft: { groupId: string; memberId: string };
    shareGroupConfigChanged: { groupId: string | null; name: string; value: string };
    sharePartitionInitialized: TopicPartition & { groupId: string; startOffset: number };
    shareRecordsAcquired: TopicPartition & { groupId: string; memberId: string; records: AcquiredRecords[] };
    shareRecordAcknowledged: TopicPartition & {
      groupId: string;
      memberId: string;
      offset: number;
      acknowledgeType: AcknowledgeType;
      newState: RecordState;
    };
    shareAcquisitionLockExpired: TopicPartition & {
      groupId: string;
      memberId: string;
      offset: number;
      newState: RecordState;
    };
    shareRecordsReleased: TopicPartition & { groupId: string; memberId: string; offsets: number[] };
    shareRecordArchived: TopicPartition & { groupId: string; offset: number; deliveryCount: number };
    shareStartOffsetAdvanced: TopicPartition & { groupId: string; from: number; to: number };
  }
  interface TaskMap {
    /** The acquisition-lock timer of one share-partition (stale runs find nothing expired and do nothing). */
    shareLockTimeout: { groupId: string; topic: string; partition: number };
  }
}
