// Counters that only events can tell (a gauge is read from the state at scrape time; a rate needs every append,
// fetch and ISR change as it happens). `observe` is a pure reducer over one event and the simulation state at that
// instant: the area calls it from an onEvent hook (the state is then exactly the state the event describes).
import type { SimEvent } from '../engine/registry';
import type { SimState } from '../engine/state';
import { recordAt } from '../log/unifiedLog';
import {
  type ClientMeter,
  newClientMeter,
  newSampledStat,
  recordClientMeter,
  recordStat,
  type SampledStat,
} from './kafkaStats';
import { type Histogram, type Meter, markMeter, newHistogram, newMeter, updateHistogram } from './yammer';

/** Latest request versions of the 4.0 clients (clients/src/main/resources/common/message/*Request.json). */
export const PRODUCE_VERSION = '11';
export const FETCH_VERSION = '17';

/** One JVM's Yammer registry: meters and histograms by object name. A restart starts a new one (counters reset). */
export type NodeRegistry = {
  startedAt: number;
  meters: Record<string, Meter>;
  histograms: Record<string, Histogram>;
};

export type ProducerStats = {
  startedAt: number;
  recordSend: ClientMeter;
  recordError: ClientMeter;
  recordRetry: ClientMeter;
  requestLatencyAvg: SampledStat;
  requestLatencyMax: SampledStat;
  recordsPerRequestAvg: SampledStat;
  /** produce-throttle-time sensor (Sender#throttleTimeSensor: Avg and Max of throttle_time_ms). */
  produceThrottleAvg?: SampledStat;
  produceThrottleMax?: SampledStat;
  /** A clientThrottled event came before the response it belongs to (the batch's acknowledgement). */
  pendingThrottleMs?: number;
};

export type ConsumerStats = {
  startedAt: number;
  recordsConsumed: ClientMeter;
  fetch: ClientMeter;
  recordsLagMax: SampledStat;
  /** records-lag per "topic-partition" (a Value: the latest fetch's lag). */
  recordsLag: Record<string, number>;
  /** fetch-throttle-time sensor (FetchMetricsRegistry: Avg and Max of throttle_time_ms). */
  fetchThrottleAvg?: SampledStat;
  fetchThrottleMax?: SampledStat;
};

type InflightProduce = {
  producer: string;
  batchId: number;
  broker: number;
  topic: string;
  sentAt: number;
  /** The broker handled it (appended, rejected or found it a duplicate); false = lost or still on the wire. */
  handled: boolean;
};

export type MetricsRecorder = {
  brokers: Record<number, NodeRegistry>;
  controllers: Record<number, NodeRegistry>;
  /** By client.id (the producer's name in the simulation). */
  producers: Record<string, ProducerStats>;
  /** By consumer name (its client.id is on the ConsumerClient). */
  consumers: Record<string, ConsumerStats>;
  /** Produce requests between send and response, by request id (request latency, TotalTimeMs). */
  inflight: Record<number, InflightProduce>;
};

export function newRecorder(): MetricsRecorder {
  return { brokers: {}, controllers: {}, producers: {}, consumers: {}, inflight: {} };
}

function newRegistry(now: number): NodeRegistry {
  return { startedAt: now, meters: {}, histograms: {} };
}

function registry(map: Record<number, NodeRegistry>, id: number, now: number): NodeRegistry {
  let r = map[id];
  if (!r) {
    r = newRegistry(now);
    map[id] = r;
  }
  return r;
}

/** Object names of the meters the recorder marks (the sampler exposes them under the same names). */
export function btmName(name: string, topic?: string): string {
  return topic === undefined
    ? `kafka.server:type=BrokerTopicMetrics,name=${name}`
    : `kafka.server:type=BrokerTopicMetrics,name=${name},topic=${topic}`;
}
export function requestsPerSecName(request: string, version: string): string {
  return `kafka.network:type=RequestMetrics,name=RequestsPerSec,request=${request},version=${version}`;
}
export function totalTimeName(request: string): string {
  return `kafka.network:type=RequestMetrics,name=TotalTimeMs,request=${request}`;
}

function mark(reg: NodeRegistry, name: string, n: number, now: number): void {
  let m = reg.meters[name];
  if (!m) {
    m = newMeter(now);
    reg.meters[name] = m;
  }
  markMeter(m, n, now);
}

/** BrokerTopicMetrics marks the topic's meter and the all-topics one together (BrokerTopicStats). */
function markTopic(reg: NodeRegistry, name: string, topic: string, n: number, now: number): void {
  mark(reg, btmName(name, topic), n, now);
  mark(reg, btmName(name), n, now);
}

function histogram(reg: NodeRegistry, name: string): Histogram {
  let h = reg.histograms[name];
  if (!h) {
    h = newHistogram();
    reg.histograms[name] = h;
  }
  return h;
}

/** Bytes of offsets [from, to] in one replica's log (records already gone to retention count 0). */
export function bytesOf(
  state: SimState,
  topic: string,
  partition: number,
  broker: number,
  from: number,
  to: number,
): number {
  const log = state.topics[topic]?.partitions[partition]?.replicaLogs[broker]?.log;
  if (!log) return 0;
  let bytes = 0;
  for (let o = from; o <= to; o++) bytes += recordAt(log, o)?.sizeBytes ?? 0;
  return bytes;
}

function producerStats(rec: MetricsRecorder, name: string, now: number): ProducerStats {
  let s = rec.producers[name];
  if (!s) {
    s = {
      startedAt: now,
      recordSend: newClientMeter(),
      recordError: newClientMeter(),
      recordRetry: newClientMeter(),
      requestLatencyAvg: newSampledStat('avg'),
      requestLatencyMax: newSampledStat('max'),
      recordsPerRequestAvg: newSampledStat('avg'),
    };
    rec.producers[name] = s;
  }
  return s;
}

function consumerStats(rec: MetricsRecorder, name: string, now: number): ConsumerStats {
  let s = rec.consumers[name];
  if (!s) {
    s = {
      startedAt: now,
      recordsConsumed: newClientMeter(),
      fetch: newClientMeter(),
      recordsLagMax: newSampledStat('max'),
      recordsLag: {},
    };
    rec.consumers[name] = s;
  }
  return s;
}

/** The produce request carrying a batch now (the newest request id for that producer and batch). */
function inflightFor(
  rec: MetricsRecorder,
  producer: string,
  batchId: number,
): [number, InflightProduce] | undefined {
  let found: [number, InflightProduce] | undefined;
  for (const id in rec.inflight) {
    const f = rec.inflight[id];
    if (f.producer === producer && f.batchId === batchId && (!found || Number(id) > found[0]))
      found = [Number(id), f];
  }
  return found;
}

/** A response reached the producer: request-latency on the client, TotalTimeMs on the broker. */
function responseReceived(
  rec: MetricsRecorder,
  state: SimState,
  producer: string,
  batchId: number,
  now: number,
): void {
  const hit = inflightFor(rec, producer, batchId);
  if (!hit) return;
  const [id, f] = hit;
  delete rec.inflight[id];
  if (!f.handled) return;
  const latency = now - f.sentAt;
  const stats = producerStats(rec, producer, now);
  recordStat(stats.requestLatencyAvg, latency, now);
  recordStat(stats.requestLatencyMax, latency, now);
  // Broker side: from arrival (one hop after the send) to the response leaving (one hop before it arrives).
  const reg = rec.brokers[f.broker];
  if (reg)
    updateHistogram(histogram(reg, totalTimeName('Produce')), Math.max(0, latency - 2 * state.latencyMs));
}

function batchRecordCount(state: SimState, producer: string, batchId: number): number {
  const p = state.producers[producer];
  if (!p) return 0;
  for (const key in p.queues)
    for (const b of p.queues[key]) if (b.batchId === batchId) return b.records.length;
  return 0;
}

function throttleStats(s: ProducerStats | ConsumerStats, kind: 'produce' | 'fetch', ms: number, now: number) {
  if (kind === 'produce') {
    const p = s as ProducerStats;
    p.produceThrottleAvg ??= newSampledStat('avg');
    p.produceThrottleMax ??= newSampledStat('max');
    recordStat(p.produceThrottleAvg, ms, now);
    recordStat(p.produceThrottleMax, ms, now);
  } else {
    const c = s as ConsumerStats;
    c.fetchThrottleAvg ??= newSampledStat('avg');
    c.fetchThrottleMax ??= newSampledStat('max');
    recordStat(c.fetchThrottleAvg, ms, now);
    recordStat(c.fetchThrottleMax, ms, now);
  }
}

/** A produce response: its throttle_time_ms (a pending throttle from the quota check, else 0). */
function produceThrottled(rec: MetricsRecorder, producer: string, now: number): void {
  const s = rec.producers[producer];
  if (!s) return;
  throttleStats(s, 'produce', s.pendingThrottleMs ?? 0, now);
  delete s.pendingThrottleMs;
}

/**
 * A response carried throttle_time_ms (the security area's quota check). A producer's belongs to the batch
 * acknowledged next; a consumer's fetch response was already counted (with 0) at its poll, so that sample is
 * amended. Simplified: only Produce and Fetch responses feed the sensors (NetworkClient records every response).
 */
function clientThrottled(rec: MetricsRecorder, clientId: string, ms: number, now: number): void {
  const p = rec.producers[clientId];
  if (p) p.pendingThrottleMs = Math.max(p.pendingThrottleMs ?? 0, ms);
  const c = rec.consumers[clientId];
  if (c?.fetchThrottleAvg && c.fetchThrottleMax) {
    const avg = c.fetchThrottleAvg.samples[c.fetchThrottleAvg.current];
    const max = c.fetchThrottleMax.samples[c.fetchThrottleMax.current];
    if (avg) avg.value += ms;
    if (max) max.value = Math.max(max.value, ms);
  } else if (c) throttleStats(c, 'fetch', ms, now);
}

/**
 * Apply one event to the recorder. `state` must be the simulation state right after the event (an onEvent
 * hook's ctx.state). Returns the same recorder (mutated): the recorder is area state, changed only here.
 */
export function observe(rec: MetricsRecorder, event: SimEvent, state: SimState): MetricsRecorder {
  const now = event.time;
  switch (event.type) {
    case 'brokerStarted':
    case 'brokerAdded':
      // A new JVM: Yammer meters start from zero (Prometheus' rate() sees a counter reset).
      rec.brokers[event.brokerId] = newRegistry(now);
      break;
    case 'controllerStarted':
      rec.controllers[event.controllerId] = newRegistry(now);
      break;
    case 'producerCreated':
      delete rec.producers[event.producer];
      producerStats(rec, event.producer, now);
      break;
    case 'consumerCreated':
      delete rec.consumers[event.consumer];
      consumerStats(rec, event.consumer, now);
      break;
    case 'recordsAppended': {
      const reg = registry(rec.brokers, event.broker, now);
      markTopic(reg, 'MessagesInPerSec', event.topic, event.count, now);
      const bytes = bytesOf(
        state,
        event.topic,
        event.partition,
        event.broker,
        event.baseOffset,
        event.lastOffset,
      );
      markTopic(reg, 'BytesInPerSec', event.topic, bytes, now);
      if (event.producer !== null) {
        markTopic(reg, 'TotalProduceRequestsPerSec', event.topic, 1, now);
        mark(reg, requestsPerSecName('Produce', PRODUCE_VERSION), 1, now);
        const f = rec.inflight[event.requestId];
        if (f) f.handled = true;
      }
      break;
    }
    case 'produceRejected':
    case 'duplicateBatch': {
      const reg = registry(rec.brokers, event.broker, now);
      markTopic(reg, 'TotalProduceRequestsPerSec', event.topic, 1, now);
      mark(reg, requestsPerSecName('Produce', PRODUCE_VERSION), 1, now);
      if (event.type === 'produceRejected') {
        markTopic(reg, 'FailedProduceRequestsPerSec', event.topic, 1, now);
        const f = rec.inflight[event.requestId];
        if (f) f.handled = true;
      } else {
        // The broker answers a duplicate with the original offsets (no request id in the event: match the flight).
        for (const id in rec.inflight) {
          const f = rec.inflight[id];
          if (f.producer === event.producer && f.topic === event.topic && f.broker === event.broker)
            f.handled = true;
        }
      }
      break;
    }
    case 'produceRequestSent': {
      rec.inflight[event.requestId] = {
        producer: event.producer,
        batchId: event.batchId,
        broker: event.broker,
        topic: event.topic,
        sentAt: now,
        handled: false,
      };
      // Sender#sendProduceRequests → SenderMetrics#updateProduceRequestMetrics: per drained batch.
      const stats = producerStats(rec, event.producer, now);
      recordClientMeter(stats.recordSend, event.records, now);
      recordStat(stats.recordsPerRequestAvg, event.records, now);
      break;
    }
    case 'produceRequestLost':
    case 'produceRequestTimedOut':
      delete rec.inflight[event.requestId];
      break;
    case 'batchAcknowledged':
      responseReceived(rec, state, event.producer, event.batchId, now);
      produceThrottled(rec, event.producer, now);
      break;
    case 'clientThrottled':
      clientThrottled(rec, event.clientId, event.throttleTimeMs, now);
      break;
    case 'batchRetrying': {
      responseReceived(rec, state, event.producer, event.batchId, now);
      const stats = producerStats(rec, event.producer, now);
      recordClientMeter(stats.recordRetry, batchRecordCount(state, event.producer, event.batchId), now);
      break;
    }
    case 'batchFailed': {
      responseReceived(rec, state, event.producer, event.batchId, now);
      recordClientMeter(producerStats(rec, event.producer, now).recordError, event.count, now);
      break;
    }
    case 'replicaFetched': {
      const leader = registry(rec.brokers, event.leader, now);
      const follower = registry(rec.brokers, event.follower, now);
      mark(leader, requestsPerSecName('FetchFollower', FETCH_VERSION), 1, now);
      markTopic(leader, 'TotalFetchRequestsPerSec', event.topic, 1, now);
      if (event.count > 0) {
        const last = event.fromOffset + event.count - 1;
        const bytes = bytesOf(state, event.topic, event.partition, event.leader, event.fromOffset, last);
        mark(leader, btmName('ReplicationBytesOutPerSec'), bytes, now);
        mark(follower, btmName('ReplicationBytesInPerSec'), bytes, now);
      }
      break;
    }
    case 'consumerPolled': {
      consumerFetched(rec, state, event.consumer, event.records, now);
      const c = rec.consumers[event.consumer];
      if (c) throttleStats(c, 'fetch', 0, now);
      break;
    }
    case 'isrChanged': {
      // Only the leader's own AlterPartition marks the meters (Partition.scala alterPartitionListener);
      // the controller fencing a broker out of the ISR does not.
      const leader = state.topics[event.topic]?.partitions[event.partition]?.leader;
      if (leader === null || leader === undefined) break;
      if (event.cause === 'shrink')
        mark(
          registry(rec.brokers, leader, now),
          'kafka.server:type=ReplicaManager,name=IsrShrinksPerSec',
          1,
          now,
        );
      if (event.cause === 'expand')
        mark(
          registry(rec.brokers, leader, now),
          'kafka.server:type=ReplicaManager,name=IsrExpandsPerSec',
          1,
          now,
        );
      break;
    }
    case 'leaderChanged': {
      const active = state.quorum.leaderId;
      if (event.election === 'unclean' && active !== null)
        mark(
          registry(rec.controllers, active, now),
          'kafka.controller:type=ControllerStats,name=UncleanLeaderElectionsPerSec',
          1,
          now,
        );
      break;
    }
    default:
      break;
  }
  return rec;
}

/**
 * One poll = one fetch per leader broker of the consumer's assignment (simplified: the real fetcher pipelines
 * fetches and polls can be served from buffered data). Lag per partition = high watermark − position after the
 * fetch (FetchCollector: "based on current offset and not committed offset"; read_committed would use the LSO).
 */
function consumerFetched(
  rec: MetricsRecorder,
  state: SimState,
  consumer: string,
  records: ReadonlyArray<{ topic: string; partition: number; offset: number }>,
  now: number,
): void {
  const client = state.areas.consumers?.consumers[consumer];
  const stats = consumerStats(rec, consumer, now);
  recordClientMeter(stats.recordsConsumed, records.length, now);
  if (!client) return;
  const perBroker = new Map<number, Set<string>>();
  for (const tp of client.assignment) {
    const p = state.topics[tp.topic]?.partitions[tp.partition];
    if (!p || p.leader === null) continue;
    const topics = perBroker.get(p.leader) ?? new Set<string>();
    topics.add(tp.topic);
    perBroker.set(p.leader, topics);
    const position = client.positions[`${tp.topic}-${tp.partition}`];
    if (position === undefined) continue;
    const hw = p.replicaLogs[p.leader]?.highWatermark ?? 0;
    const lag = Math.max(0, hw - position);
    stats.recordsLag[`${tp.topic}-${tp.partition}`] = lag;
    recordStat(stats.recordsLagMax, lag, now);
  }
  recordClientMeter(stats.fetch, perBroker.size, now);
  for (const [broker, topics] of perBroker) {
    const reg = registry(rec.brokers, broker, now);
    mark(reg, requestsPerSecName('FetchConsumer', FETCH_VERSION), 1, now);
    for (const t of topics) markTopic(reg, 'TotalFetchRequestsPerSec', t, 1, now);
  }
  for (const r of records) {
    const p = state.topics[r.topic]?.partitions[r.partition];
    if (!p || p.leader === null) continue;
    const bytes = bytesOf(state, r.topic, r.partition, p.leader, r.offset, r.offset);
    markTopic(registry(rec.brokers, p.leader, now), 'BytesOutPerSec', r.topic, bytes, now);
  }
}
