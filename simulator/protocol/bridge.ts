// The protocol layer's one window on simulation state. Every read the handlers make goes through here, so this
// file is what changes when the simulator's read model (simulator/read/) replaces direct state access.
import { isBrokerAlive, isBrokerUnfenced } from '../cluster/lookup';
import { BROKER_CONFIG_DEFAULTS, brokerConfig, TOPIC_CONFIGS } from '../cluster/topicConfig';
import type { Partition, Topic } from '../cluster/types';
import { CONSUMER_OFFSETS_TOPIC, coordinatorAvailable, coordinatorId } from '../consumer/group/offsetsTopic';
import type { GroupRecord } from '../consumer/types';
import { type LogRecord, readRecords } from '../log';
import { collectAbortedTransactions } from '../log/transactionIndex';
import { readModel } from '../read/index';
import type { Simulation } from '../simulation';

export type PartitionView = {
  topic: string;
  partition: number;
  leader: number | null;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
  offline: number[];
  highWatermark: number;
  lastStableOffset: number;
  logStartOffset: number;
  logEndOffset: number;
};

export function brokerIds(sim: Simulation): number[] {
  return Object.keys(sim.state.brokers)
    .map(Number)
    .sort((a, b) => a - b);
}

/** The broker process runs and is reachable: its listener accepts connections. */
export function brokerServing(sim: Simulation, id: number): boolean {
  return isBrokerAlive(sim.state, id);
}

/** Brokers a Metadata response lists: alive and registered unfenced (KRaftMetadataCache#getAliveBrokerNodes). */
export function metadataBrokers(sim: Simulation): number[] {
  return brokerIds(sim).filter((id) => isBrokerAlive(sim.state, id) && isBrokerUnfenced(sim.state, id));
}

export function clusterId(sim: Simulation): string {
  return sim.state.clusterId;
}

export function topicNames(sim: Simulation): string[] {
  return Object.keys(sim.state.topics).sort();
}

export function getTopic(sim: Simulation, name: string): Topic | undefined {
  return sim.state.topics[name];
}

export function topicById(sim: Simulation, id: string): Topic | undefined {
  for (const t of Object.values(sim.state.topics)) if (t.topicId === id) return t;
  return undefined;
}

function partitionOf(sim: Simulation, topic: string, partition: number): Partition | undefined {
  return sim.state.topics[topic]?.partitions[partition];
}

/** A partition as the wire protocol reports it, from the simulator's read model (one HW and LSO rule). */
export function partitionView(sim: Simulation, topic: string, partition: number): PartitionView | undefined {
  const p = readModel(sim).partition(topic, partition);
  if (!p) return undefined;
  // Without a leader the handlers answer LEADER_NOT_AVAILABLE, so no offsets are reported.
  const led = p.leader !== null;
  return {
    topic,
    partition,
    leader: p.leader,
    leaderEpoch: p.leaderEpoch,
    replicas: [...p.replicas],
    isr: [...p.isr],
    offline: p.replicas.filter((id) => !isBrokerAlive(sim.state, id)),
    highWatermark: led ? p.highWatermark : 0,
    lastStableOffset: led ? p.lastStableOffset : 0,
    logStartOffset: led ? p.logStartOffset : 0,
    logEndOffset: led ? p.logEndOffset : 0,
  };
}

export type ReadOutcome =
  | { kind: 'records'; records: LogRecord[] }
  | { kind: 'offsetOutOfRange' }
  | { kind: 'noLeader' };

/** Records of the leader's log in [from, upTo), at most `max`. */
export function readLeaderLog(
  sim: Simulation,
  topic: string,
  partition: number,
  from: number,
  upTo: number,
  max: number,
): ReadOutcome {
  const p = partitionOf(sim, topic, partition);
  if (!p || p.leader === null) return { kind: 'noLeader' };
  const r = readRecords(p.replicaLogs[p.leader].log, from, upTo, max);
  return r.kind === 'records' ? { kind: 'records', records: r.records } : { kind: 'offsetOutOfRange' };
}

/** Aborted transactions overlapping [from, to) on the leader (the .txnindex a read_committed fetch returns). */
export function abortedTransactions(
  sim: Simulation,
  topic: string,
  partition: number,
  from: number,
  to: number,
) {
  const p = partitionOf(sim, topic, partition);
  if (!p || p.leader === null) return [];
  return collectAbortedTransactions(p.replicaLogs[p.leader].log, from, to);
}

/** Every record of the leader's log below `upTo` (ListOffsets by timestamp / max timestamp). */
export function leaderRecords(sim: Simulation, topic: string, partition: number, upTo: number): LogRecord[] {
  const p = partitionOf(sim, topic, partition);
  if (!p || p.leader === null) return [];
  const log = p.replicaLogs[p.leader].log;
  const out: LogRecord[] = [];
  for (const seg of log.segments) for (const r of seg.records) if (r.offset < upTo) out.push(r);
  return out;
}

export function brokerSetting(sim: Simulation, name: string): string {
  return brokerConfig(sim.state, name);
}

export function brokerSettings(sim: Simulation): Array<{ name: string; value: string; overridden: boolean }> {
  const names = new Set([...Object.keys(BROKER_CONFIG_DEFAULTS), ...Object.keys(sim.state.brokerConfig)]);
  return [...names].sort().map((name) => ({
    name,
    value: brokerConfig(sim.state, name),
    overridden: name in sim.state.brokerConfig,
  }));
}

export type TopicSetting = {
  name: string;
  value: string;
  source: 'topic' | 'broker' | 'default';
  type: string;
  brokerSynonym: string | undefined;
};

const SOURCES = {
  DYNAMIC_TOPIC_CONFIG: 'topic',
  STATIC_BROKER_CONFIG: 'broker',
  DEFAULT_CONFIG: 'default',
} as const;

/** Every topic config with its effective value and source, from the read model's one table. */
export function topicSettings(sim: Simulation, topic: string): TopicSetting[] {
  const entries = readModel(sim).effectiveTopicConfig(topic) ?? [];
  return entries
    .filter((e) => Object.hasOwn(TOPIC_CONFIGS, e.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((e) => {
      const def = TOPIC_CONFIGS[e.name];
      return {
        name: e.name,
        value: e.value,
        source: SOURCES[e.source],
        type: def.type,
        brokerSynonym: def.brokerSynonym,
      };
    });
}

export function timestampTypeOf(sim: Simulation, topic: string): 'CreateTime' | 'LogAppendTime' {
  return readModel(sim).topicConfig(topic, 'message.timestamp.type') === 'LogAppendTime'
    ? 'LogAppendTime'
    : 'CreateTime';
}

/** A consumer group's record (coordinator state, committed offsets), or undefined. */
export function groupRecordOf(sim: Simulation, groupId: string): GroupRecord | undefined {
  const groups = sim.state.areas.consumers.groups;
  return Object.hasOwn(groups, groupId) ? groups[groupId] : undefined;
}

export function groupRecords(sim: Simulation): GroupRecord[] {
  return Object.values(sim.state.areas.consumers.groups);
}

export function hasOffsetsTopic(sim: Simulation): boolean {
  return !!sim.state.topics[CONSUMER_OFFSETS_TOPIC];
}

/** The leader of the group's __consumer_offsets partition when it is alive, else null (COORDINATOR_NOT_AVAILABLE). */
export function groupCoordinatorBroker(sim: Simulation, groupId: string): number | null {
  if (!hasOffsetsTopic(sim) || !coordinatorAvailable(sim.state, groupId)) return null;
  const id = coordinatorId(sim.state, groupId);
  return id >= 0 ? id : null;
}
