// Read-only views of the Simulation's state in the console's terms (ClusterPort queries). Nothing here
// dispatches: queries never change the simulation (tests/console/simConsole.test.ts pins it).

import type { Partition } from '../cluster/types';
import { consumerGroupView } from '../consumer/index';
import type { LogRecord } from '../log/types';
import type { Simulation } from '../simulation';
import {
  lastStableOffset,
  readCommittedRecords,
  readUncommittedRecords,
} from '../transactions/readCommitted';
import type { BrokerView, GroupView, PartitionView, RecordView, TopicView } from './port';

/** Minimal view of the consumer area's state that the console reads (simulator/consumer). */
type ConsumerAreaView = {
  groups: Record<
    string,
    {
      group: {
        groupId: string;
        state: string;
        protocolName: string | null;
        members: Array<{
          memberId: string;
          clientId: string;
          host: string;
          groupInstanceId: string | null;
          assignment: Array<{ topic: string; partition: number }>;
        }>;
      };
      offsets: Record<string, { offset: number }>;
    }
  >;
  consumers: Record<string, { status: string }>;
};

export class SimQueries {
  constructor(private readonly current: () => Simulation) {}

  private get sim(): Simulation {
    return this.current();
  }

  brokers(): BrokerView[] {
    const list = Object.values(this.sim.state.brokers).sort((a, b) => a.id - b.id);
    // KRaft metadata responses name a live broker as "controller" (clients cannot reach controllers);
    // we name the lowest running one so kcat -L is deterministic.
    const controller = list.find((b) => b.process === 'running' && b.network === 'connected')?.id;
    return list.map((b) => ({
      id: b.id,
      host: 'localhost',
      port: 9091 + b.id,
      state: b.process === 'stopped' ? 'stopped' : b.network === 'isolated' ? 'isolated' : 'online',
      controller: b.id === controller,
    }));
  }

  partitionView(p: Partition): PartitionView {
    const leader = p.leader === null ? undefined : p.replicaLogs[p.leader];
    const any = leader ?? p.replicaLogs[p.replicas[0]] ?? Object.values(p.replicaLogs)[0];
    const hw = leader
      ? leader.highWatermark
      : Math.max(0, ...p.isr.map((id) => p.replicaLogs[id]?.highWatermark ?? 0));
    return {
      partition: p.partition,
      leader: p.leader,
      replicas: [...p.replicas],
      isr: [...p.isr],
      elr: [],
      lastKnownElr: [],
      logStartOffset: any?.log.logStartOffset ?? 0,
      highWatermark: hw,
      logEndOffset: any?.log.logEndOffset ?? 0,
      lastStableOffset: leader ? lastStableOffset(leader.log, hw) : hw,
      // Describe prints "Adding Replicas"/"Removing Replicas" only while a reassignment is in progress.
      ...(p.addingReplicas.length || p.removingReplicas.length
        ? { adding: [...p.addingReplicas], removing: [...p.removingReplicas] }
        : { adding: null, removing: null }),
    };
  }

  topics(): TopicView[] {
    return Object.values(this.sim.state.topics)
      .map((t) => this.topicView(t.name))
      .filter((t): t is TopicView => t !== null);
  }

  topic(name: string): TopicView | null {
    return this.topicView(name);
  }

  topicView(name: string): TopicView | null {
    const t = Object.hasOwn(this.sim.state.topics, name) ? this.sim.state.topics[name] : undefined;
    if (!t) return null;
    return {
      name: t.name,
      topicId: t.topicId,
      internal: t.internal,
      partitions: t.partitions.map((p) => this.partitionView(p)),
      overrides: { ...t.configs },
    };
  }

  partition(topic: string, partition: number): Partition | undefined {
    const t = Object.hasOwn(this.sim.state.topics, topic) ? this.sim.state.topics[topic] : undefined;
    return t?.partitions[partition];
  }

  read(
    topic: string,
    partition: number,
    offset: number,
    max: number,
    isolation: 'read_uncommitted' | 'read_committed',
  ): RecordView[] {
    const p = this.partition(topic, partition);
    if (!p || p.leader === null) return [];
    const leader = p.replicaLogs[p.leader];
    if (!leader) return [];
    // FetchIsolation: read_committed stops at the LSO and skips aborted and control records (KIP-98).
    const from = Math.max(offset, leader.log.logStartOffset);
    const records =
      isolation === 'read_committed'
        ? readCommittedRecords(leader.log, leader.highWatermark, from)
        : readUncommittedRecords(leader.log, leader.highWatermark, from);
    return records.slice(0, Math.max(0, max)).map((r) => this.recordView(topic, partition, r));
  }

  recordView(topic: string, partition: number, r: LogRecord): RecordView {
    const t = this.sim.state.topics[topic];
    const type = t?.configs['message.timestamp.type'] === 'LogAppendTime' ? 'LogAppendTime' : 'CreateTime';
    return {
      topic,
      partition,
      offset: r.offset,
      timestamp: r.timestamp,
      timestampType: type,
      key: r.key,
      value: r.value,
      headers: r.headers,
    };
  }

  offsetForTime(topic: string, partition: number, time: number): number | null {
    const p = this.partition(topic, partition);
    if (!p) return null;
    const view = this.partitionView(p);
    if (time === -1) return view.highWatermark;
    if (time === -2 || time === -4) return view.logStartOffset;
    const leader = p.leader === null ? undefined : p.replicaLogs[p.leader];
    if (!leader) return null;
    const records = leader.log.segments
      .flatMap((s) => s.records)
      .filter((r) => r.control === null && r.offset < view.highWatermark);
    if (time === -3) {
      let best: LogRecord | null = null;
      for (const r of records) if (!best || r.timestamp > best.timestamp) best = r;
      return best ? best.offset : null;
    }
    if (time < 0) return view.highWatermark;
    return records.find((r) => r.timestamp >= time)?.offset ?? null;
  }

  consumerArea(): ConsumerAreaView | null {
    const areas = this.sim.state.areas as unknown as Record<string, unknown>;
    const a = (areas.consumer ?? areas.consumers ?? areas.groups) as ConsumerAreaView | undefined;
    return a && typeof a === 'object' && a.groups ? a : null;
  }

  groups(): GroupView[] {
    const area = this.consumerArea();
    if (!area) return [];
    return Object.keys(area.groups)
      .sort()
      .map((id) => this.group(id))
      .filter((g): g is GroupView => g !== null && g.state !== 'Dead');
  }

  group(groupId: string): GroupView | null {
    const area = this.consumerArea();
    const rec = area && Object.hasOwn(area.groups, groupId) ? area.groups[groupId] : undefined;
    if (!rec) return null;
    const offsets = Object.entries(rec.offsets).map(([tp, v]) => {
      const dash = tp.lastIndexOf('-');
      return { topic: tp.slice(0, dash), partition: Number(tp.slice(dash + 1)), offset: v.offset };
    });
    // The consumer area's DescribeGroups view: member assignments only while the group is Stable
    // (the coordinator answers describeNoMetadata during a rebalance).
    const view = consumerGroupView(this.sim.state, groupId);
    return {
      groupId,
      state: rec.group.state,
      protocol: 'classic',
      assignmentStrategy: rec.group.protocolName ?? '',
      coordinator: this.coordinatorFor(groupId),
      members: (view?.members ?? []).map((m) => ({
        memberId: m.memberId,
        clientId: m.clientId,
        host: m.host,
        groupInstanceId: m.groupInstanceId,
        assignment: m.assignment.map((a) => ({ topic: a.topic, partition: a.partition })),
      })),
      offsets,
    };
  }

  /** Leader of the __consumer_offsets partition for the group: abs(hashCode) % 50 (GroupCoordinatorService#partitionFor). */
  coordinatorFor(groupId: string): number {
    let h = 0;
    for (let i = 0; i < groupId.length; i++) h = (Math.imul(31, h) + groupId.charCodeAt(i)) | 0;
    const partition = (h === -2147483648 ? 0 : Math.abs(h)) % 50;
    const offsets = this.partition('__consumer_offsets', partition);
    if (offsets?.leader != null) return offsets.leader;
    const brokers = this.brokers().filter((b) => b.state === 'online');
    return brokers.length > 0 ? brokers[partition % brokers.length].id : -1;
  }
}
