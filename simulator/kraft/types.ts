// The KRaft area's state (the controller quorum and the __cluster_metadata log, records named after Kafka's
// metadata record types), its commands, tasks, events and the signal by which brokers learn partition changes.
import type { BrokerId } from '../cluster/types';
import type { KafkaError } from '../engine/registry';

export type ControllerNode = { id: number; process: 'running' | 'stopped' };

export type MetadataRecord = { offset: number; epoch: number; time: number } & MetadataRecordBody;

export type MetadataRecordBody =
  | { type: 'RegisterBrokerRecord'; brokerId: BrokerId; brokerEpoch: number; fenced: boolean }
  | { type: 'BrokerRegistrationChangeRecord'; brokerId: BrokerId; brokerEpoch: number; fenced: boolean }
  | { type: 'TopicRecord'; name: string; topicId: string }
  | {
      type: 'PartitionRecord';
      topicId: string;
      partitionId: number;
      replicas: BrokerId[];
      isr: BrokerId[];
      leader: BrokerId | -1;
      leaderEpoch: number;
      partitionEpoch: number;
    }
  | {
      type: 'PartitionChangeRecord';
      topicId: string;
      partitionId: number;
      leader: BrokerId | -1;
      isr: BrokerId[];
      leaderEpoch: number;
      partitionEpoch: number;
      /** Why the controller changed it (not a Kafka field; for the views). */
      cause: string;
    }
  | {
      type: 'ConfigRecord';
      resourceType: 'TOPIC' | 'BROKER';
      resourceName: string;
      name: string;
      value: string | null;
    }
  | { type: 'RemoveTopicRecord'; topicId: string }
  | { type: 'ProducerIdsRecord'; brokerId: BrokerId; nextProducerId: number }
  | { type: 'LeaderChangeMessage'; leaderId: number };

export type Quorum = {
  voters: ControllerNode[];
  /** Active controller (Raft leader); null while an election is pending or the quorum has lost its majority. */
  leaderId: number | null;
  /** Raft leader epoch of the metadata log. */
  epoch: number;
  /** __cluster_metadata; its high watermark = its length (records are committed as they are appended here). */
  log: MetadataRecord[];
  /** An election is scheduled (controller.quorum.election.timeout.ms after the leader was lost). */
  electionPending: boolean;
  /** Next automatic preferred-leader check (auto.leader.rebalance.enable), if one is scheduled. */
  leaderImbalanceCheckAt: number | null;
  /**
   * Replicas of __cluster_metadata (controllers as voters, brokers as observers) that stopped fetching, by node
   * id: the log end offset they had and when they last fetched. Running nodes fetch continuously and are caught
   * up (a simplification: the simulation does not model fetch delays inside the quorum).
   */
  stoppedFetching: Record<string, { logEndOffset: number; time: number }>;
};

declare module '../engine/state' {
  interface SimInit {
    /** Number of KRaft controllers, ids 1000.. (default 3, separate from brokers). */
    controllers?: number;
  }
  interface SimState {
    quorum: Quorum;
  }
}

/** What the brokers must apply from a committed partition change (see SignalMap.partitionChangePublished). */
export type PartitionChange =
  /** New leader epoch: `leader` leads from its log end, the others follow it (PartitionChangeRecord). */
  | { kind: 'leader'; previousLeader: BrokerId | null; leader: BrokerId | null; isr: BrokerId[] }
  /** ISR-only change; `joined` is the replica an expansion added. */
  | { kind: 'isr'; joined: BrokerId | null }
  /** The replica set, or the set of replicas that can fetch, changed: followers start a new fetch session. */
  | { kind: 'replicas' };

export type ElectionKind = 'clean' | 'unclean' | 'preferred' | 'none';

export type ElectionResultEntry = {
  topic: string;
  partition: number;
  error: KafkaError | null;
  leader: BrokerId | null;
};

declare module '../engine/registry' {
  interface CommandMap {
    /** Stop KRaft controller `id` (1000..); losing the active one starts an election, losing the majority stops all metadata changes. */
    controllerStop: { id: number };
    /** Start controller `id` again; it rejoins the quorum. */
    controllerStart: { id: number };
    /** kafka-leader-election.sh: `partitions` omitted = all topic partitions. */
    electLeaders: {
      electionType: 'preferred' | 'unclean';
      partitions?: Array<{ topic: string; partition: number }>;
    };
    /** replicas: the target replica list in order (replicas[0] becomes the preferred leader). */
    alterPartitionReassignments: {
      reassignments: Array<{ topic: string; partition: number; replicas: BrokerId[] | null }>;
    };
  }
  interface CommandResultMap {
    electLeaders: { results: ElectionResultEntry[] };
  }
  interface TaskMap {
    controllerElection: { epoch: number };
    brokerSessionExpiry: { brokerId: number; generation: number };
    brokerRegistration: { brokerId: number; generation: number };
    brokerUnfence: { brokerId: number; generation: number };
    leaderImbalanceCheck: { at: number };
  }
  interface EventMap {
    controllerStopped: { controllerId: number };
    controllerStarted: { controllerId: number };
    controllerElected: { controllerId: number; epoch: number };
    quorumLost: { running: number[]; needed: number };
    metadataRecordAppended: { record: MetadataRecord };
    brokerRegistered: { brokerId: BrokerId; brokerEpoch: number };
    brokerFenced: { brokerId: BrokerId; cause: 'sessionTimeout' | 'controlledShutdown' | 'reregistration' };
    brokerUnfenced: { brokerId: BrokerId };
    leaderChanged: {
      topic: string;
      partition: number;
      leader: BrokerId | null;
      previousLeader: BrokerId | null;
      leaderEpoch: number;
      isr: BrokerId[];
      election: ElectionKind;
    };
    isrChanged: {
      topic: string;
      partition: number;
      isr: BrokerId[];
      previousIsr: BrokerId[];
      cause: 'shrink' | 'expand' | 'fenced' | 'election';
    };
    reassignmentStarted: {
      topic: string;
      partition: number;
      target: BrokerId[];
      adding: BrokerId[];
      removing: BrokerId[];
    };
    reassignmentCompleted: { topic: string; partition: number; replicas: BrokerId[]; removed: BrokerId[] };
    reassignmentCancelled: { topic: string; partition: number; replicas: BrokerId[]; dropped: BrokerId[] };
  }
  interface SignalMap {
    /** A partition change the controller committed reaches the brokers (kraft/metadataPublisher.ts). */
    partitionChangePublished: { topic: string; partition: number; change: PartitionChange };
  }
}
