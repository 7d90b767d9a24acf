// Reads the simulator's plain-data state into the views' model (model.ts). Only what the views draw is
// copied; logs are read per partition on demand. The shapes below are the parts of the state this file
// reads, so a renamed field fails here, in one place.
import type {
  BrokerVM,
  ControllerVM,
  GroupVM,
  PartitionLogVM,
  PartitionVM,
  ProducerVM,
  RecordVM,
  SimSnapshotVM,
  TopicPartitionVM,
} from './model';
import { tpKey } from './model';

type LogRecordS = {
  offset: number;
  timestamp: number;
  key: string | null;
  value: string | null;
  headers: ReadonlyArray<readonly [string, string]>;
  producerId: number;
  transactional: boolean;
  control: null | { type: 'COMMIT' | 'ABORT' };
};
type SegmentS = {
  baseOffset: number;
  records: LogRecordS[];
  sizeBytes: number;
  largestTimestamp: number;
  cleaned: boolean;
};
type PartitionLogS = {
  segments: SegmentS[];
  logStartOffset: number;
  logEndOffset: number;
  cleanerCheckpoint: number;
};
type ReplicaS = { brokerId: number; log: PartitionLogS; highWatermark: number };
type PartitionS = {
  topic: string;
  partition: number;
  replicas: number[];
  isr: number[];
  leader: number | null;
  leaderEpoch: number;
  replicaLogs: Record<number, ReplicaS>;
};
type TopicS = { name: string; configs: Record<string, string>; partitions: PartitionS[]; internal: boolean };
type BrokerS = { id: number; process: 'running' | 'stopped'; network: 'connected' | 'isolated' };
type ProducerS = {
  name: string;
  status: 'open' | 'closed';
  config: {
    acks: 0 | 1 | 'all';
    enableIdempotence: boolean;
    lingerMs: number;
    transactionalId: string | null;
  };
  queues: Record<string, Array<{ records: unknown[] }>>;
};
type GroupMemberS = { memberId: string; label: string; assignment: TopicPartitionVM[]; topics: string[] };
type GroupRecordS = {
  group: {
    groupId: string;
    state: string;
    generationId: number;
    protocolName: string | null;
    members: GroupMemberS[];
  };
  offsets: Record<string, { offset: number }>;
};
type ConsumerClientS = {
  name: string;
  memberId: string | null;
  protocol: 'EAGER' | 'COOPERATIVE';
  status: string;
  assignment: TopicPartitionVM[];
  positions: Record<string, number>;
  config: { groupId: string; topics: string[] };
};
type ConsumerAreaS = { groups: Record<string, GroupRecordS>; consumers: Record<string, ConsumerClientS> };
type TxnS = { transactional?: Record<string, { state?: string }> };

export type StateS = {
  now: number;
  brokers: Record<number, BrokerS>;
  quorum: { voters: Array<{ id: number; process: 'running' | 'stopped' }>; leaderId: number | null };
  topics: Record<string, TopicS>;
  producers: Record<string, ProducerS>;
  areas: Record<string, unknown>;
};

function brokerState(b: BrokerS): BrokerVM['state'] {
  if (b.process === 'stopped') return 'stopped';
  return b.network === 'isolated' ? 'isolated' : 'online';
}

function consumerArea(state: StateS): ConsumerAreaS | null {
  for (const area of Object.values(state.areas ?? {})) {
    if (area && typeof area === 'object' && 'groups' in area && 'consumers' in area)
      return area as ConsumerAreaS;
  }
  return null;
}

/** First offset of a transaction not yet ended by a marker (Kafka's first unstable offset), else null. */
export function firstUnstableOffset(log: PartitionLogS, upTo: number): number | null {
  const open = new Map<number, number>();
  for (const seg of log.segments) {
    for (const r of seg.records) {
      if (r.offset >= upTo) break;
      if (r.control) open.delete(r.producerId);
      else if (r.transactional && !open.has(r.producerId)) open.set(r.producerId, r.offset);
    }
  }
  return open.size === 0 ? null : Math.min(...open.values());
}

function servingReplica(p: PartitionS): ReplicaS | null {
  if (p.leader !== null && p.replicaLogs[p.leader]) return p.replicaLogs[p.leader];
  for (const id of p.replicas) if (p.replicaLogs[id]) return p.replicaLogs[id];
  return null;
}

function partitionVM(p: PartitionS, brokers: Record<number, BrokerS>): PartitionVM {
  const rep = servingReplica(p);
  const hw = rep?.highWatermark ?? 0;
  const unstable = rep ? firstUnstableOffset(rep.log, hw) : null;
  return {
    topic: p.topic,
    partition: p.partition,
    leader: p.leader,
    leaderEpoch: p.leaderEpoch,
    isr: [...p.isr],
    replicas: p.replicas.map((id) => {
      const b = brokers[id];
      return {
        broker: id,
        leader: p.leader === id,
        inIsr: p.isr.includes(id),
        brokerDown: !b || brokerState(b) !== 'online',
        logEndOffset: p.replicaLogs[id]?.log.logEndOffset ?? 0,
      };
    }),
    logStartOffset: rep?.log.logStartOffset ?? 0,
    highWatermark: hw,
    logEndOffset: rep?.log.logEndOffset ?? 0,
    lastStableOffset: unstable === null ? hw : Math.min(hw, unstable),
  };
}

function groupVM(rec: GroupRecordS, area: ConsumerAreaS, partitions: Map<string, PartitionVM>): GroupVM {
  const g = rec.group;
  const clients = Object.values(area.consumers).filter(
    (c) => c.config.groupId === g.groupId && c.status === 'running',
  );
  const byMember = new Map(clients.filter((c) => c.memberId).map((c) => [c.memberId as string, c]));
  const committed: Record<string, number> = {};
  for (const [key, c] of Object.entries(rec.offsets)) committed[key] = c.offset;
  const subscribed = [
    ...new Set([...g.members.flatMap((m) => m.topics), ...clients.flatMap((c) => c.config.topics)]),
  ].sort();
  const lag: Record<string, number> = {};
  for (const p of partitions.values()) {
    if (!subscribed.includes(p.topic)) continue;
    const key = tpKey(p.topic, p.partition);
    const from = committed[key] ?? p.logStartOffset;
    lag[key] = Math.max(0, p.highWatermark - from);
  }
  const protocol = clients[0]?.protocol;
  return {
    groupId: g.groupId,
    state: g.state,
    protocolType: protocol === 'COOPERATIVE' ? 'cooperative' : protocol === 'EAGER' ? 'eager' : 'unknown',
    assignor: g.protocolName ?? '',
    generation: g.generationId,
    members: g.members.map((m) => {
      const client = byMember.get(m.memberId);
      // The client's own view is what it processes; the coordinator's is the last assignment it handed out.
      const owned = client ? client.assignment : m.assignment;
      const target = m.assignment;
      const revoking = owned.filter(
        (tp) => !target.some((t) => t.topic === tp.topic && t.partition === tp.partition),
      );
      return {
        memberId: m.memberId,
        name: client?.name ?? m.label,
        assigned: owned,
        revoking: g.state === 'Stable' ? [] : revoking,
        positions: client ? { ...client.positions } : {},
      };
    }),
    committed,
    lag,
    subscribedTopics: subscribed,
  };
}

export function snapshotOf(state: StateS): SimSnapshotVM {
  const brokers: BrokerVM[] = Object.values(state.brokers)
    .sort((a, b) => a.id - b.id)
    .map((b) => ({ id: b.id, state: brokerState(b), controller: false }));
  const controllers: ControllerVM[] = state.quorum.voters.map((v) => ({
    id: v.id,
    running: v.process === 'running',
    active: state.quorum.leaderId === v.id,
  }));
  const partitions = new Map<string, PartitionVM>();
  const topics = Object.values(state.topics)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((t) => {
      const ps = t.partitions.map((p) => partitionVM(p, state.brokers));
      for (const p of ps) partitions.set(tpKey(p.topic, p.partition), p);
      return { name: t.name, partitions: ps, config: { ...t.configs } };
    });
  const area = consumerArea(state);
  const groups = area
    ? Object.values(area.groups)
        .filter((r) => r.group.state !== 'Dead')
        .map((r) => groupVM(r, area, partitions))
        .sort((a, b) => (a.groupId < b.groupId ? -1 : 1))
    : [];
  const txn = Object.values(state.areas ?? {}).find(
    (a) => a && typeof a === 'object' && 'transactional' in a,
  ) as TxnS | undefined;
  const producers: ProducerVM[] = Object.values(state.producers)
    .filter((p) => p.status === 'open')
    .map((p) => ({
      name: p.name,
      acks: String(p.config.acks),
      idempotence: p.config.enableIdempotence,
      transactionalId: p.config.transactionalId,
      lingerMs: p.config.lingerMs,
      pending: Object.values(p.queues).reduce((n, q) => n + q.reduce((m, b) => m + b.records.length, 0), 0),
      inTransaction: p.config.transactionalId
        ? /ongoing|open|begin/i.test(txn?.transactional?.[p.config.transactionalId]?.state ?? '')
        : false,
    }));
  return { now: state.now, controllers, brokers, topics, groups, producers };
}

function recordVM(r: LogRecordS): RecordVM {
  return {
    offset: r.offset,
    timestamp: r.timestamp,
    key: r.key,
    value: r.value,
    headers: r.headers,
    kind: r.control
      ? r.control.type === 'COMMIT'
        ? 'commit-marker'
        : 'abort-marker'
      : r.value === null
        ? 'tombstone'
        : 'data',
    transactional: r.transactional,
  };
}

export function partitionLogOf(state: StateS, topic: string, partition: number): PartitionLogVM | null {
  const p = state.topics[topic]?.partitions[partition];
  if (!p) return null;
  const rep = servingReplica(p);
  if (!rep) return null;
  const vm = partitionVM(p, state.brokers);
  const segs = rep.log.segments;
  return {
    topic,
    partition,
    broker: rep.brokerId,
    segments: segs.map((s, i) => ({
      baseOffset: s.baseOffset,
      endOffset: i + 1 < segs.length ? segs[i + 1].baseOffset : rep.log.logEndOffset,
      records: s.records.map(recordVM),
      active: i === segs.length - 1,
      cleaned: s.cleaned,
      sizeBytes: s.sizeBytes,
      largestTimestamp: s.largestTimestamp,
    })),
    logStartOffset: rep.log.logStartOffset,
    highWatermark: vm.highWatermark,
    logEndOffset: rep.log.logEndOffset,
    lastStableOffset: vm.lastStableOffset,
    cleanerCheckpoint: rep.log.cleanerCheckpoint,
  };
}
