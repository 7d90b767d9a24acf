// The monitoring stack's HTTP endpoints for the console's `curl`: each broker's and controller's jmx_exporter
// (port 9404, `/metrics` in the Prometheus text format), kafka_exporter (9308) and Prometheus' HTTP API (9090:
// /api/v1/query, /api/v1/query_range, /api/v1/alerts, /api/v1/targets). They answer only while monitoring runs
// (`monitoring start`); otherwise nothing listens and curl fails to connect. `localhost` is the lowest broker's
// machine, where the console runs, and also runs Prometheus. Burrow (8000) is kafka-cli/http/burrow.ts.
import type { ToolContext } from '../tool';
import type { HttpRequest, HttpResponse, HttpService } from './types';

/** A course cluster has at most 12 brokers (ids 1..) and 12 controllers (ids 1000..). */
const MAX_NODES = 12;

function answer(host: string, port: number, req: HttpRequest, ctx: ToolContext): HttpResponse | null {
  const endpoint = ctx.read.monitoring().http(host, port);
  if (endpoint === null || endpoint.kind !== 'http') return null; // nothing listens there: curl (7)
  // Prometheus' API takes its parameters from the URL or, in a POST, form-encoded in the body.
  const query =
    req.method === 'POST' && req.body !== null
      ? { ...req.query, ...Object.fromEntries(new URLSearchParams(req.body)) }
      : req.query;
  const method = req.method === 'POST' && port === 9090 ? 'GET' : req.method;
  const r = endpoint.handle(method, req.path, query);
  return { status: r.status, headers: { 'content-type': r.contentType }, body: r.body };
}

/** One service per machine, so the handler knows which host curl asked (the request does not carry it). */
function service(name: string, hosts: readonly string[], port: number): HttpService {
  const host = hosts[0] === '127.0.0.1' ? 'localhost' : hosts[0];
  return { name, hosts, port, handle: (req, ctx) => answer(host, port, req, ctx) };
}

const LOCAL = ['localhost', '127.0.0.1'];
const ids = (from: number) => Array.from({ length: MAX_NODES }, (_, i) => from + i);

export const PROMETHEUS_SERVICES: readonly HttpService[] = [
  // localhost first: curl matches localhost to the first service on the port.
  service('jmx_exporter', LOCAL, 9404),
  ...ids(1).map((id) =>
    service('jmx_exporter', [`my-cluster-kafka-${id}`, `kafka-${id}`, `broker-${id}`], 9404),
  ),
  ...ids(1000).map((id) =>
    service('jmx_exporter', [`my-cluster-controller-${id}`, `controller-${id}`], 9404),
  ),
  service('kafka_exporter', [...LOCAL, 'my-cluster-kafka-exporter', 'kafka-exporter'], 9308),
  service('Prometheus', [...LOCAL, 'prometheus'], 9090),
];
