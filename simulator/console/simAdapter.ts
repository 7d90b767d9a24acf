// ClusterPort over the Simulation. Queries read `sim.state`; everything that changes the cluster is a
// `sim.dispatch(...)` so it lands in the command log and replay reproduces it. One ConsoleSession per
// Simulation (consoleFor), so named producers/consumers and virtual files persist between lines.

import type { Partition } from '../cluster/types';
// No import of simulator/index.ts here (it re-exports this module): callers reach the console through
// the index (or cli.ts imports it), which registers every area's commands first.
import { registeredCommandTypes } from '../engine/registry';
import type { SimInit } from '../engine/state';
import type { LogRecord } from '../log/types';
import { deliveryOf } from '../producer/commands';
import { Simulation } from '../simulation';
import {
  lastStableOffset,
  readCommittedRecords,
  readUncommittedRecords,
} from '../transactions/readCommitted';
import { exceptionName } from './kafkaErrors';
import type { CommandOutput } from './output';
import {
  type BrokerView,
  type ClusterPort,
  type ConsumerSettings,
  fail,
  type GroupView,
  type KafkaError,
  type NewTopic,
  type Outcome,
  ok,
  type PartitionView,
  type ProducerSettings,
  type RecordView,
  type SendRequest,
  type SendResult,
  type TopicView,
} from './port';
import { ConsoleSession, type LineResult } from './session';

type AnyCommand = { type: string } & Record<string, unknown>;
type Dispatched = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

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

const toError = (e: { code: string; message: string }): KafkaError => ({
  exception: exceptionName(e.code),
  message: e.message,
});

export class SimPort implements ClusterPort {
  /** Producers created by this console session, by NAME (the simulation keys them by client.id too). */
  private readonly producerNames = new Set<string>();
  private readonly consumerNames = new Set<string>();

  constructor(
    public sim: Simulation,
    private readonly onReset?: (next: Simulation) => void,
  ) {}

  private dispatch(cmd: AnyCommand): Dispatched {
    return this.sim.dispatch(cmd as never) as unknown as Dispatched;
  }

  private run<T = void>(cmd: AnyCommand, map?: (data: unknown) => T): Outcome<T> {
    const r = this.dispatch(cmd);
    if (!r.ok) return { ok: false, error: toError(r.error) };
    return ok(map ? map(r.data) : (undefined as T));
  }

  // ---------------------------------------------------------------- queries

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

  private partitionView(p: Partition): PartitionView {
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
      adding: null,
      removing: null,
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

  private topicView(name: string): TopicView | null {
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

  private partition(topic: string, partition: number): Partition | undefined {
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

  private recordView(topic: string, partition: number, r: LogRecord): RecordView {
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

  private consumerArea(): ConsumerAreaView | null {
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
    return {
      groupId,
      state: rec.group.state,
      protocol: 'classic',
      assignmentStrategy: rec.group.protocolName ?? '',
      coordinator: this.coordinatorFor(groupId),
      members: rec.group.members.map((m) => ({
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
  private coordinatorFor(groupId: string): number {
    let h = 0;
    for (let i = 0; i < groupId.length; i++) h = (Math.imul(31, h) + groupId.charCodeAt(i)) | 0;
    const partition = (h === -2147483648 ? 0 : Math.abs(h)) % 50;
    const offsets = this.partition('__consumer_offsets', partition);
    if (offsets?.leader != null) return offsets.leader;
    const brokers = this.brokers().filter((b) => b.state === 'online');
    return brokers.length > 0 ? brokers[partition % brokers.length].id : -1;
  }

  now(): number {
    return this.sim.state.now;
  }

  statusLines(): string[] {
    const s = this.sim.state;
    const brokers = this.brokers();
    const lines = [
      `Virtual time: ${s.now} ms. Seed: ${s.seed}. Commands in the log: ${this.sim.log.length}.`,
      `Brokers: ${brokers.map((b) => `${b.id} ${b.state}`).join(', ')}.`,
    ];
    const quorumLeader = s.quorum?.leaderId;
    if (quorumLeader !== undefined) lines.push(`KRaft controller quorum leader: ${quorumLeader ?? 'none'}.`);
    const topics = this.topics().filter((t) => !t.internal);
    lines.push(
      `Topics: ${topics.length === 0 ? 'none' : topics.map((t) => `${t.name} (${t.partitions.length})`).join(', ')}.`,
    );
    const offline = topics.flatMap((t) =>
      t.partitions.filter((p) => p.leader === null).map((p) => `${t.name}-${p.partition}`),
    );
    const under = topics.flatMap((t) =>
      t.partitions
        .filter((p) => p.leader !== null && p.isr.length < p.replicas.length)
        .map((p) => `${t.name}-${p.partition}`),
    );
    if (offline.length > 0) lines.push(`Offline partitions: ${offline.join(', ')}.`);
    if (under.length > 0) lines.push(`Under-replicated partitions: ${under.join(', ')}.`);
    const groups = this.groups();
    if (groups.length > 0)
      lines.push(
        `Consumer groups: ${groups.map((g) => `${g.groupId} (${g.state}, ${g.members.length} members)`).join(', ')}.`,
      );
    if (this.producerNames.size > 0) lines.push(`Producers: ${[...this.producerNames].sort().join(', ')}.`);
    if (this.consumerNames.size > 0) lines.push(`Consumers: ${[...this.consumerNames].sort().join(', ')}.`);
    return lines;
  }

  // ---------------------------------------------------------------- admin

  createTopic(t: NewTopic): Outcome<void> {
    const cmd: AnyCommand = { type: 'createTopic', topic: t.name, configs: t.configs };
    if (t.partitions !== null) cmd.partitions = t.partitions;
    if (t.replicationFactor !== null) cmd.replicationFactor = t.replicationFactor;
    if (t.assignment !== null) cmd.assignment = t.assignment;
    return this.run(cmd);
  }

  deleteTopic(name: string): Outcome<void> {
    return this.run({ type: 'deleteTopic', topic: name });
  }

  createPartitions(name: string, total: number): Outcome<void> {
    return this.run({ type: 'createPartitions', topic: name, totalCount: total });
  }

  alterTopicConfig(name: string, set: Record<string, string>, remove: string[]): Outcome<void> {
    return this.run({ type: 'alterTopicConfigs', topic: name, set, delete: remove });
  }

  electLeaders(type: 'preferred' | 'unclean', partitions: Array<{ topic: string; partition: number }>) {
    const r = this.dispatch({ type: 'electLeaders', electionType: type, partitions });
    if (!r.ok) return partitions.map((p) => ({ ...p, result: toError(r.error) }));
    const results = (
      r.data as {
        results: Array<{ topic: string; partition: number; error: { code: string; message: string } | null }>;
      }
    ).results;
    return results.map((e) => ({
      topic: e.topic,
      partition: e.partition,
      result:
        e.error === null
          ? ('elected' as const)
          : e.error.code === 'ELECTION_NOT_NEEDED'
            ? ('noop' as const)
            : toError(e.error),
    }));
  }

  reassign(plan: Array<{ topic: string; partition: number; replicas: number[] }>): Outcome<void> {
    if (!registeredCommandTypes().includes('alterPartitionReassignments')) {
      return fail(
        'UnsupportedVersionException',
        'Partition reassignment is not simulated yet in this version of the course.',
      );
    }
    return this.run({ type: 'alterPartitionReassignments', reassignments: plan });
  }

  commitGroupOffsets(
    groupId: string,
    offsets: Array<{ topic: string; partition: number; offset: number }>,
  ): Outcome<void> {
    return this.run({ type: 'groupCommitOffsets', groupId, offsets });
  }

  deleteGroup(groupId: string): Outcome<void> {
    return this.run({ type: 'groupDelete', groupId });
  }

  // ---------------------------------------------------------------- cluster operations

  stopBroker(id: number): Outcome<void> {
    return this.run({ type: 'brokerStop', id });
  }
  startBroker(id: number): Outcome<void> {
    return this.run({ type: 'brokerStart', id });
  }
  isolateBroker(id: number): Outcome<void> {
    return this.run({ type: 'brokerIsolate', id });
  }
  healBroker(id: number): Outcome<void> {
    return this.run({ type: 'brokerHeal', id });
  }
  addBroker(): Outcome<number> {
    return this.run({ type: 'brokerAdd' }, (d) => (d as { id: number }).id);
  }
  advanceClock(ms: number): Outcome<void> {
    return this.run({ type: 'advanceClock', ms });
  }

  reset(brokers: number, seed: number): Outcome<void> {
    // A reset starts a new simulation (and a new log): the old one's history is not part of it.
    const next = new Simulation({ ...this.sim.init, brokers, seed });
    this.sim = next;
    this.producerNames.clear();
    this.consumerNames.clear();
    this.onReset?.(next);
    return ok(undefined);
  }

  // ---------------------------------------------------------------- clients

  clientNames(kind: 'producer' | 'consumer'): string[] {
    return [...(kind === 'producer' ? this.producerNames : this.consumerNames)].sort();
  }

  clientNameTaken(name: string): boolean {
    return this.producerNames.has(name) || this.consumerNames.has(name);
  }

  createProducer(name: string, configs: ProducerSettings): Outcome<string[]> {
    if (this.producerNames.has(name))
      return fail('IllegalStateException', `A producer named ${name} already exists in this console.`);
    const r = this.run(
      { type: 'producerCreate', name, configs },
      (d) => (d as { warnings?: string[] })?.warnings ?? [],
    );
    if (r.ok) this.producerNames.add(name);
    return r;
  }

  /** Sends not yet reported, per producer, in send order. */
  private readonly pending = new Map<string, Array<{ recordId: number; topic: string; partition: number }>>();

  private delivery(name: string, recordId: number, topic: string, partition: number): SendResult {
    const p = this.sim.state.producers[name];
    const d = p ? deliveryOf(p, recordId) : { status: 'unknown' as const };
    if (d.status === 'acked')
      return { kind: 'acked', topic: d.topic, partition: d.partition, offset: d.offset };
    if (d.status === 'failed') return { kind: 'failed', error: toError(d.error) };
    return { kind: 'pending', topic, partition };
  }

  send(name: string, req: SendRequest): Outcome<SendResult> {
    const cmd: AnyCommand = {
      type: 'producerSend',
      producer: name,
      topic: req.topic,
      key: req.key,
      value: req.value,
      headers: req.headers,
    };
    if (req.partition !== null) cmd.partition = req.partition;
    const r = this.dispatch(cmd);
    if (!r.ok) return { ok: false, error: toError(r.error) };
    const { recordId, topic, partition } = r.data as { recordId: number; topic: string; partition: number };
    const result = this.delivery(name, recordId, topic, partition);
    if (result.kind === 'pending') {
      const list = this.pending.get(name) ?? [];
      list.push({ recordId, topic, partition });
      this.pending.set(name, list);
    }
    return ok(result);
  }

  flush(name: string): Outcome<SendResult[]> {
    const r = this.dispatch({ type: 'producerFlush', producer: name });
    if (!r.ok) return { ok: false, error: toError(r.error) };
    return ok(this.settle(name));
  }

  /** Results of the producer's tracked sends; completed ones stop being tracked. */
  private settle(name: string): SendResult[] {
    const list = this.pending.get(name) ?? [];
    const results = list.map((x) => this.delivery(name, x.recordId, x.topic, x.partition));
    const still = list.filter((_, i) => results[i].kind === 'pending');
    if (still.length > 0) this.pending.set(name, still);
    else this.pending.delete(name);
    return results;
  }

  takeDeliveries(): Array<{ producer: string; result: SendResult }> {
    const out: Array<{ producer: string; result: SendResult }> = [];
    for (const name of [...this.pending.keys()].sort()) {
      for (const result of this.settle(name))
        if (result.kind !== 'pending') out.push({ producer: name, result });
    }
    return out;
  }

  beginTransaction(name: string): Outcome<void> {
    return this.run({ type: 'producerBeginTransaction', producer: name });
  }
  commitTransaction(name: string): Outcome<void> {
    return this.run({ type: 'producerCommitTransaction', producer: name });
  }
  abortTransaction(name: string): Outcome<void> {
    return this.run({ type: 'producerAbortTransaction', producer: name });
  }
  closeProducer(name: string): Outcome<void> {
    const r = this.run({ type: 'producerClose', producer: name });
    if (r.ok || !this.sim.state.producers[name]) this.producerNames.delete(name);
    return r;
  }

  crashProducer(name: string): Outcome<void> {
    const r = this.run({ type: 'producerCrash', producer: name });
    if (r.ok) {
      this.producerNames.delete(name);
      this.pending.delete(name);
    }
    return r;
  }

  createConsumer(name: string, s: ConsumerSettings): Outcome<void> {
    if (this.consumerNames.has(name))
      return fail('IllegalStateException', `A consumer named ${name} already exists in this console.`);
    const r = this.run({
      type: 'consumerCreate',
      name,
      config: {
        groupId: s.groupId,
        topics: s.topics,
        strategies: [s.assignor],
        enableAutoCommit: s.autoCommit,
        isolationLevel: s.isolationLevel,
        autoOffsetReset: s.offsetReset,
        groupInstanceId: s.instanceId,
        // The console names clients: client.id = NAME (the consumer area may fall back to consumer-<group>-<n>).
        clientId: name,
      },
    });
    if (r.ok) this.consumerNames.add(name);
    return r;
  }

  poll(name: string, max: number): Outcome<RecordView[]> {
    const r = this.dispatch({ type: 'consumerPoll', name, maxRecords: max });
    if (!r.ok) return { ok: false, error: toError(r.error) };
    const records = (
      (
        r.data as {
          records?: Array<{
            topic: string;
            partition: number;
            offset: number;
            key: string | null;
            value: string | null;
          }>;
        }
      )?.records ?? []
    ).map((x) => ({
      ...x,
      timestamp: 0,
      timestampType: 'CreateTime' as const,
      headers: [] as Array<[string, string]>,
    }));
    return ok(records);
  }
  commitConsumer(name: string): Outcome<void> {
    return this.run({ type: 'consumerCommit', name });
  }
  closeConsumer(name: string): Outcome<void> {
    const r = this.run({ type: 'consumerClose', name });
    if (r.ok) this.consumerNames.delete(name);
    return r;
  }
  crashConsumer(name: string): Outcome<void> {
    const r = this.run({ type: 'consumerCrash', name });
    if (r.ok) this.consumerNames.delete(name);
    return r;
  }
}

// ------------------------------------------------------------------ sessions per simulation

const sessions = new WeakMap<Simulation, ConsoleSession>();

/** The console session of a simulation (created on first use; named clients persist in it). */
export function consoleFor(sim: Simulation): ConsoleSession {
  let s = sessions.get(sim);
  if (!s) {
    const port = new SimPort(sim, (next) => {
      // After `sim reset` the same session keeps serving the new simulation.
      if (s) sessions.set(next, s);
    });
    s = new ConsoleSession(port);
    sessions.set(sim, s);
  }
  return s;
}

/** The simulation a session currently drives (changes after `sim reset`). */
export function simulationOf(session: ConsoleSession): Simulation | null {
  return session.port instanceof SimPort ? session.port.sim : null;
}

/** A fresh simulation with its console session (the terminal front end uses this). */
export function createConsole(init: SimInit = {}): ConsoleSession {
  return consoleFor(new Simulation({ brokers: 3, seed: 42, ...init }));
}

/**
 * Run console lines (a script: comments, blank lines, here-documents and EOF-ended producer input
 * are handled) against a simulation. Never throws; one result per command.
 */
export function runConsoleLines(sim: Simulation, lines: readonly string[] | string): LineResult[] {
  try {
    return consoleFor(sim).runScript(lines);
  } catch (e) {
    return [
      {
        line: '',
        stdout: '',
        stderr: `kafka-sim: ${e instanceof Error ? e.message : String(e)}`,
        exitCode: 70,
      },
    ];
  }
}

/** Run one command block (a line, or a line plus its here-document) against a simulation. */
export function runConsoleBlock(sim: Simulation, block: string): CommandOutput {
  return consoleFor(sim).runBlock(block);
}
