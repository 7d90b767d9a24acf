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
  o: ParsedOptions,
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
      client: { ...client, bootstrapServer: o.value('bootstrap-server') ?? null },
      request,
      ...(bytes !== undefined && (request.api === 'Produce' || request.api === 'Fetch') ? { bytes } : {}),
    });
    if (!r.ok) return { ok: false, lines: [r.error.message], exception: r.error.message };
    const d = r.data;
    if (d.kind === 'not-connected') {
      const exception = d.clientError ?? d.clientLog ?? 'org.apache.kafka.common.errors.TimeoutException';
      return {
        ok: false,
        lines: [d.clientLog, d.clientError].filter((l): l is string => l !== null && l !== ''),
        exception,
      };
    }
    principal = d.principal;
    throttleTimeMs = Math.max(throttleTimeMs, d.throttleTimeMs);
    if (request.api === 'Produce' || request.api === 'Fetch') authorizedTopics = d.authorizedTopics;
    if (!d.allowed && d.clientException !== null) {
      return { ok: false, lines: [d.clientException], exception: d.clientException };
    }
  }
  return { ok: true, principal, throttleTimeMs, authorizedTopics };
}
