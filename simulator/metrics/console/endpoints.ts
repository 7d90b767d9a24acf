// Who answers at host:port in the simulated network: each broker's and controller's jmx_exporter (9404),
// kafka_exporter (9308), Prometheus (9090), Burrow (8000) and kafka-lag-exporter (kafka-lag-exporter:8000). `localhost` is the machine of the lowest broker id,
// where the console "runs" (like --bootstrap-server localhost:9092), and also hosts Prometheus and Burrow.
import type { SimState } from '../../engine/state';
import { listAlerts } from '../alerts/alerting';
import { burrowHttp } from '../burrow/http';
import { EXPOSITION_CONTENT_TYPE, renderExposition } from '../exposition';

import type { MBean } from '../mbean';
import type { MonitoringState } from '../monitor';
import { apiQuery, apiQueryRange } from '../promql/api';
import { collectMBeans, type NodeRef, nodeRunning } from '../sampler';
import { metricNames } from '../store';
import { type ScrapeTarget, scrapeTargets, targetFamilies, targetUp } from '../targets';
import type { Endpoint, HttpResult } from './types';

function lowestBroker(state: SimState): number | null {
  const ids = Object.keys(state.brokers)
    .map(Number)
    .sort((a, b) => a - b);
  return ids.length ? ids[0] : null;
}

/** Host names of a node: my-cluster-kafka-1, kafka-1, broker-1 (controllers: my-cluster-controller-1000, controller-1000). */
export function nodeForHost(state: SimState, m: MonitoringState, host: string): NodeRef | null {
  if (host === 'localhost' || host === '127.0.0.1') {
    const id = lowestBroker(state);
    return id === null ? null : { kind: 'broker', id };
  }
  const c = m.config.clusterName;
  const b = new RegExp(`^(?:${c}-kafka|kafka|broker)-(\\d+)$`).exec(host);
  if (b && state.brokers[Number(b[1])]) return { kind: 'broker', id: Number(b[1]) };
  const ctl = new RegExp(`^(?:${c}-controller|controller)-(\\d+)$`).exec(host);
  if (ctl && state.quorum.voters.some((v) => v.id === Number(ctl[1])))
    return { kind: 'controller', id: Number(ctl[1]) };
  if (state.producers[host]) return { kind: 'producer', name: host };
  if (state.areas.consumers?.consumers[host]) return { kind: 'consumer', name: host };
  return null;
}

function text(status: number, body: string, contentType = 'text/plain; charset=utf-8'): HttpResult {
  return { status, contentType, body };
}

function metricsHandler(state: SimState, m: MonitoringState, target: ScrapeTarget): Endpoint {
  if (!targetUp(state, target)) return { kind: 'refused' };
  return {
    kind: 'http',
    handle: (method, path) => {
      if (method !== 'GET') return text(405, 'Method Not Allowed');
      if (path === '/metrics' || path === '/')
        return text(
          200,
          renderExposition(targetFamilies(state, m.recorder, target, m.config)),
          EXPOSITION_CONTENT_TYPE,
        );
      if (path === '/-/healthy') return text(200, 'Exporter is Healthy.');
      return text(404, 'Not Found');
    },
  };
}

function rfc3339(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/\.000Z$/, 'Z')
    .replace(/(\.\d*?)0+Z$/, '$1Z');
}

function prometheusHandler(state: SimState, m: MonitoringState): Endpoint {
  const json = (status: number, body: string): HttpResult => ({
    status,
    contentType: 'application/json',
    body,
  });
  return {
    kind: 'http',
    handle: (_method, path, query) => {
      switch (path) {
        case '/api/v1/query': {
          const r = apiQuery(m.store, query, state.now);
          return json(r.status, r.body);
        }
        case '/api/v1/query_range': {
          const r = apiQueryRange(m.store, query, state.now);
          return json(r.status, r.body);
        }
        case '/api/v1/alerts':
          return json(
            200,
            JSON.stringify({
              status: 'success',
              data: {
                alerts: listAlerts(m.alerting).map((a) => ({
                  labels: a.labels,
                  annotations: a.annotations,
                  state: a.state,
                  activeAt: rfc3339(a.activeAt),
                  value: a.value.toExponential().replace(/e([+-])(\d)$/, 'e$10$2'),
                })),
              },
            }),
          );
        case '/api/v1/label/__name__/values':
          return json(200, JSON.stringify({ status: 'success', data: metricNames(m.store) }));
        case '/api/v1/targets':
          return json(
            200,
            JSON.stringify({
              status: 'success',
              data: {
                activeTargets: scrapeTargets(state, m.config).map((t) => ({
                  labels: { instance: t.instance, job: t.job, ...t.labels },
                  scrapeUrl: `http://${t.instance}/metrics`,
                  health: targetUp(state, t) ? 'up' : 'down',
                  lastScrape: m.lastScrapeAt === null ? '0001-01-01T00:00:00Z' : rfc3339(m.lastScrapeAt),
                })),
                droppedTargets: [],
              },
            }),
          );
        case '/-/healthy':
          return text(200, 'Prometheus Server is Healthy.\n');
        default:
          return text(404, '404 page not found\n');
      }
    },
  };
}

/** The resolver curl uses. */
export function monitoringEndpoints(
  state: SimState,
  m: MonitoringState,
): (host: string, port: number) => Endpoint {
  return (host, port) => {
    const local = host === 'localhost' || host === '127.0.0.1';
    if (port === 9090 && (local || host === 'prometheus')) return prometheusHandler(state, m);
    if (port === 8000 && (local || host === 'burrow'))
      return {
        kind: 'http',
        handle: (method, path) => {
          const r = burrowHttp(m.burrow, method, path, state.now, 'burrow');
          return { status: r.status, contentType: r.contentType, body: r.body };
        },
      };
    const targets = scrapeTargets(state, m.config);
    if (
      port === 9308 &&
      (local || host === `${m.config.clusterName}-kafka-exporter` || host === 'kafka-exporter')
    ) {
      const t = targets.find((x) => x.kind === 'kafka-exporter');
      if (t) return metricsHandler(state, m, t);
    }
    if (port === 8000 && host === 'kafka-lag-exporter') {
      const t = targets.find((x) => x.kind === 'kafka-lag-exporter');
      if (t) return metricsHandler(state, m, t);
    }
    const node = nodeForHost(state, m, host);
    if (!node) return local ? { kind: 'refused' } : { kind: 'unknown-host' };
    if (port !== 9404) return { kind: 'refused' };
    const target = targets.find((t) => t.node && JSON.stringify(t.node) === JSON.stringify(node));
    return target ? metricsHandler(state, m, target) : { kind: 'refused' };
  };
}

/** The MBeans a JMX URL reaches (null when nothing listens there: unknown host, stopped JVM, other port). */
export function jmxBeansFor(state: SimState, m: MonitoringState, host: string, port: number): MBean[] | null {
  if (port !== 9999) return null;
  const node = nodeForHost(state, m, host);
  if (!node || !nodeRunning(state, node)) return null;
  if (node.kind === 'broker' && state.brokers[node.id].network === 'isolated' && host !== 'localhost')
    return null;
  return collectMBeans(state, m.recorder, node);
}
