// A small in-memory ClusterPort for testing the console's parsing and formatting in isolation from
// the simulator core. It is not a Kafka model: every write is acknowledged at once, HW = LEO.
import {
  type ClusterPort,
  type ConsumerSettings,
  fail,
  type GroupView,
  type Outcome,
  ok,
  type ProducerSettings,
  type RecordView,
  type SendResult,
  type TopicView,
} from '@/simulator/console/port';

type FakeTopic = TopicView & { logs: RecordView[][] };

export class FakePort implements ClusterPort {
  brokerIds = [1, 2, 3];
  stopped = new Set<number>();
  topicMap = new Map<string, FakeTopic>();
  groupMap = new Map<string, GroupView>();
  producers = new Map<string, ProducerSettings>();
  consumers = new Map<
    string,
    ConsumerSettings & { positions: Map<string, number>; unprocessed: OffsetList }
  >();
  clock = 0;
  calls: string[] = [];

  brokers() {
    return this.brokerIds.map((id) => ({
      id,
      host: 'localhost',
      port: 9091 + id,
      state: this.stopped.has(id) ? ('stopped' as const) : ('online' as const),
      controller: id === 1,
    }));
  }
  topics() {
    return [...this.topicMap.values()];
  }
  topic(name: string) {
    return this.topicMap.get(name) ?? null;
  }
  read(topic: string, partition: number, offset: number, max: number) {
    const log = this.topicMap.get(topic)?.logs[partition] ?? [];
    return log.filter((r) => r.offset >= offset).slice(0, max);
  }
  offsetForTime(topic: string, partition: number, time: number) {
    const t = this.topicMap.get(topic);
    const p = t?.partitions[partition];
    if (!t || !p) return null;
    if (time === -1) return p.highWatermark;
    if (time === -2) return p.logStartOffset;
    const r = t.logs[partition].find((x) => x.timestamp >= time);
    return r ? r.offset : null;
  }
  groups() {
    return [...this.groupMap.values()];
  }
  group(id: string) {
    return this.groupMap.get(id) ?? null;
  }
  now() {
    return this.clock;
  }
  statusLines() {
    return [`time ${this.clock}ms`, `brokers ${this.brokerIds.length}`, `topics ${this.topicMap.size}`];
  }
  createTopic(t: {
    name: string;
    partitions: number | null;
    replicationFactor: number | null;
    configs: Record<string, string>;
  }) {
    this.calls.push(`createTopic ${t.name}`);
    if (this.topicMap.has(t.name))
      return fail<void>('TopicExistsException', `Topic '${t.name}' already exists.`);
    const rf = t.replicationFactor ?? 1;
    const live = this.brokerIds.filter((b) => !this.stopped.has(b));
    if (rf > live.length) {
      return fail<void>(
        'InvalidReplicationFactorException',
        `Unable to replicate the partition ${rf} time(s): The target replication factor of ${rf} cannot be reached because only ${live.length} broker(s) are registered.`,
      );
    }
    const n = t.partitions ?? 1;
    const partitions = Array.from({ length: n }, (_, p) => {
      const replicas = Array.from({ length: rf }, (_, j) => this.brokerIds[(p + j) % this.brokerIds.length]);
      return {
        partition: p,
        leader: replicas[0],
        replicas,
        isr: replicas.slice(),
        elr: [],
        lastKnownElr: [],
        logStartOffset: 0,
        highWatermark: 0,
        logEndOffset: 0,
        lastStableOffset: 0,
        adding: null,
        removing: null,
      };
    });
    this.topicMap.set(t.name, {
      name: t.name,
      topicId: 'AbCdEfGhIjKlMnOpQrStUw',
      internal: false,
      partitions,
      overrides: { ...t.configs },
      logs: partitions.map(() => []),
    });
    return ok(undefined);
  }
  deleteTopic(name: string) {
    this.topicMap.delete(name);
    return ok(undefined);
  }
  createPartitions(name: string, total: number) {
    const t = this.topicMap.get(name);
    if (!t)
      return fail<void>(
        'UnknownTopicOrPartitionException',
        'This server does not host this topic-partition.',
      );
    if (total <= t.partitions.length) {
      return fail<void>(
        'InvalidPartitionsException',
        `Topic currently has ${t.partitions.length} partitions, which is higher than the requested ${total}.`,
      );
    }
    while (t.partitions.length < total) {
      const p = t.partitions.length;
      t.partitions.push({
        ...t.partitions[0],
        partition: p,
        highWatermark: 0,
        logEndOffset: 0,
        lastStableOffset: 0,
      });
      t.logs.push([]);
    }
    return ok(undefined);
  }
  alterTopicConfig(name: string, set: Record<string, string>, remove: string[]) {
    const t = this.topicMap.get(name);
    if (!t) return fail<void>('UnknownTopicOrPartitionException', 'no');
    Object.assign(t.overrides, set);
    for (const k of remove) delete t.overrides[k];
    return ok(undefined);
  }
  electLeaders(_type: 'preferred' | 'unclean', parts: Array<{ topic: string; partition: number }>) {
    return parts.map((x) => ({ ...x, result: 'noop' as const }));
  }
  reassign() {
    return ok(undefined);
  }
  commitGroupOffsets(groupId: string, offsets: Array<{ topic: string; partition: number; offset: number }>) {
    const g = this.groupMap.get(groupId) ?? {
      groupId,
      state: 'Empty',
      protocol: 'classic',
      assignmentStrategy: '',
      coordinator: 1,
      members: [],
      offsets: [],
    };
    for (const o of offsets) {
      g.offsets = g.offsets.filter((x) => !(x.topic === o.topic && x.partition === o.partition)).concat(o);
    }
    this.groupMap.set(groupId, g);
    return ok(undefined);
  }
  deleteGroup(id: string) {
    const g = this.groupMap.get(id);
    if (g && g.members.length > 0) return fail<void>('GroupNotEmptyException', 'The group is not empty.');
    this.groupMap.delete(id);
    return ok(undefined);
  }
  stopBroker(id: number) {
    this.stopped.add(id);
    return ok(undefined);
  }
  startBroker(id: number) {
    this.stopped.delete(id);
    return ok(undefined);
  }
  isolateBroker() {
    return ok(undefined);
  }
  healBroker() {
    return ok(undefined);
  }
  addBroker() {
    const id = Math.max(...this.brokerIds) + 1;
    this.brokerIds.push(id);
    return ok(id);
  }
  dropNext(): Outcome<void> {
    return ok(undefined);
  }
  setNetworkLoss(): Outcome<void> {
    return ok(undefined);
  }
  networkStatus() {
    return { requestLossRate: 0, responseLossRate: 0, pendingDrops: [] };
  }
  advanceClock(ms: number) {
    this.clock += ms;
    return ok(undefined);
  }
  reset(brokers: number) {
    this.brokerIds = Array.from({ length: brokers }, (_, i) => i + 1);
    this.topicMap.clear();
    this.groupMap.clear();
    return ok(undefined);
  }
  clientNames(kind: 'producer' | 'consumer') {
    return [...(kind === 'producer' ? this.producers : this.consumers).keys()].sort();
  }
  clientNameTaken(name: string) {
    return this.producers.has(name) || this.consumers.has(name);
  }
  createProducer(name: string, s: ProducerSettings) {
    if (this.producers.has(name))
      return fail<string[]>('IllegalStateException', `A producer named ${name} already exists`);
    this.producers.set(name, s);
    return ok<string[]>([]);
  }
  takeDeliveries() {
    return [];
  }
  send(
    name: string,
    req: {
      topic: string;
      key: string | null;
      value: string | null;
      partition: number | null;
      headers: Array<[string, string]>;
    },
  ) {
    if (!this.producers.has(name))
      return fail<SendResult>('IllegalStateException', `No producer named ${name}`);
    const t = this.topicMap.get(req.topic);
    if (!t)
      return ok<SendResult>({
        kind: 'failed',
        error: {
          exception: 'TimeoutException',
          message: `Topic ${req.topic} not present in metadata after 60000 ms.`,
        },
      });
    const p = req.partition ?? 0;
    const part = t.partitions[p];
    const offset = part.logEndOffset;
    t.logs[p].push({
      topic: req.topic,
      partition: p,
      offset,
      timestamp: this.clock,
      timestampType: 'CreateTime',
      key: req.key,
      value: req.value,
      headers: req.headers,
    });
    part.logEndOffset++;
    part.highWatermark++;
    part.lastStableOffset++;
    return ok<SendResult>({ kind: 'acked', topic: req.topic, partition: p, offset });
  }
  flush() {
    return ok<SendResult[]>([]);
  }
  beginTransaction() {
    return ok(undefined);
  }
  commitTransaction() {
    return ok(undefined);
  }
  sendOffsetsToTransaction(_producer: string, consumer: string) {
    return ok({ groupId: `group-of-${consumer}`, offsets: [] });
  }
  abortTransaction() {
    return ok(undefined);
  }
  crashProducer(name: string) {
    this.producers.delete(name);
    return ok(undefined);
  }
  closeProducer(name: string) {
    this.producers.delete(name);
    return ok(undefined);
  }
  createConsumer(name: string, s: ConsumerSettings) {
    this.consumers.set(name, { ...s, positions: new Map(), unprocessed: [] });
    return ok(undefined);
  }
  poll(name: string, max: number) {
    const c = this.consumers.get(name);
    if (!c) return fail<RecordView[]>('IllegalStateException', `No consumer named ${name}`);
    const out: RecordView[] = [];
    for (const topic of c.topics) {
      const t = this.topicMap.get(topic);
      t?.logs.forEach((log, p) => {
        const key = `${topic}-${p}`;
        const from = c.positions.get(key) ?? 0;
        for (const r of log.filter((x) => x.offset >= from)) {
          if (out.length >= max) return;
          out.push(r);
          c.unprocessed.push({ topic, partition: p, offset: r.offset });
          c.positions.set(key, r.offset + 1);
        }
      });
    }
    return ok(out);
  }
  processConsumer(name: string, count: number | null) {
    const c = this.consumers.get(name);
    if (!c) return fail<OffsetList>('IllegalStateException', `No consumer named ${name}`);
    const all = c.unprocessed.splice(0, count ?? c.unprocessed.length);
    return ok(all);
  }
  commitConsumer(name: string) {
    const c = this.consumers.get(name);
    if (!c) return fail<OffsetList>('IllegalStateException', `No consumer named ${name}`);
    return ok(
      [...c.positions].map(([k, offset]) => {
        const dash = k.lastIndexOf('-');
        return { topic: k.slice(0, dash), partition: Number(k.slice(dash + 1)), offset };
      }),
    );
  }
  closeConsumer(name: string) {
    this.consumers.delete(name);
    return ok(undefined);
  }
  crashConsumer(name: string) {
    this.consumers.delete(name);
    return ok(undefined);
  }
}

type OffsetList = Array<{ topic: string; partition: number; offset: number }>;
