// Burrow's HTTP server (core/internal/httpserver): routes under /v3/kafka and the JSON exactly as Go's
// encoding/json writes Burrow's structs (field order of the struct, float32 `complete`, <>& escaped, compact).
import { goFloat32 } from '../format';
import { type ConsumerGroupStatus, evaluateGroup, type PartitionStatus, statusOnly } from './evaluator';
import { type BurrowState, type ConsumerOffset, fetchConsumer } from './storage';

export type HttpResponse = { status: number; contentType: string; body: string };

/** A JSON value with Go's number formatting made explicit (float32 fields). */
type GoJson = null | boolean | string | number | { f32: number } | GoJson[] | { [k: string]: GoJson };

function goString(s: string): string {
  return JSON.stringify(s)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function goMarshal(v: GoJson): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return goString(v);
  if (Array.isArray(v)) return `[${v.map(goMarshal).join(',')}]`;
  if ('f32' in v && Object.keys(v).length === 1 && typeof v.f32 === 'number') return goFloat32(v.f32);
  return `{${Object.entries(v)
    .map(([k, x]) => `${goString(k)}:${goMarshal(x as GoJson)}`)
    .join(',')}}`;
}

function offsetJson(o: ConsumerOffset | null): GoJson {
  return o === null
    ? null
    : { offset: o.offset, timestamp: o.timestamp, observedAt: o.observedAt, lag: o.lag };
}

function partitionJson(p: PartitionStatus | null): GoJson {
  if (p === null) return null;
  return {
    topic: p.topic,
    partition: p.partition,
    owner: p.owner,
    client_id: p.client_id,
    status: p.status,
    start: offsetJson(p.start),
    end: offsetJson(p.end),
    current_lag: p.current_lag,
    complete: { f32: p.complete },
  };
}

export function groupStatusJson(g: ConsumerGroupStatus): GoJson {
  return {
    cluster: g.cluster,
    group: g.group,
    status: g.status,
    complete: { f32: g.complete },
    partitions: g.partitions.map(partitionJson),
    partition_count: g.partition_count,
    maxlag: partitionJson(g.maxlag),
    totallag: g.totallag,
  };
}

function respond(status: number, obj: GoJson): HttpResponse {
  return { status, contentType: 'application/json', body: goMarshal(obj) };
}

function request(path: string, host: string): GoJson {
  return { url: path, host };
}

function errorResponse(status: number, message: string, path: string, host: string): HttpResponse {
  return respond(status, { error: true, message, request: request(path, host) });
}

/** Serve one GET (or DELETE) at virtual time `now`. `host` is what os.Hostname() returns on the Burrow host. */
export function burrowHttp(
  s: BurrowState,
  method: string,
  path: string,
  now: number,
  host = 'burrow',
): HttpResponse {
  const parts = path.replace(/\/+$/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const notFound: HttpResponse = {
    status: 404,
    contentType: 'text/plain; charset=utf-8',
    body: '{"error":true,"message":"invalid request type","result":{}}\n',
  };
  if (method === 'GET' && parts.length === 2 && parts[0] === 'burrow' && parts[1] === 'admin')
    return { status: 200, contentType: 'text/plain; charset=utf-8', body: 'GOOD' };
  if (parts[0] !== 'v3' || parts[1] !== 'kafka') return notFound;
  const req = request(path, host);
  if (parts.length === 2 && method === 'GET')
    return respond(200, {
      error: false,
      message: 'cluster list returned',
      clusters: [s.cluster],
      request: req,
    });
  const cluster = parts[2];
  // The evaluator answers an unknown cluster like an unknown group: status NOTFOUND with a 404, not an error
  // body (evaluator/caching.go getConsumerStatus; httpserver/kafka.go handleConsumerStatus).
  if (
    cluster !== s.cluster &&
    method === 'GET' &&
    parts.length === 6 &&
    parts[3] === 'consumer' &&
    (parts[5] === 'status' || parts[5] === 'lag')
  )
    return respond(404, {
      error: false,
      message: 'consumer status returned',
      status: groupStatusJson({
        cluster,
        group: parts[4],
        status: 'NOTFOUND',
        complete: 1,
        partitions: [],
        partition_count: 0,
        maxlag: null,
        totallag: 0,
      }),
      request: request(path, host),
    });
  if (cluster !== s.cluster) {
    if (parts.length === 3) return errorResponse(404, 'cluster module not found', path, host);
    return errorResponse(
      404,
      parts[3] === 'consumer' && parts.length > 4 ? 'cluster or consumer not found' : 'cluster not found',
      path,
      host,
    );
  }
  if (parts.length === 3 && method === 'GET')
    return respond(200, {
      error: false,
      message: 'cluster module detail returned',
      module: {
        'class-name': 'kafka',
        servers: ['localhost:9092'],
        'client-profile': { name: '', 'client-id': '', 'kafka-version': '', tls: null, sasl: null },
        'topic-refresh': 60,
        'offset-refresh': s.config.offsetRefreshS,
      },
      request: req,
    });
  if (parts[3] === 'topic' && method === 'GET') {
    if (parts.length === 4)
      return respond(200, {
        error: false,
        message: 'topic list returned',
        topics: Object.keys(s.brokerOffsets).sort(),
        request: req,
      });
    const topic = parts[4];
    const ring = s.brokerOffsets[topic];
    if (parts.length === 5) {
      if (!ring) return errorResponse(404, 'cluster or topic not found', path, host);
      return respond(200, {
        error: false,
        message: 'topic offsets returned',
        offsets: ring.map((r) => r[r.length - 1]?.offset ?? 0),
        request: req,
      });
    }
    if (parts.length === 6 && parts[5] === 'consumers') {
      const consumers = Object.keys(s.groups)
        .filter((g) => s.groups[g].topics[topic])
        .sort();
      return respond(200, { error: false, message: 'consumers of topic returned', consumers, request: req });
    }
    return notFound;
  }
  if (parts[3] !== 'consumer') return notFound;
  if (parts.length === 4 && method === 'GET')
    return respond(200, {
      error: false,
      message: 'consumer list returned',
      consumers: Object.keys(s.groups).sort(),
      request: req,
    });
  const group = parts[4];
  if (method === 'DELETE' && parts.length === 5) {
    delete s.groups[group];
    return respond(200, { error: false, message: 'consumer group removed', request: req });
  }
  if (method !== 'GET') return notFound;
  if (parts.length === 5) {
    const topics = fetchConsumer(s, group, now);
    if (!topics) return errorResponse(404, 'cluster or consumer not found', path, host);
    const json: Record<string, GoJson> = {};
    for (const [t, ps] of Object.entries(topics))
      json[t] = ps.map((p) => ({
        offsets: p.offsets.map(offsetJson),
        owner: p.owner,
        client_id: p.clientId,
        'current-lag': p.currentLag,
      }));
    return respond(200, { error: false, message: 'consumer detail returned', topics: json, request: req });
  }
  if (parts.length === 6 && (parts[5] === 'status' || parts[5] === 'lag')) {
    const full = evaluateGroup(s, group, now);
    const g = parts[5] === 'status' ? statusOnly(full) : full;
    return respond(g.status === 'NOTFOUND' ? 404 : 200, {
      error: false,
      message: 'consumer status returned',
      status: groupStatusJson(g),
      request: req,
    });
  }
  return notFound;
}
