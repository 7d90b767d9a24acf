// The sampler: MBeans of one node (broker, controller, producer or consumer client) derived from the simulation
// state at `now` plus the recorder's event-driven meters. Pure: reads state and recorder, changes nothing except
// catching the meters' EWMA ticks up to `now` (a read-only view would be stale, not different).

import { effectiveMinIsr } from '../cluster/topicConfig';
import type { Partition } from '../cluster/types';
import type { SimState } from '../engine/state';
import { CATALOG, type CatalogEntry } from './catalog';
import { measureRate, measureStat } from './kafkaStats';
import { type MBean, type MBeanAttribute, YAMMER_DESCRIPTION } from './mbean';
import { type MetricsRecorder, type NodeRegistry, totalTimeName } from './recorder';
import { histogramAttributes, meterAttributes } from './yammer';

export type NodeRef =
  | { kind: 'broker'; id: number }
  | { kind: 'controller'; id: number }
  | { kind: 'producer'; name: string }
  | { kind: 'consumer'; name: string };

/** Whether the node's JVM runs (a stopped broker has no JMX at all). */
export function nodeRunning(state: SimState, node: NodeRef): boolean {
  switch (node.kind) {
    case 'broker':
      return state.brokers[node.id]?.process === 'running';
    case 'controller':
      return state.quorum.voters.some((v) => v.id === node.id && v.process === 'running');
    case 'producer':
      return state.producers[node.name]?.status === 'open';
    case 'consumer':
      return state.areas.consumers?.consumers[node.name]?.status === 'running';
  }
}

/** Every node with a JVM right now, brokers first (by id), then controllers, producers, consumers (by name). */
export function runningNodes(state: SimState): NodeRef[] {
  const out: NodeRef[] = [];
  for (const id of Object.keys(state.brokers)
    .map(Number)
    .sort((a, b) => a - b))
    if (nodeRunning(state, { kind: 'broker', id })) out.push({ kind: 'broker', id });
  for (const v of [...state.quorum.voters].sort((a, b) => a.id - b.id))
    if (v.process === 'running') out.push({ kind: 'controller', id: v.id });
  for (const name of Object.keys(state.producers).sort())
    if (nodeRunning(state, { kind: 'producer', name })) out.push({ kind: 'producer', name });
  for (const name of Object.keys(state.areas.consumers?.consumers ?? {}).sort())
    if (nodeRunning(state, { kind: 'consumer', name })) out.push({ kind: 'consumer', name });
  return out;
}

function entryDescription(entry: CatalogEntry | undefined, fallback: string): string {
  return entry?.kind === 'attribute' ? entry.description : fallback;
}

function gauge(domain: string, keys: Array<[string, string]>, value: number): MBean {
  return { domain, keys, attributes: [{ name: 'Value', value, description: YAMMER_DESCRIPTION }] };
}

function yammerAttrs(values: Record<string, number | string>): MBeanAttribute[] {
  return Object.keys(values)
    .sort()
    .map((name) => ({ name, value: values[name], description: YAMMER_DESCRIPTION }));
}

function parseName(objectName: string): { domain: string; keys: Array<[string, string]> } {
  const colon = objectName.indexOf(':');
  return {
    domain: objectName.slice(0, colon),
    keys: objectName
      .slice(colon + 1)
      .split(',')
      .map((kv) => {
        const eq = kv.indexOf('=');
        return [kv.slice(0, eq), kv.slice(eq + 1)] as [string, string];
      }),
  };
}

function eventTypeOf(objectName: string): string {
  const name = /name=([^,]+)/.exec(objectName)?.[1] ?? '';
  const entry = CATALOG.find((e) => e.name === name && e.kind === 'meter');
  return entry?.eventType ?? 'events';
}

/** Meters and histograms of a node's registry; topic meters of deleted topics are gone (BrokerTopicStats#removeMetrics). */
function registryBeans(state: SimState, reg: NodeRegistry | undefined, now: number): MBean[] {
  if (!reg) return [];
  const out: MBean[] = [];
  for (const name of Object.keys(reg.meters).sort()) {
    const topic = /,topic=(.+)$/.exec(name)?.[1];
    if (topic !== undefined && !state.topics[topic]) continue;
    const { domain, keys } = parseName(name);
    out.push({
      domain,
      keys,
      attributes: yammerAttrs(meterAttributes(reg.meters[name], now, eventTypeOf(name))),
    });
  }
  for (const name of Object.keys(reg.histograms).sort()) {
    const { domain, keys } = parseName(name);
    out.push({ domain, keys, attributes: yammerAttrs(histogramAttributes(reg.histograms[name])) });
  }
  return out;
}

/** Partition#isUnderReplicated: the replication factor (minus replicas being removed) exceeds the ISR. */
export function isUnderReplicated(p: Partition): boolean {
  return p.replicas.length - p.removingReplicas.length - p.isr.length > 0;
}

function replicationFactor(p: Partition): number {
  return p.replicas.length - p.removingReplicas.length;
}

function brokerBeans(state: SimState, rec: MetricsRecorder, id: number, now: number): MBean[] {
  const led: Partition[] = [];
  const hosted: Partition[] = [];
  for (const t in state.topics)
    for (const p of state.topics[t].partitions) {
      if (p.replicaLogs[id]) hosted.push(p);
      if (p.leader === id) led.push(p);
    }
  const minIsr = (p: Partition) => effectiveMinIsr(state, p.topic, replicationFactor(p));
  const rm = (name: string, value: number) =>
    gauge(
      'kafka.server',
      [
        ['type', 'ReplicaManager'],
        ['name', name],
      ],
      value,
    );
  const beans: MBean[] = [
    rm('AtMinIsrPartitionCount', led.filter((p) => p.isr.length === minIsr(p)).length),
    rm('LeaderCount', led.length),
    rm('OfflineReplicaCount', 0),
    rm('PartitionCount', hosted.length),
    rm(
      'ReassigningPartitions',
      led.filter((p) => p.addingReplicas.length + p.removingReplicas.length > 0).length,
    ),
    rm('UnderMinIsrPartitionCount', led.filter((p) => p.isr.length < minIsr(p)).length),
    rm('UnderReplicatedPartitions', led.filter(isUnderReplicated).length),
  ];
  // Follower lag: leader LEO − this follower's LEO over the partitions it follows (ReplicaFetcherManager MaxLag).
  let maxLag = 0;
  let parkedFetches = 0;
  let pendingProduces = 0;
  for (const p of hosted) {
    if (p.leader !== null && p.leader !== id) {
      const leaderLeo = p.replicaLogs[p.leader]?.log.logEndOffset ?? 0;
      maxLag = Math.max(maxLag, leaderLeo - p.replicaLogs[id].log.logEndOffset);
    }
    if (p.leader === id) {
      pendingProduces += p.pendingProduces.length;
      for (const f of p.isr) if (f !== id && p.replicaLogs[f]?.follower.fetch === 'parked') parkedFetches++;
    }
  }
  beans.push(
    gauge(
      'kafka.server',
      [
        ['type', 'ReplicaFetcherManager'],
        ['name', 'MaxLag'],
        ['clientId', 'Replica'],
      ],
      maxLag,
    ),
    gauge(
      'kafka.server',
      [
        ['type', 'DelayedOperationPurgatory'],
        ['name', 'PurgatorySize'],
        ['delayedOperation', 'Fetch'],
      ],
      parkedFetches,
    ),
    gauge(
      'kafka.server',
      [
        ['type', 'DelayedOperationPurgatory'],
        ['name', 'PurgatorySize'],
        ['delayedOperation', 'Produce'],
      ],
      pendingProduces,
    ),
    gauge(
      'kafka.log',
      [
        ['type', 'LogManager'],
        ['name', 'OfflineLogDirectoryCount'],
      ],
      0,
    ),
  );
  for (const p of [...hosted].sort((a, b) =>
    a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition,
  )) {
    const log = p.replicaLogs[id].log;
    const keys = (name: string): Array<[string, string]> => [
      ['type', 'Log'],
      ['name', name],
      ['topic', p.topic],
      ['partition', String(p.partition)],
    ];
    const size = log.segments.reduce((s, seg) => s + seg.sizeBytes, 0);
    beans.push(
      gauge('kafka.log', keys('LogEndOffset'), log.logEndOffset),
      gauge('kafka.log', keys('LogStartOffset'), log.logStartOffset),
      gauge('kafka.log', keys('NumLogSegments'), log.segments.length),
      gauge('kafka.log', keys('Size'), size),
    );
  }
  // The all-topics BrokerTopicMetrics and the produce TotalTimeMs exist from startup (BrokerTopicStats, RequestMetrics).
  const reg = rec.brokers[id];
  const metered = registryBeans(state, reg, now);
  const zeroMeter = (name: string): MBean => ({
    domain: 'kafka.server',
    keys: [
      ['type', 'BrokerTopicMetrics'],
      ['name', name],
    ],
    attributes: yammerAttrs({
      Count: 0,
      EventType: eventTypeOf(`name=${name}`),
      FifteenMinuteRate: 0,
      FiveMinuteRate: 0,
      MeanRate: 0,
      OneMinuteRate: 0,
      RateUnit: 'SECONDS',
    }),
  });
  for (const name of [
    'BytesInPerSec',
    'BytesOutPerSec',
    'FailedProduceRequestsPerSec',
    'MessagesInPerSec',
    'ReplicationBytesInPerSec',
    'ReplicationBytesOutPerSec',
    'TotalFetchRequestsPerSec',
    'TotalProduceRequestsPerSec',
  ])
    if (!reg?.meters[`kafka.server:type=BrokerTopicMetrics,name=${name}`]) metered.push(zeroMeter(name));
  for (const name of ['IsrExpandsPerSec', 'IsrShrinksPerSec'])
    if (!reg?.meters[`kafka.server:type=ReplicaManager,name=${name}`])
      metered.push({
        ...zeroMeter(name),
        keys: [
          ['type', 'ReplicaManager'],
          ['name', name],
        ],
      });
  if (!reg?.histograms[totalTimeName('Produce')])
    metered.push({
      domain: 'kafka.network',
      keys: [
        ['type', 'RequestMetrics'],
        ['name', 'TotalTimeMs'],
        ['request', 'Produce'],
      ],
      attributes: yammerAttrs(
        histogramAttributes({
          kind: 'histogram',
          count: 0,
          min: 0,
          max: 0,
          sum: 0,
          mean: 0,
          m2: 0,
          sample: [],
          sampleHead: 0,
        }),
      ),
    });
  return [...beans, ...metered];
}

type RaftState = 'leader' | 'follower' | 'candidate';

function controllerBeans(state: SimState, rec: MetricsRecorder, id: number, now: number): MBean[] {
  const kc = (name: string, value: number) =>
    gauge(
      'kafka.controller',
      [
        ['type', 'KafkaController'],
        ['name', name],
      ],
      value,
    );
  const brokers = Object.values(state.brokers);
  let offline = 0;
  let imbalance = 0;
  let partitions = 0;
  // ControllerMetadataMetricsPublisher counts every partition of the metadata image (internal topics too).
  for (const t in state.topics)
    for (const p of state.topics[t].partitions) {
      partitions++;
      if (p.leader === null) offline++;
      if (p.leader !== p.replicas[0]) imbalance++;
    }
  const q = state.quorum;
  const lastOffset = q.log.length > 0 ? q.log[q.log.length - 1].offset : -1;
  // Simplified raft states: a running voter is leader, follower of a known leader, or a candidate during an election.
  const raft: RaftState = q.leaderId === id ? 'leader' : q.leaderId !== null ? 'follower' : 'candidate';
  const raftAttr = (name: string, value: number | string): MBeanAttribute => ({
    name,
    value,
    description: entryDescription(
      CATALOG.find((e) => e.type === 'raft-metrics' && e.attribute === name),
      name,
    ),
  });
  const beans: MBean[] = [
    kc('ActiveBrokerCount', brokers.filter((b) => b.registration === 'unfenced').length),
    kc('ActiveControllerCount', q.leaderId === id ? 1 : 0),
    kc('FencedBrokerCount', brokers.filter((b) => b.registration === 'fenced').length),
    kc('GlobalPartitionCount', partitions),
    kc('GlobalTopicCount', Object.keys(state.topics).length),
    kc('LastAppliedRecordOffset', lastOffset),
    kc('OfflinePartitionsCount', offline),
    kc('PreferredReplicaImbalanceCount', imbalance),
    {
      domain: 'kafka.server',
      keys: [['type', 'raft-metrics']],
      attributes: [
        raftAttr('current-epoch', q.epoch),
        raftAttr('current-leader', q.leaderId ?? -1),
        raftAttr('current-state', raft),
        raftAttr('high-watermark', q.log.length),
      ],
    },
  ];
  const reg = rec.controllers[id];
  const metered = registryBeans(state, reg, now);
  if (!reg?.meters['kafka.controller:type=ControllerStats,name=UncleanLeaderElectionsPerSec'])
    metered.push({
      domain: 'kafka.controller',
      keys: [
        ['type', 'ControllerStats'],
        ['name', 'UncleanLeaderElectionsPerSec'],
      ],
      attributes: yammerAttrs({
        Count: 0,
        EventType: 'elections',
        FifteenMinuteRate: 0,
        FiveMinuteRate: 0,
        MeanRate: 0,
        OneMinuteRate: 0,
        RateUnit: 'SECONDS',
      }),
    });
  return [...beans, ...metered];
}

function clientAttr(type: string, name: string, value: number): MBeanAttribute {
  return {
    name,
    value,
    description: entryDescription(
      CATALOG.find((e) => e.type === type && e.attribute === name),
      name,
    ),
  };
}

function producerBeans(state: SimState, rec: MetricsRecorder, name: string, now: number): MBean[] {
  const s = rec.producers[name];
  const p = state.producers[name];
  const inFlight = Object.values(p?.inFlight ?? {}).reduce((a, b) => a + b, 0);
  const a = (attr: string, value: number) => clientAttr('producer-metrics', attr, value);
  const attrs: MBeanAttribute[] = s
    ? [
        a('record-error-rate', measureRate(s.recordError.window, now)),
        a('record-error-total', s.recordError.total),
        a('record-retry-rate', measureRate(s.recordRetry.window, now)),
        a('record-retry-total', s.recordRetry.total),
        a('record-send-rate', measureRate(s.recordSend.window, now)),
        a('record-send-total', s.recordSend.total),
        a('records-per-request-avg', measureStat(s.recordsPerRequestAvg, now)),
        a('request-latency-avg', measureStat(s.requestLatencyAvg, now)),
        a('request-latency-max', measureStat(s.requestLatencyMax, now)),
        a('requests-in-flight', inFlight),
        ...(s.produceThrottleAvg && s.produceThrottleMax
          ? [
              a('produce-throttle-time-avg', measureStat(s.produceThrottleAvg, now)),
              a('produce-throttle-time-max', measureStat(s.produceThrottleMax, now)),
            ]
          : []),
      ]
    : [];
  return [
    {
      domain: 'kafka.producer',
      keys: [
        ['type', 'producer-metrics'],
        ['client-id', name],
      ],
      attributes: attrs,
    },
  ];
}

function consumerBeans(state: SimState, rec: MetricsRecorder, name: string, now: number): MBean[] {
  const s = rec.consumers[name];
  const client = state.areas.consumers?.consumers[name];
  const clientId = client?.clientId ?? name;
  const type = 'consumer-fetch-manager-metrics';
  const a = (attr: string, value: number) => clientAttr(type, attr, value);
  if (!s) return [];
  const beans: MBean[] = [
    {
      domain: 'kafka.consumer',
      keys: [
        ['type', type],
        ['client-id', clientId],
      ],
      attributes: [
        a('fetch-rate', measureRate(s.fetch.window, now)),
        a('fetch-total', s.fetch.total),
        a('records-consumed-rate', measureRate(s.recordsConsumed.window, now)),
        a('records-consumed-total', s.recordsConsumed.total),
        a('records-lag-max', measureStat(s.recordsLagMax, now)),
        ...(s.fetchThrottleAvg && s.fetchThrottleMax
          ? [
              a('fetch-throttle-time-avg', measureStat(s.fetchThrottleAvg, now)),
              a('fetch-throttle-time-max', measureStat(s.fetchThrottleMax, now)),
            ]
          : []),
      ],
    },
  ];
  // Per-partition sensors exist only for partitions currently assigned (FetchMetricsManager removes the rest).
  for (const tp of client?.assignment ?? []) {
    const key = `${tp.topic}-${tp.partition}`;
    const lag = s.recordsLag[key];
    if (lag === undefined) continue;
    beans.push({
      domain: 'kafka.consumer',
      keys: [
        ['type', type],
        ['client-id', clientId],
        ['topic', tp.topic],
        ['partition', String(tp.partition)],
      ],
      attributes: [a('records-lag', lag)],
    });
  }
  return beans;
}

/** Every MBean of one running node at `now` (empty when its JVM is not running). */
export function collectMBeans(
  state: SimState,
  rec: MetricsRecorder,
  node: NodeRef,
  now = state.now,
): MBean[] {
  if (!nodeRunning(state, node)) return [];
  switch (node.kind) {
    case 'broker':
      return brokerBeans(state, rec, node.id, now);
    case 'controller':
      return controllerBeans(state, rec, node.id, now);
    case 'producer':
      return producerBeans(state, rec, node.name, now);
    case 'consumer':
      return consumerBeans(state, rec, node.name, now);
  }
}
