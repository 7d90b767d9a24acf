// The Streams area's state (state.areas.streams): applications running on the simulated cluster, their
// instances (num.stream.threads StreamThreads each, every thread a group member) and their tasks, plain JSON.
import type { StoreState, TaskState } from '../runtime/types';

export type ProcessingGuarantee = 'at_least_once' | 'exactly_once_v2';

/** STOPPED/CRASHED instances stay group members until session.timeout.ms expires. */
export type StreamsInstanceStatus = 'RUNNING' | 'STOPPED' | 'CRASHED';

/** One StreamThread of an instance: its own consumer (a member of group application.id) and producer. */
export type StreamThread = {
  /** 1-based, as in `StreamThread-1`. */
  index: number;
  /** `<application.id>-<processId>-StreamThread-N`. */
  name: string;
  /** The thread's main consumer's member id in the group: `<client.id>-<uuid>` (ClassicGroup#generateMemberId). */
  memberId: string;
  /** When the member joined: its heartbeats tick every heartbeat.interval.ms from here. */
  since: number;
  /** The thread's producer (a producer of the producer area; transactional under exactly_once_v2). */
  producer: string;
  /** exactly_once_v2: `<application.id>-<processId>-N`. */
  transactionalId: string | null;
  /** Bumped on every start and rebalance, so stale poll and commit tasks do nothing. */
  epoch: number;
  pollScheduled: boolean;
  commitScheduledAt: number | null;
  /** A transaction is open (exactly_once_v2). */
  inTransaction: boolean;
  /** Inside a commit (flushing the producer, ending the transaction): the poll loop waits for it. */
  committing: boolean;
  lastCommit: number;
  /** Last DeleteRecords of consumed repartition records (repartition.purge.interval.ms). */
  lastPurge: number;
};

/** A task's stores as the state directory keeps them, with the `.checkpoint` file's changelog offsets. */
export type LocalTaskState = {
  stores: Record<string, StoreState>;
  /** Store name -> the next changelog offset the local store does not contain yet. */
  checkpoint: Record<string, number>;
  /** Last write of the task directory (state.cleanup.delay.ms counts from here). */
  writtenAt: number;
};

/** A standby replica of a stateful task (StandbyTask): its stores follow the changelog, nothing else. */
export type StandbyTask = {
  thread: number;
  stores: Record<string, StoreState>;
  /** Store name -> next changelog offset to apply. */
  positions: Record<string, number>;
};

/** The GlobalStreamThread of an instance: a full copy of every GlobalKTable, read by a consumer with no group. */
export type GlobalThreadState = {
  /** `<application.id>-<processId>-GlobalStreamThread`. */
  thread: string;
  /** `<application.id>-<processId>-global-consumer` (StreamsConfig#getGlobalConsumerConfigs). */
  consumer: string;
  stores: Record<string, StoreState>;
  /** Next offset per "topic-partition" of the global topics. */
  positions: Record<string, number>;
};

/** A KafkaStreams instance (one process) with num.stream.threads StreamThreads. */
export type StreamsInstance = {
  name: string;
  /** The instance's process id (a UUID kept in the state directory, StateDirectory#initializeProcessId). */
  processId: string;
  status: StreamsInstanceStatus;
  /** Its members are in the group (a stopped or crashed instance stays until session.timeout.ms). */
  inGroup: boolean;
  /** Bumped at every start of this instance name, so a stale session timeout does nothing. */
  incarnation: number;
  threads: StreamThread[];
  /** The state directory (state.dir) of this machine: task id -> local stores and checkpoint. */
  stateDir: Record<string, LocalTaskState>;
  /** Standby tasks this instance hosts, by task id. */
  standbys: Record<string, StandbyTask>;
  /** The global thread, when the topology has global tables. */
  global: GlobalThreadState | null;
};

export type StoreRestore = {
  store: string;
  topic: string;
  start: number;
  end: number;
  next: number;
  state: StoreState;
};

export type StreamsTaskStatus = 'RESTORING' | 'RUNNING';

/** An active task on its owner (StreamTask), or a task no live instance owns. */
export type StreamsTask = {
  id: string;
  subtopology: number;
  partition: number;
  /** Broker topic names this task reads (internal ones decorated). */
  sources: string[];
  owner: string | null;
  /** The owner's thread (index) that runs the task. */
  thread: number | null;
  status: StreamsTaskStatus;
  /** The pure task (stores, stream times, metrics); null until the owner has it. */
  state: TaskState | null;
  /** Stores still being restored from their changelogs (offsets of the changelog partition). */
  restoring: StoreRestore[];
  /** Next offset to read per source partition ("topic-partition"). */
  positions: Record<string, number>;
  /** Offsets processed since the last commit. */
  dirty: boolean;
  /** Records each processor received (for the topology view). */
  nodeCounts: Record<string, number>;
  /** Changelog records written since the last checkpoint (OFFSET_DELTA_THRESHOLD_FOR_CHECKPOINT). */
  sinceCheckpoint: number;
  /** The last late records windowed processors dropped (for the window view), newest last. */
  late: Array<{ node: string; key: string | null; timestamp: number }>;
};

/** The group's join phase in progress (classic protocol, as the group coordinator runs it). */
export type StreamsJoinPhase = {
  startedAt: number;
  /** The earliest time the join can complete (initial delay, or the live members' next heartbeat). */
  deadline: number;
  /** An empty group waits group.initial.rebalance.delay.ms for more members. */
  initial: boolean;
  reason: string;
};

export type StreamsAppState = 'CREATED' | 'REBALANCING' | 'RUNNING' | 'NOT_RUNNING' | 'ERROR';

export type StreamsApp = {
  applicationId: string;
  dsl: string;
  guarantee: ProcessingGuarantee;
  commitIntervalMs: number;
  /** statestore.cache.max.bytes per task (0: every update goes downstream at once). */
  cacheMaxBytes: number;
  /** num.stream.threads (default 1). */
  numStreamThreads: number;
  /** num.standby.replicas (default 0). */
  numStandbyReplicas: number;
  /** repartition.purge.interval.ms (default 30000). */
  repartitionPurgeIntervalMs: number;
  state: StreamsAppState;
  error: string | null;
  instances: Record<string, StreamsInstance>;
  tasks: Record<string, StreamsTask>;
  /** Partition counts of every topic the application reads or writes (internal ones undecorated). */
  partitions: Record<string, number>;
  generation: number;
  /** The rebalance in progress, or null when the group is Stable (or Empty). */
  join: StreamsJoinPhase | null;
  /** Output records sent, by topic (what the app wrote; duplicates included). */
  sent: Record<string, number>;
  /** Instances that crashed (streamsInstanceCrash), over the application's life. */
  crashes: number;
};

export type StreamsAreaState = { apps: Record<string, StreamsApp> };

export type StreamsConfigs = Record<string, string>;

declare module '../../engine/registry' {
  interface AreaStates {
    streams: StreamsAreaState;
  }
  interface CommandMap {
    /** Define a Kafka Streams application from DSL text (new KafkaStreams(topology, props)); nothing runs yet. */
    streamsAppCreate: { app: string; dsl: string; configs?: StreamsConfigs };
    /** Start an instance (KafkaStreams#start): creates internal topics, joins the group, gets tasks. */
    streamsInstanceStart: { app: string; instance: string };
    /** KafkaStreams#close: commit, leave the group; its tasks move to the other instances. */
    streamsInstanceStop: { app: string; instance: string };
    /** The process dies: nothing is committed; the group notices after session.timeout.ms. */
    streamsInstanceCrash: { app: string; instance: string };
    /** kafka-streams-application-reset: delete internal topics, move input offsets (app must be stopped). */
    streamsAppReset: {
      app: string;
      inputTopics?: string[];
      /** false: --to-latest; default --to-earliest. */
      toEarliest?: boolean;
      dryRun?: boolean;
      force?: boolean;
      /**
       * Delete only these of the inferred internal topics (under security the tool infers them from what
       * Admin#listTopics let it see, and DeleteTopics may refuse some); default every inferred one.
       */
      deleteOnly?: string[];
    };
    /** Forget an application definition (its topics and offsets stay). */
    streamsAppDelete: { app: string };
  }
  interface CommandResultMap {
    streamsAppCreate: { subtopologies: number; internalTopics: string[] };
    streamsAppReset: {
      deletedTopics: string[];
      offsets: Array<{ topic: string; partition: number; offset: number }>;
    };
  }
  interface TaskMap {
    /** One StreamThread#runOnce: restore, or poll records below the HW (LSO) and process them. */
    streamsPoll: { app: string; instance: string; thread: number; epoch: number };
    /** commit.interval.ms elapsed: commit the thread's tasks. */
    streamsCommit: { app: string; instance: string; thread: number; epoch: number };
    /** session.timeout.ms after a crash: the group coordinator removes the dead members. */
    streamsSessionTimeout: { app: string; instance: string; incarnation: number };
    /** The join phase may end: every live member has rejoined (unless a dead member still holds it up). */
    streamsJoinDeadline: { app: string; at: number };
  }
  interface EventMap {
    streamsAppCreated: { app: string };
    streamsStateChanged: { app: string; from: StreamsAppState; to: StreamsAppState };
    streamsInstanceStarted: { app: string; instance: string; processId: string };
    streamsInstanceStopped: { app: string; instance: string; crashed: boolean };
    streamsTasksAssigned: {
      app: string;
      generation: number;
      /** Thread name -> active task ids. */
      assignment: Record<string, string[]>;
      /** Thread name -> standby task ids. */
      standbys: Record<string, string[]>;
    };
    /** Cooperative rebalancing: an owner gives up tasks that move (committed, closed, checkpointed). */
    streamsTasksRevoked: { app: string; thread: string; tasks: string[] };
    /** DeleteRecords of the repartition records every task has consumed (TaskManager#maybePurgeCommittedRecords). */
    streamsRepartitionPurged: {
      app: string;
      thread: string;
      purged: Array<{ topic: string; partition: number; before: number }>;
    };
    streamsRestore: {
      app: string;
      task: string;
      store: string;
      restored: number;
      total: number;
      done: boolean;
      /** Where the restore starts: the log start (no local state), a checkpoint, or a standby's position. */
      from?: 'log-start' | 'checkpoint' | 'standby';
    };
    streamsProcessed: { app: string; task: string; records: number; outputs: number; changelog: number };
    streamsCommitted: {
      app: string;
      instance: string;
      offsets: Array<{ topic: string; partition: number; offset: number }>;
      transactional: boolean;
    };
    /** What a processor did to one record (a dropped late record, a suppress emit, ...). */
    streamsRecordEvent: { app: string; task: string; kind: string; node: string };
    streamsAppReset: { app: string; deletedTopics: string[] };
    streamsAppDeleted: { app: string };
  }
}
