// Burrow's HTTP server on port 8000 (burrow.toml `[httpserver.default] address=":8000"`), for the console's `curl`:
// /v3/kafka, /v3/kafka/{cluster}/consumer, …/consumer/{group}, …/status and …/lag, /burrow/admin. Burrow runs
// beside Prometheus while monitoring runs (`monitoring start`); otherwise nothing listens and curl fails (7).
import type { HttpResponse, HttpService } from './types';

function answer(
  host: string,
  req: Parameters<HttpService['handle']>[0],
  ctx: Parameters<HttpService['handle']>[1],
): HttpResponse | null {
  const endpoint = ctx.read.monitoring().http(host, 8000);
  if (endpoint === null || endpoint.kind !== 'http') return null;
  // httprouter answers HEAD for GET routes; curl drops the body of a HEAD itself
  const r = endpoint.handle(req.method === 'HEAD' ? 'GET' : req.method, req.path, { ...req.query });
  return {
    status: r.status,
    headers: { 'content-type': r.contentType },
    body: r.body,
  };
}

export const BURROW_SERVICES: readonly HttpService[] = [
  {
    name: 'Burrow',
    hosts: ['localhost', '127.0.0.1'],
    port: 8000,
    handle: (req, ctx) => answer('localhost', req, ctx),
  },
  { name: 'Burrow', hosts: ['burrow'], port: 8000, handle: (req, ctx) => answer('burrow', req, ctx) },
];
