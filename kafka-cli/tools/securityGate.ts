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
  | { ok: true; principal: string | null; throttleTimeMs: number; authorizedTopics: string[] | null }
  /** `lines` are what the tool prints (log line, exception); `exception` is the Java exception alone. */
  | { ok: false; lines: string[]; exception: string };

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
  client: { clientId: string; kind: Kind; commandConfig: string | null },
  requests: Request[],
  bytes?: number,
): GateResult {
  if (!gated(ctx, client.commandConfig))
    return { ok: true, principal: null, throttleTimeMs: 0, authorizedTopics: null };
  let principal: string | null = null;
  let throttleTimeMs = 0;
  let authorizedTopics: string[] | null = null;
  for (const request of requests) {
    const r = ctx.port.securityRequest({
      client: { ...client, bootstrapServer: o?.value('bootstrap-server') ?? null },
      request,
      ...(bytes !== undefined && (request.api === 'Produce' || request.api === 'Fetch') ? { bytes } : {}),
    });
    if (!r.ok) return { ok: false, lines: [r.error.message], exception: r.error.message };
    const d = r.data;
    if (d.kind === 'not-connected') {
      const exception = d.clientError ?? neverReady(client.kind, request);
      return {
        ok: false,
        lines: [d.clientLog, exception].filter((l): l is string => l !== null && l !== ''),
        exception,
      };
    }
    principal = d.principal;
    throttleTimeMs = Math.max(throttleTimeMs, d.throttleTimeMs);
    authorizedTopics = d.authorizedTopics;
    if (!d.allowed && d.clientException !== null) {
      return { ok: false, lines: [d.clientException], exception: d.clientException };
    }
  }
  return { ok: true, principal, throttleTimeMs, authorizedTopics };
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
