// KRaft controller quorum and the __cluster_metadata log (records named after Kafka's metadata record types).
import type { BrokerId } from '../cluster/types';

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

declare module '../engine/registry' {
  interface SignalMap {
    /** A partition change the controller committed reaches the brokers (kraft/metadataPublisher.ts). */
    partitionChangePublished: { topic: string; partition: number; change: PartitionChange };
  }
}
