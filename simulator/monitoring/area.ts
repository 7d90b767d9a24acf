// The monitoring area: commands to start and stop it, the three periodic jobs on the virtual clock, and the
// hooks that feed the metrics recorder and Burrow's commit consumer from other areas' events.
import type { Ctx } from '../engine/context';
import {
  type CommandHandlers,
  type EventType,
  fail,
  type Hook,
  ok,
  okVoid,
  on,
  type SimEvent,
  type TaskHandlers,
} from '../engine/registry';
import { LAG_EXPORTER_POLL_INTERVAL_MS } from '../metrics/lagTime';
import {
  burrowRefresh,
  lagExporterPoll,
  newMonitoringState,
  onMonitoringEvent,
  scrapeAndReport,
} from '../metrics/monitor';
import { newRecorder, observe } from '../metrics/recorder';
import { scrapeTargets } from '../metrics/targets';

/** Burrow's cluster module default: `offset-refresh=10` seconds (config/burrow.toml). */
export const BURROW_OFFSET_REFRESH_MS = 10_000;
/** Prometheus accepts any positive duration; below 1 s a simulated week would be millions of scrapes. */
export const MIN_SCRAPE_INTERVAL_MS = 1_000;

/** Every event type the metrics recorder or Burrow reads. */
export const MONITORED_EVENTS: readonly EventType[] = [
  'brokerStarted',
  'brokerAdded',
  'controllerStarted',
  'producerCreated',
  'consumerCreated',
  'recordsAppended',
  'produceRejected',
  'duplicateBatch',
  'produceRequestSent',
  'produceRequestLost',
  'produceRequestTimedOut',
  'batchAcknowledged',
  'batchRetrying',
  'batchFailed',
  'replicaFetched',
  'consumerPolled',
  'isrChanged',
  'leaderChanged',
  'offsetsCommitted',
  'groupDeleted',
  'topicDeleted',
  // The security area's quota check: throttle_time_ms for the client throttle-time sensors.
  'clientThrottled',
];

function scrape(ctx: Ctx): void {
  const m = ctx.state.areas.monitoring.monitor;
  if (!m) return;
  const { report, alerts } = scrapeAndReport(m, ctx.state, ctx.now);
  ctx.emit(
    'metricsScraped',
    `Prometheus scraped ${report.targets} targets (${report.up} up): ${report.samples} samples`,
    { targets: report.targets, up: report.up, samples: report.samples },
  );
  for (const a of alerts)
    ctx.emit(a.type, a.reason, { alertname: a.alertname, labels: a.labels, value: a.value });
}

export const monitoringCommands = {
  monitoringStart: (ctx, cmd) => {
    const area = ctx.state.areas.monitoring;
    if (area.monitor) return fail('INVALID_REQUEST', 'Monitoring is already running.');
    const interval = cmd.scrapeIntervalMs ?? undefined;
    if (interval !== undefined && (!Number.isInteger(interval) || interval < MIN_SCRAPE_INTERVAL_MS))
      return fail(
        'INVALID_CONFIG',
        `scrape_interval must be a whole number of milliseconds of at least ${MIN_SCRAPE_INTERVAL_MS} (got ${interval})`,
      );
    const m = newMonitoringState(
      interval === undefined ? {} : { scrapeIntervalMs: interval, evaluationIntervalMs: interval },
    );
    // The exporter reads the JVMs' counters as they are: cumulative since each broker started.
    m.recorder = area.recorder ?? newRecorder();
    area.recorder = null;
    area.monitor = m;
    area.generation++;
    const targets = scrapeTargets(ctx.state, m.config).length;
    const every = m.config.scrapeIntervalMs;
    ctx.emit(
      'monitoringStarted',
      `jmx_exporter listens on port 9404 of every Kafka and client JVM; Prometheus scrapes ${targets} targets every ${every / 1000} s and evaluates Strimzi's alert rules; Burrow and kafka-lag-exporter follow the consumer groups`,
      { scrapeIntervalMs: every, targets },
    );
    const generation = area.generation;
    burrowRefresh(m, ctx.state, ctx.now);
    lagExporterPoll(m, ctx.state, ctx.now);
    scrape(ctx);
    ctx.schedule(every, { type: 'monitoringScrape', generation });
    ctx.schedule(BURROW_OFFSET_REFRESH_MS, { type: 'monitoringBurrowRefresh', generation });
    ctx.schedule(LAG_EXPORTER_POLL_INTERVAL_MS, { type: 'monitoringLagPoll', generation });
    return ok({ targets });
  },
  monitoringStop: (ctx) => {
    const area = ctx.state.areas.monitoring;
    if (!area.monitor) return fail('INVALID_REQUEST', 'Monitoring is not running.');
    // The JVMs keep running and counting; only the exporters, Prometheus and Burrow go away.
    area.recorder = area.monitor.recorder;
    area.monitor = null;
    ctx.emit(
      'monitoringStopped',
      'Prometheus, Burrow and kafka-lag-exporter stopped; the stored series and alerts are gone (the JVMs keep their counters)',
      {},
    );
    return okVoid();
  },
} satisfies CommandHandlers;

const current = (ctx: Ctx, generation: number) =>
  ctx.state.areas.monitoring.generation === generation ? ctx.state.areas.monitoring.monitor : null;

export const monitoringTasks = {
  monitoringScrape: (ctx, task) => {
    const m = current(ctx, task.generation);
    if (!m) return; // a task of a stopped run
    scrape(ctx);
    ctx.schedule(m.config.scrapeIntervalMs, task);
  },
  monitoringBurrowRefresh: (ctx, task) => {
    const m = current(ctx, task.generation);
    if (!m) return;
    // Burrow's broker-offset ring and partition owners are its bookkeeping; the verdicts are read on demand.
    burrowRefresh(m, ctx.state, ctx.now);
    ctx.schedule(BURROW_OFFSET_REFRESH_MS, task);
  },
  monitoringLagPoll: (ctx, task) => {
    const m = current(ctx, task.generation);
    if (!m) return;
    lagExporterPoll(m, ctx.state, ctx.now);
    ctx.schedule(LAG_EXPORTER_POLL_INTERVAL_MS, task);
  },
} satisfies TaskHandlers;

// The hooks run inside the command that emitted the event, so the recorder sees the state the event describes.
// The recorder runs whether or not monitoring does (the JVMs count anyway); Burrow only while it runs.
export const monitoringHooks: readonly Hook[] = MONITORED_EVENTS.map((type) =>
  on(type, (ctx, ev) => {
    const area = ctx.state.areas.monitoring;
    if (area.monitor) onMonitoringEvent(area.monitor, ev as SimEvent, ctx.state);
    else if (area.recorder) observe(area.recorder, ev as SimEvent, ctx.state);
  }),
);
