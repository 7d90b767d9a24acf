// The Streams area's state (state.areas.streams): applications running on the simulated cluster, their
// instances (one StreamThread each) and their tasks, plain JSON. Commands, tasks and events it declares.
import type { StoreState, TaskState } from '../runtime/types';

export type ProcessingGuarantee = 'at_least_once' | 'exactly_once_v2';

/** STOPPED/CRASHED instances stay group members until session.timeout.ms expires. */
export type StreamsInstanceStatus = 'RUNNING' | 'STOPPED' | 'CRASHED';

/** A KafkaStreams instance (one process) with one StreamThread (num.stream.threads=1). */
export type StreamsInstance = {
  name: string;
  /** The instance's process id (a UUID drawn at start, as KafkaStreams does). */
  processId: string;
  status: StreamsInstanceStatus;
  /** `<application.id>-<processId>-StreamThread-1`. */
  thread: string;
  /** The thread's producer (a producer of the producer area; transactional under exactly_once_v2). */
  producer: string;
  /** exactly_once_v2: `<application.id>-<processId>-1`. */
  transactionalId: string | null;
  /** Bumped on every start and rebalance, so stale poll and commit tasks do nothing. */
  epoch: number;
  pollScheduled: boolean;
  commitScheduledAt: number | null;
  /** A transaction is open (exactly_once_v2). */
  inTransaction: boolean;
  lastCommit: number;
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
};

export type StreamsAppState = 'CREATED' | 'REBALANCING' | 'RUNNING' | 'NOT_RUNNING' | 'ERROR';

export type StreamsApp = {
  applicationId: string;
  dsl: string;
  guarantee: ProcessingGuarantee;
  commitIntervalMs: number;
  /** statestore.cache.max.bytes per task (0: every update goes downstream at once). */
  cacheMaxBytes: number;
  state: StreamsAppState;
  error: string | null;
  instances: Record<string, StreamsInstance>;
  tasks: Record<string, StreamsTask>;
  /** Partition counts of every topic the application reads or writes (internal ones undecorated). */
  partitions: Record<string, number>;
  generation: number;
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
    streamsPoll: { app: string; instance: string; epoch: number };
    /** commit.interval.ms elapsed: commit the thread's tasks. */
    streamsCommit: { app: string; instance: string; epoch: number };
    /** session.timeout.ms after a crash: the group coordinator removes the dead member. */
    streamsSessionTimeout: { app: string; instance: string; processId: string };
  }
  interface EventMap {
    streamsAppCreated: { app: string };
    streamsStateChanged: { app: string; from: StreamsAppState; to: StreamsAppState };
    streamsInstanceStarted: { app: string; instance: string; processId: string };
    streamsInstanceStopped: { app: string; instance: string; crashed: boolean };
    streamsTasksAssigned: { app: string; generation: number; assignment: Record<string, string[]> };
    streamsRestore: {
      app: string;
      task: string;
      store: string;
      restored: number;
      total: number;
      done: boolean;
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
