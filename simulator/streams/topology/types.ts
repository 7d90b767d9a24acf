// The compiled topology: plain JSON describing processor nodes, stores and internal topics exactly as
// Kafka Streams' InternalTopologyBuilder holds them after StreamsBuilder#build(). Expressions are kept as syntax
// trees; the runtime compiles them once.

import type { Expr } from '../expr/exprAst';

export type AggSpec =
  | { k: 'count' }
  | { k: 'reduce'; adder: Expr; subtractor?: Expr }
  | { k: 'aggregate'; init: Expr; adder: Expr; subtractor?: Expr; merger?: Expr };

/** How a processor reads a KTable it does not own (KTableValueGetter): a store, or computed through its parents. */
export type ValueGetter =
  | { t: 'store'; store: string }
  | { t: 'filter'; parent: ValueGetter; pred: Expr; not: boolean }
  | { t: 'mapValues'; parent: ValueGetter; value: Expr }
  | { t: 'join'; kind: 'inner' | 'left' | 'outer'; left: ValueGetter; right: ValueGetter; joiner: Expr };

export type SuppressSpec = {
  mode: 'windowCloses' | 'timeLimit';
  /** untilWindowCloses: the window's grace (plus the gap for sessions); untilTimeLimit: the limit. */
  durationMs: number;
  maxRecords: number | null;
  /** Suppressed.BufferConfig: untilWindowCloses only allows shutDownWhenFull (a StrictBufferConfig). */
  whenFull: 'emitEarly' | 'shutDown';
  /** Final results drop tombstones (FinalResultsSuppressionBuilder#safeToDropTombstones). */
  dropTombstones: boolean;
};

export type ProcOp =
  | { t: 'filter'; pred: Expr; not: boolean }
  | { t: 'map'; key: Expr; value: Expr }
  | { t: 'mapValues'; value: Expr }
  | { t: 'flatMap'; list: Expr; key: Expr; value: Expr }
  | { t: 'flatMapValues'; list: Expr }
  | { t: 'selectKey'; key: Expr }
  | { t: 'peek' }
  | { t: 'branch'; preds: Expr[]; children: string[] }
  | { t: 'passThrough'; role: 'merge' | 'branchChild' | 'repartitionFilter' | 'joinMerge' }
  | { t: 'toStream' }
  | { t: 'tableSource'; store: string | null; sendOldValues: boolean }
  | { t: 'tableFilter'; pred: Expr; not: boolean; sendOldValues: boolean }
  | { t: 'tableMapValues'; value: Expr; sendOldValues: boolean }
  | { t: 'tableSelect'; key: Expr; value: Expr | null }
  | { t: 'streamAggregate'; agg: AggSpec; store: string; sendOldValues: boolean }
  | {
      t: 'windowAggregate';
      sizeMs: number;
      advanceMs: number;
      graceMs: number;
      agg: AggSpec;
      store: string;
      sendOldValues: boolean;
    }
  | {
      t: 'slidingAggregate';
      diffMs: number;
      graceMs: number;
      agg: AggSpec;
      store: string;
      sendOldValues: boolean;
    }
  | {
      t: 'sessionAggregate';
      gapMs: number;
      graceMs: number;
      agg: AggSpec;
      store: string;
      sendOldValues: boolean;
    }
  | { t: 'tableAggregate'; agg: AggSpec; store: string; sendOldValues: boolean }
  | ({ t: 'suppress'; store: string } & SuppressSpec)
  | { t: 'joinWindow'; store: string }
  | {
      t: 'streamJoin';
      side: 'left' | 'right';
      /** This side emits (value, null) for unmatched records (left side of leftJoin, both sides of outerJoin). */
      outer: boolean;
      otherStore: string;
      outerStore: string | null;
      beforeMs: number;
      afterMs: number;
      windowBeforeMs: number;
      windowAfterMs: number;
      graceMs: number;
      joiner: Expr;
      /** Both sides share one stream-time tracker (KStreamImplJoin's TimeTrackerSupplier), keyed by this name. */
      tracker: string;
    }
  | { t: 'streamTableJoin'; left: boolean; joiner: Expr; table: ValueGetter }
  | { t: 'globalJoin'; left: boolean; keySelector: Expr; joiner: Expr; store: string }
  | {
      t: 'tableJoin';
      /** KTableKTableInnerJoin / LeftJoin / RightJoin / OuterJoin as Kafka picks them for this side. */
      kind: 'inner' | 'left' | 'right' | 'outer';
      /** The other side's value getter. */
      other: ValueGetter;
      joiner: Expr;
      /** True on the "other" side: the joiner is called (otherValue, thisValue) (AbstractStream#reverseJoiner). */
      reversed: boolean;
      sendOldValues: boolean;
    }
  | { t: 'tableJoinMerge'; sendOldValues: boolean }
  // The foreign-key table-table join (KIP-213, KTableImpl#doJoinOnForeignKey): five processors over two
  // repartition topics and a subscription store.
  | { t: 'fkSubscriptionSend'; foreignKey: Expr; leftJoin: boolean }
  | { t: 'fkSubscriptionReceive'; store: string }
  | { t: 'fkSubscriptionJoin'; foreign: ValueGetter }
  | { t: 'fkForeignJoin'; store: string }
  | { t: 'fkResponseJoin'; primary: ValueGetter; joiner: Expr; leftJoin: boolean };

export type SourceNode = {
  kind: 'source';
  name: string;
  topics: string[];
  children: string[];
  /** Global table source: read by every instance, no tasks. */
  global?: boolean;
};
export type ProcessorNode = {
  kind: 'processor';
  name: string;
  parents: string[];
  children: string[];
  stores: string[];
  op: ProcOp;
};
export type SinkNode = {
  kind: 'sink';
  name: string;
  parents: string[];
  topic: string;
  /**
   * The foreign-key join's response sink sends each response back to the partition its subscription came from
   * (SubscriptionResponseWrapper#primaryPartition), not to hash(key).
   */
  partitioner?: 'primaryPartition';
};
export type TopologyNode = SourceNode | ProcessorNode | SinkNode;

export type StoreType = 'keyValue' | 'window' | 'session' | 'joinWindow' | 'outerJoin' | 'suppress';

export type StoreSpec = {
  name: string;
  type: StoreType;
  /** Changelog topic enabled (every DSL store except global ones). */
  logging: boolean;
  global: boolean;
  retentionMs?: number;
  windowSizeMs?: number;
  /** Window stores of stream-stream joins keep every record (retainDuplicates). */
  retainDuplicates?: boolean;
  /** Timestamped stores keep the record timestamp beside the value (ValueAndTimestamp). */
};

export type InternalTopicKind = 'repartition' | 'changelog';

export type InternalTopicSpec = {
  /** Undecorated name, as describe() prints it; on the broker it is `<application.id>-<name>`. */
  name: string;
  kind: InternalTopicKind;
  configs: Record<string, string>;
  store?: string;
};

export type Subtopology = {
  id: number;
  /** Node names in the order they were added. */
  nodes: string[];
  /** Topics read by this sub-topology's tasks (external and repartition), undecorated. */
  sourceTopics: string[];
  sinkTopics: string[];
  stores: string[];
};

export type GlobalStoreDesc = { id: number; source: string; processor: string; store: string; topic: string };

export type Topology = {
  nodes: Record<string, TopologyNode>;
  /** Node names in the order the topology builder received them (nodeFactories order). */
  order: string[];
  subtopologies: Subtopology[];
  globalStores: GlobalStoreDesc[];
  stores: Record<string, StoreSpec>;
  internalTopics: Record<string, InternalTopicSpec>;
  /** Topic groups that must be co-partitioned (joins), undecorated names. */
  copartitionGroups: string[][];
  /** External topics the application reads / writes. */
  inputTopics: string[];
  outputTopics: string[];
};
