// The security path every console tool's requests take: its --command-config properties (a scratch file
// written with `cat > client.properties <<EOF`) give the principal, the authorizer decides, and a refusal
// prints what the Java client raises. With no security configured and no properties file the gate
// dispatches nothing, so a cluster without security behaves exactly as before.
import type { ParsedOptions } from '../options';
import type { SecurityRequestCommand } from '../port';
import type { ToolContext } from '../tool';

type Request = SecurityRequestCommand['request'];
type Kind = SecurityRequestCommand['client']['kind'];

export type GateResult =
  | {
      ok: true;
      principal: string | null;
      throttleTimeMs: number;
      /** The last request's authorized topics; null when the gate did not apply. */
      authorizedTopics: string[] | null;
      /** ListGroups: the groups the principal may see; null when the gate did not apply. */
      authorizedGroups: string[] | null;
      /** ListTransactions / DescribeTransactions: the ids the principal may see; null when not applied. */
      authorizedTransactionalIds?: string[] | null;
      /** Fetch under a consumer_byte_rate quota: the most one response may carry; null = no cap. */
      fetchMaxBytes?: number | null;
    }
  /**
   * `lines` are what the tool prints (log line, exception); `exception` is the Java exception alone;
   * `error` the protocol error (TOPIC_AUTHORIZATION_FAILED…), null when the client never connected.
   */
  | {
      ok: false;
      lines: string[];
      exception: string;
      error: string | null;
      /** The refused request's topics that were allowed (per-topic refusals: the rest went ahead). */
      authorizedTopics?: string[];
    };

/** The properties file a tool was given: --command-config, or the tool's older spelling of it. */
export function commandConfigOf(o: ParsedOptions, ...older: string[]): string | null {
  for (const name of ['command-config', ...older]) {
    const v = o.value(name);
    if (v !== undefined) return v;
  }
  return null;
}

/** Should this tool's requests go through the security path? */
export function gated(ctx: ToolContext, commandConfig: string | null): boolean {
  return commandConfig !== null || ctx.read.security().configured;
}

/**
 * Send `requests` (in order) through the security path; stops at the first refusal. Returns ok without
 * dispatching anything when the gate does not apply.
 */
export function passGate(
  ctx: ToolContext,
  o: ParsedOptions | null,
  client: {
    clientId: string;
    kind: Kind;
    commandConfig: string | null;
    props?: Record<string, string>;
    /** When the tool has no --bootstrap-server option (kcat's -b). */
    bootstrapServer?: string | null;
  },
  requests: Request[],
  bytes?: number,
): GateResult {
  if (!gated(ctx, client.props ? '' : client.commandConfig))
    return {
      ok: true,
      principal: null,
      throttleTimeMs: 0,
      authorizedTopics: null,
      authorizedGroups: null,
      authorizedTransactionalIds: null,
    };
  let principal: string | null = null;
  let throttleTimeMs = 0;
  let authorizedTopics: string[] | null = null;
  let authorizedGroups: string[] | null = null;
  let authorizedTransactionalIds: string[] | null = null;
  let fetchMaxBytes: number | null = null;
  for (const request of requests) {
    const r = ctx.port.securityRequest({
      client: { ...client, bootstrapServer: client.bootstrapServer ?? o?.value('bootstrap-server') ?? null },
      request,
      ...(bytes !== undefined && (request.api === 'Produce' || request.api === 'Fetch') ? { bytes } : {}),
    });
    if (!r.ok) return { ok: false, lines: [r.error.message], exception: r.error.message, error: null };
    const d = r.data;
    if (d.kind === 'not-connected') {
      const exception = d.clientError ?? neverReady(client.kind, request);
      return {
        ok: false,
        lines: [d.clientLog, exception].filter((l): l is string => l !== null && l !== ''),
        exception,
        error: null,
      };
    }
    principal = d.principal;
    throttleTimeMs = Math.max(throttleTimeMs, d.throttleTimeMs);
    authorizedTopics = d.authorizedTopics;
    authorizedGroups = d.authorizedGroups ?? null;
    authorizedTransactionalIds = d.authorizedTransactionalIds ?? null;
    if (d.fetchMaxBytes !== undefined) fetchMaxBytes = d.fetchMaxBytes;
    if (!d.allowed && d.clientException !== null) {
      return {
        ok: false,
        lines: [d.clientException],
        exception: d.clientException,
        error: d.error,
        authorizedTopics: d.authorizedTopics,
      };
    }
  }
  return {
    ok: true,
    principal,
    throttleTimeMs,
    authorizedTopics,
    authorizedGroups,
    authorizedTransactionalIds,
    fetchMaxBytes,
  };
}

const ADMIN_CALLS: Partial<Record<Request['api'], string>> = {
  Metadata: 'listTopics',
  CreateTopics: 'createTopics',
  DeleteTopics: 'deleteTopics',
  CreatePartitions: 'createPartitions',
  DescribeGroups: 'describeConsumerGroups',
  ListGroups: 'listGroups',
  DeleteGroups: 'deleteConsumerGroups',
  OffsetFetch: 'listConsumerGroupOffsets',
  OffsetCommit: 'alterConsumerGroupOffsets',
  DescribeConfigs: 'describeConfigs',
  IncrementalAlterConfigs: 'incrementalAlterConfigs',
  ListOffsets: 'listOffsets',
  ElectLeaders: 'electLeaders',
  AlterPartitionReassignments: 'alterPartitionReassignments',
  ListPartitionReassignments: 'listPartitionReassignments',
};

/**
 * What a client ends with when the broker keeps closing its connection (no authentication error to
 * report): the Admin call times out (default.api.timeout.ms), the producer's send waits max.block.ms for
 * metadata. The real console consumer keeps retrying; here it stops with the metadata timeout.
 */
function neverReady(kind: Kind, request: Request): string {
  const e = 'org.apache.kafka.common.errors.TimeoutException';
  if (kind === 'admin')
    return `${e}: Timed out waiting for a node assignment. Call: ${ADMIN_CALLS[request.api] ?? 'listTopics'}`;
  if (kind === 'producer') {
    const topic = 'topics' in request && request.topics ? request.topics[0] : '';
    return `${e}: Topic ${topic} not present in metadata after 60000 ms.`;
  }
  return `${e}: Timeout expired while fetching topic metadata`;
}

/** `org.apache.kafka.common.errors.X: message` → `message` (Throwable#getMessage of the cause). */
export function exceptionMessage(exception: string): string {
  const i = exception.indexOf(': ');
  return i < 0 ? exception : exception.slice(i + 2);
}

const DEFAULT_EXCEPTIONS: Record<string, string> = {
  TOPIC_AUTHORIZATION_FAILED: 'TopicAuthorizationException: Topic authorization failed.',
  GROUP_AUTHORIZATION_FAILED: 'GroupAuthorizationException: Group authorization failed.',
  CLUSTER_AUTHORIZATION_FAILED: 'ClusterAuthorizationException: Cluster authorization failed.',
  TRANSACTIONAL_ID_AUTHORIZATION_FAILED:
    'TransactionalIdAuthorizationException: Transactional Id authorization failed.',
};

/**
 * What an Admin future fails with when the response carries only an error code (Errors#exception() with
 * its default message, as KafkaAdminClient#describeTopics or #alterPartitionReassignments raise it);
 * otherwise the gate's exception.
 */
export function adminException(g: Extract<GateResult, { ok: false }>): string {
  const e = g.error === null ? undefined : DEFAULT_EXCEPTIONS[g.error];
  return e === undefined ? g.exception : `org.apache.kafka.common.errors.${e}`;
}

const utf8 = (s: string | null): number => (s === null ? 0 : new TextEncoder().encode(s).length);

/**
 * The size of a Produce request carrying these records, which is what producer_byte_rate counts
 * (KafkaApis#handleProduceRequest records request.sizeInBytes). Approximated: about 100 bytes of request
 * header, topic/partition framing and the 61-byte record batch header, then per record about 8 bytes of
 * varint lengths and deltas plus its key, value and headers.
 */
export function produceRequestBytes(
  records: ReadonlyArray<{
    key: string | null;
    value: string | null;
    headers?: ReadonlyArray<[string, string]>;
  }>,
): number {
  let n = 100;
  for (const r of records) {
    n += 8 + utf8(r.key) + utf8(r.value);
    for (const [k, v] of r.headers ?? []) n += 2 + utf8(k) + utf8(v);
  }
  return n;
}

/**
 * The size of a Fetch response carrying these records, which is what consumer_byte_rate counts
 * (KafkaApis#handleFetchRequest records the response size). Approximated: about 50 bytes of response
 * header and framing, 61 bytes of record batch header per partition, and per record about 8 bytes of
 * varints plus its key, value and headers.
 */
export function fetchResponseBytes(
  records: ReadonlyArray<{
    topic: string;
    partition: number;
    key: string | null;
    value: string | null;
    headers?: ReadonlyArray<readonly [string, string]>;
  }>,
): number {
  if (records.length === 0) return 0;
  const partitions = new Set(records.map((r) => `${r.topic}-${r.partition}`));
  let n = 50 + 61 * partitions.size;
  for (const r of records) {
    n += 8 + utf8(r.key) + utf8(r.value);
    for (const [k, v] of r.headers ?? []) n += 2 + utf8(k) + utf8(v);
  }
  return n;
}

/**
 * A named client whose last response was throttled waits until its connection is unmuted before the next
 * request: the broker mutes the channel for throttle_time_ms and the client itself holds back (KIP-219).
 * Advances the virtual clock by what is left and returns the line saying so, or null.
 */
export function waitOutThrottle(ctx: ToolContext, name: string): string | null {
  const until = ctx.read.security().clients[name]?.mutedUntil;
  const now = ctx.read.now();
  if (until === undefined || until <= now) return null;
  const wait = until - now;
  const r = ctx.port.advanceClock(wait);
  if (!r.ok) return null;
  return `(simulation) ${name} waits ${wait} ms of virtual time: its last response carried throttle_time_ms and the broker muted the connection (KIP-219)`;
}

/**
 * The quota step of a consumer fetch whose response would carry `bytes`: recorded against
 * consumer_byte_rate; when it throttles, the broker unrecords them and answers with no records and
 * throttle_time_ms (KafkaApis#handleFetchRequest, KIP-219), so the caller delivers nothing and fetches the
 * same records again once the wait is over.
 */
export function fetchQuota(
  ctx: ToolContext,
  client: { clientId: string; kind: Kind; commandConfig: string | null; props?: Record<string, string> },
  bootstrapServer: string | null,
  bytes: number,
): { throttleTimeMs: number; returnsData: boolean } {
  if (bytes === 0 || !gated(ctx, client.props ? '' : client.commandConfig))
    return { throttleTimeMs: 0, returnsData: true };
  const r = ctx.port.securityFetchBytes({ client: { ...client, bootstrapServer }, bytes });
  return r.ok ? r.data : { throttleTimeMs: 0, returnsData: true };
}

/**
 * The records one fetch response carries under a byte cap (fetch.max.bytes, lowered by the broker to the
 * quota window): whole records while the response stays within it, and always the first (KIP-74).
 */
export function capToBytes<R extends Parameters<typeof fetchResponseBytes>[0][number]>(
  records: readonly R[],
  maxBytes: number | null | undefined,
): R[] {
  if (maxBytes === null || maxBytes === undefined) return [...records];
  const taken: R[] = [];
  const partitions = new Set<string>();
  let bytes = 50;
  for (const r of records) {
    const tp = `${r.topic}-${r.partition}`;
    let add = 8 + utf8(r.key) + utf8(r.value) + (partitions.has(tp) ? 0 : 61);
    for (const [k, v] of r.headers ?? []) add += 2 + utf8(k) + utf8(v);
    if (taken.length > 0 && bytes + add > maxBytes) break;
    taken.push(r);
    partitions.add(tp);
    bytes += add;
  }
  return taken;
}

/** The note a console client prints for the throttle it waited out (nothing when it never waited). */
export function throttledNote(
  quota: 'producer_byte_rate' | 'consumer_byte_rate',
  waitedMs: number,
  count: number,
) {
  const what = quota === 'producer_byte_rate' ? 'produce requests' : 'fetches';
  return `(simulation) throttled by ${quota}: ${count} response${count === 1 ? '' : 's'} carried throttle_time_ms; waited ${waitedMs} ms of virtual time between ${what} (the broker muted the connection, KIP-219)`;
}
