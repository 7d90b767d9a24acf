// The cluster area's state (brokers, topics, partitions and their replicas: plain data), its commands, tasks
// and events.
import type { PartitionLog } from '../log/types';

export type BrokerId = number;

export type Broker = {
  id: BrokerId;
  /** The broker process: a stopped broker keeps its logs on disk. */
  process: 'running' | 'stopped';
  /** An isolated broker runs but reaches nobody (controllers, brokers, clients). */
  network: 'connected' | 'isolated';
  /** The controller's view (BrokerRegistrationChangeRecord): fenced brokers lead nothing and leave ISRs. */
  registration: 'fenced' | 'unfenced';
  /** Incremented on each registration (RegisterBrokerRecord.brokerEpoch). */
  brokerEpoch: number;
  /** Bumped on every stop/start/isolate/heal; scheduled tasks carry it and are ignored when stale. */
  generation: number;
  /** Virtual time the process (re)started; periodic broker jobs are phased from it. */
  startedAt: number;
  /** Virtual time of the last heartbeat the active controller received (lazy: refreshed on demand). */
  lastHeartbeatAt: number;
  /** The pending isr-expiration check (ReplicaManager schedules it every replica.lag.time.max.ms / 2), if any. */
  isrCheckAt: number | null;
};

/** A replica of one partition on one broker. */
export type Replica = {
  brokerId: BrokerId;
  log: PartitionLog;
  /** This replica's local high watermark (the leader's is the partition's). */
  highWatermark: number;
  /** Leader-side bookkeeping of this follower (Replica.scala): valid for the current leader epoch. */
  follower: FollowerState;
  /** Broker-side idempotence state (ProducerStateManager): last batches per producer id. */
  producers: Record<number, ProducerStateEntry>;
};

export type FollowerState = {
  /** LEO the leader last saw in a fetch from this follower. */
  fetchOffset: number;
  lastCaughtUpTime: number;
  lastFetchTime: number;
  lastFetchLeaderLogEndOffset: number;
  /** The follower's fetch loop: idle (not fetching), a request/response in flight, or parked at the leader. */
  fetch: 'idle' | 'inflight' | 'parked';
  /** HW sent in the last fetch response (to wake a parked fetch when the HW moves). */
  sentHighWatermark: number;
};

/** Last batches of one producer on one partition (ProducerStateEntry keeps NUM_BATCHES_TO_RETAIN = 5). */
export type ProducerStateEntry = {
  producerEpoch: number;
  batches: Array<{
    firstSeq: number;
    lastSeq: number;
    firstOffset: number;
    lastOffset: number;
    timestamp: number;
  }>;
};

/** An acks=all produce parked in the leader's purgatory until the HW passes it (DelayedProduce). */
export type PendingProduce = {
  requestId: number;
  producer: string;
  batchId: number;
  baseOffset: number;
  lastOffset: number;
  logAppendTime: number;
  expiresAt: number;
};

export type Partition = {
  topic: string;
  partition: number;
  /** Replica assignment in order; replicas[0] is the preferred leader. */
  replicas: BrokerId[];
  isr: BrokerId[];
  leader: BrokerId | null;
  leaderEpoch: number;
  partitionEpoch: number;
  /** Bumped whenever leader/ISR/replica logs change in a way that invalidates in-flight fetches. */
  fetchSession: number;
  replicaLogs: Record<BrokerId, Replica>;
  pendingProduces: PendingProduce[];
  /** An ongoing reassignment (kafka-reassign-partitions): replicas being added / removed (describe prints them). */
  addingReplicas: BrokerId[];
  removingReplicas: BrokerId[];
};

export type Topic = {
  name: string;
  topicId: string;
  /** Topic-level overrides only (what kafka-configs --describe lists); defaults come from topicConfig.ts. */
  configs: Record<string, string>;
  partitions: Partition[];
  internal: boolean;
};

declare module '../engine/state' {
  interface SimInit {
    /** Number of brokers, ids 1..N (default 3). */
    brokers?: number;
    /** Broker config overrides (server.properties), e.g. { 'auto.create.topics.enable': 'false' }. */
    brokerConfig?: Record<string, string>;
    /** One-way network latency in virtual ms (default 1). */
    latencyMs?: number;
  }
  interface SimState {
    /** The KRaft cluster id (a random Uuid drawn at bootstrap). */
    clusterId: string;
    /** One-way latency of every network hop, in virtual ms. */
    latencyMs: number;
    /** server.properties: BROKER_CONFIG_DEFAULTS plus the init's overrides. */
    brokerConfig: Record<string, string>;
    brokers: Record<BrokerId, Broker>;
    topics: Record<string, Topic>;
  }
}

export type CreateTopicSpec = {
  topic: string;
  /** Default num.partitions (1). */
  partitions?: number;
  /** Default default.replication.factor (1). */
  replicationFactor?: number;
  /** Explicit assignment (kafka-topics --replica-assignment): partition → broker ids. */
  assignment?: BrokerId[][];
  configs?: Record<string, string>;
};

declare module '../engine/registry' {
  interface CommandMap {
    /** crash (default): the controller notices after broker.session.timeout.ms; controlled: leadership moves first. */
    brokerStop: { id: BrokerId; mode?: 'crash' | 'controlled' };
    /** Restart a stopped broker: it registers again and is unfenced once caught up with the metadata log. */
    brokerStart: { id: BrokerId };
    /** Cut the broker off from controllers, brokers and clients (it keeps running). */
    brokerIsolate: { id: BrokerId };
    /** Reconnect an isolated broker. */
    brokerHeal: { id: BrokerId };
    /** A new, empty broker with the next free id. */
    brokerAdd: Record<string, never>;
    /** kafka-topics --create (placement, config validation and errors as the admin client reports them). */
    createTopic: CreateTopicSpec;
    /** kafka-topics --delete: partitions and logs go from every broker. */
    deleteTopic: { topic: string };
    /** kafka-topics --alter --partitions N (only grows). */
    createPartitions: { topic: string; totalCount: number };
    /** kafka-configs --alter: set and/or delete topic config overrides. */
    alterTopicConfigs: { topic: string; set?: Record<string, string>; delete?: string[] };
  }
  interface CommandResultMap {
    brokerAdd: { id: BrokerId };
    createTopic: { topicId: string; assignment: BrokerId[][] };
  }
  interface TaskMap {
    uncleanElectionCheck: { topic: string };
  }
  interface EventMap {
    clusterStarted: { brokers: BrokerId[]; controllers: number[]; clusterId: string };
    brokerStopped: { brokerId: BrokerId; mode: 'crash' | 'controlled' };
    brokerStarted: { brokerId: BrokerId };
    brokerIsolated: { brokerId: BrokerId };
    brokerHealed: { brokerId: BrokerId };
    brokerAdded: { brokerId: BrokerId };
    topicCreated: {
      topic: string;
      topicId: string;
      partitions: number;
      replicationFactor: number;
      assignment: BrokerId[][];
      autoCreated: boolean;
    };
    topicDeleted: { topic: string; topicId: string };
    partitionsAdded: { topic: string; from: number; to: number; assignment: BrokerId[][] };
    topicConfigChanged: { topic: string; name: string; value: string | null };
  }
}
