// The monitoring area's state in one plain object, and the three periodic jobs the area schedules on the virtual
// clock: the Prometheus scrape + rule evaluation (every 15 s), Burrow's broker-offset refresh (offset-refresh
// 10 s) and kafka-lag-exporter's poll (30 s). Event hooks feed the recorder and Burrow's commit consumer.
import { highWatermark } from '../cluster/lookup';
import type { SimEvent } from '../engine/registry';
import type { SimState } from '../engine/state';
import {
  type AlertEvent,
  type AlertingState,
  alertsSeries,
  DEFAULT_EVALUATION_INTERVAL_MS,
  evaluateRules,
  newAlertingState,
} from './alerts/alerting';
import { type AlertRule, STRIMZI_ALERT_RULES } from './alerts/strimziRules';
import {
  addBrokerOffset,
  addConsumerOffset,
  type BurrowState,
  deleteGroup,
  deleteTopic,
  newBurrowState,
  setConsumerOwner,
} from './burrow/storage';
import { collectGroupLag, type LagExporterSnapshot } from './lagExporter';
import { type LagTables, recordLatestOffset } from './lagTime';
import { type MetricsRecorder, newRecorder, observe } from './recorder';
import { DEFAULT_SCRAPE_INTERVAL_MS, type ScrapeReport, scrapeAll } from './scrape';
import { amendLatest, DEFAULT_TIERS, newStore, type SeriesStore, type TierSpec } from './store';
import { DEFAULT_MONITORING_OPTIONS, type MonitoringOptions } from './targets';

export type MonitoringConfig = MonitoringOptions & {
  scrapeIntervalMs: number;
  evaluationIntervalMs: number;
  tiers: readonly TierSpec[];
  burrowCluster: string;
};

export const DEFAULT_MONITORING_CONFIG: MonitoringConfig = {
  ...DEFAULT_MONITORING_OPTIONS,
  scrapeIntervalMs: DEFAULT_SCRAPE_INTERVAL_MS,
  evaluationIntervalMs: DEFAULT_EVALUATION_INTERVAL_MS,
  tiers: DEFAULT_TIERS,
  burrowCluster: 'local',
};

export type MonitoringState = {
  config: MonitoringConfig;
  rules: AlertRule[];
  recorder: MetricsRecorder;
  store: SeriesStore;
  alerting: AlertingState;
  burrow: BurrowState;
  lagTables: LagTables;
  /** kafka-lag-exporter's group metrics as of its last poll (null before the first): what its /metrics serves. */
  lagExporter: LagExporterSnapshot | null;
  lastScrapeAt: number | null;
};

export function newMonitoringState(
  config: Partial<MonitoringConfig> = {},
  rules: readonly AlertRule[] = STRIMZI_ALERT_RULES,
): MonitoringState {
  const c = { ...DEFAULT_MONITORING_CONFIG, ...config };
  return {
    config: c,
    rules: [...rules],
    recorder: newRecorder(),
    store: newStore(c.tiers),
    alerting: newAlertingState(),
    burrow: newBurrowState(c.burrowCluster),
    lagTables: {},
    lagExporter: null,
    lastScrapeAt: null,
  };
}

/** Call from an onEvent hook for every event (state = the state right after it). */
export function onMonitoringEvent(m: MonitoringState, event: SimEvent, state: SimState): void {
  observe(m.recorder, event, state);
  if (event.type === 'offsetsCommitted')
    for (const o of event.offsets)
      addConsumerOffset(
        m.burrow,
        {
          group: event.groupId,
          topic: o.topic,
          partition: o.partition,
          offset: o.offset,
          timestamp: event.time,
        },
        event.time,
      );
  else if (event.type === 'groupDeleted') deleteGroup(m.burrow, event.groupId);
  else if (event.type === 'topicDeleted') deleteTopic(m.burrow, event.topic);
}

/** The scrape job: scrape every target, then evaluate the alert rules at the same instant. */
export function scrapeAndEvaluate(m: MonitoringState, state: SimState, now = state.now): AlertEvent[] {
  return scrapeAndReport(m, state, now).alerts;
}

/** scrapeAndEvaluate, also saying what the scrape saw (targets, how many up, samples). */
export function scrapeAndReport(
  m: MonitoringState,
  state: SimState,
  now = state.now,
): { report: ScrapeReport; alerts: AlertEvent[] } {
  const report = scrapeAll(state, m.recorder, m.store, m.config, now);
  m.lastScrapeAt = now;
  if (m.alerting.lastEvaluation !== null && now - m.alerting.lastEvaluation < m.config.evaluationIntervalMs)
    return { report, alerts: [] };
  const alerts = evaluateRules(m.alerting, m.rules, m.store, now);
  amendLatest(m.store, alertsSeries(m.alerting));
  return { report, alerts };
}

/** Burrow's cluster module: every partition's end offset (ListOffsets latest = the high watermark), and owners. */
export function burrowRefresh(m: MonitoringState, state: SimState, now = state.now): void {
  for (const topic of Object.keys(state.topics).sort()) {
    const parts = state.topics[topic].partitions;
    for (const p of parts)
      if (p.leader !== null)
        addBrokerOffset(m.burrow, topic, parts.length, p.partition, highWatermark(p), now);
  }
  const groups = state.areas.consumers?.groups ?? {};
  for (const g of Object.keys(groups))
    for (const member of groups[g].group.members)
      for (const tp of member.assignment)
        setConsumerOwner(m.burrow, g, tp.topic, tp.partition, member.host, member.clientId);
}

/**
 * kafka-lag-exporter's poll: one lookup-table point per partition (latest offset at the poll time), then the groups'
 * offset and time lag from their committed offsets at the same instant (ConsumerGroupCollector).
 */
export function lagExporterPoll(m: MonitoringState, state: SimState, now = state.now): void {
  for (const topic of Object.keys(state.topics).sort())
    for (const p of state.topics[topic].partitions)
      recordLatestOffset(m.lagTables, topic, p.partition, highWatermark(p), now);
  m.lagExporter = collectGroupLag(m.lagTables, state, now);
}
