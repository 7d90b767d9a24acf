// The monitoring area's state and its commands, tasks and events: jmx_exporter on every broker, controller and
// client JVM, a Prometheus that scrapes them and evaluates Strimzi's alert rules, Burrow and kafka-lag-exporter,
// all on the virtual clock. The metrics themselves (MBeans, naming, store, PromQL, rules) are in simulator/metrics.
import type { MonitoringState } from '../metrics/monitor';
import type { MetricsRecorder } from '../metrics/recorder';

export type MonitoringAreaState = {
  /** Null until `monitoringStart`: no exporter listens on 9404 and nothing is scraped. */
  monitor: MonitoringState | null;
  /** Bumped by every start: the tasks of an earlier run carry an older generation and do nothing. */
  generation: number;
  /**
   * The JVMs' own counters while monitoring is off. Kafka's meters count from the broker's (JVM's) start, not
   * from when an exporter attaches, so they are kept from the first event on; `monitoringStart` hands them to
   * the run (`monitor.recorder`, this is then null) and `monitoringStop` takes them back.
   */
  recorder: MetricsRecorder | null;
};

type AlertPayload = { alertname: string; labels: Record<string, string>; value: number };

declare module '../engine/registry' {
  interface AreaStates {
    monitoring: MonitoringAreaState;
  }
  interface CommandMap {
    /**
     * Attach jmx_exporter to every JVM and start Prometheus (scrape and rule evaluation every
     * `scrapeIntervalMs`, default 15 s), Burrow (offset-refresh 10 s) and kafka-lag-exporter (poll 30 s).
     * Counters are the JVMs' own, counting from each broker's start (Yammer meters), not from this command.
     */
    monitoringStart: { scrapeIntervalMs?: number };
    /** Stop everything monitoringStart started; the series and alert state are dropped. */
    monitoringStop: Record<never, never>;
  }
  interface CommandResultMap {
    monitoringStart: { targets: number };
    monitoringStop: undefined;
  }
  interface EventMap {
    monitoringStarted: { scrapeIntervalMs: number; targets: number };
    monitoringStopped: Record<never, never>;
    /** One Prometheus scrape of every target (and the rule evaluation at the same instant). */
    metricsScraped: { targets: number; up: number; samples: number };
    alertPending: AlertPayload;
    alertFiring: AlertPayload;
    alertResolved: AlertPayload;
  }
  interface TaskMap {
    /** Prometheus' scrape + rule evaluation of run `generation`. */
    monitoringScrape: { generation: number };
    /** Burrow's cluster module (offset-refresh) of run `generation`. */
    monitoringBurrowRefresh: { generation: number };
    /** kafka-lag-exporter's poll of run `generation`. */
    monitoringLagPoll: { generation: number };
  }
}
