// A one-shot console consumer (kafka-console-consumer.sh without --group, kcat -C) fetching what is
// readable now under consumer_byte_rate: one fetch response after another, each within the quota window
// the broker caps it to; a throttled response carries no records, so the client waits throttle_time_ms on
// the virtual clock (KIP-219) and fetches the same records again.
import type { ToolContext } from '../tool';
import { capToBytes, fetchQuota, fetchResponseBytes } from './securityGate';

type Client = Parameters<typeof fetchQuota>[1];
type Fetched = Parameters<typeof fetchResponseBytes>[0][number];

/**
 * Throttled responses in a row after which the simulated client stops. Only reached when one response
 * (at least one record, KIP-74) is larger than the quota window allows: Kafka then throttles every fetch.
 */
export const MAX_THROTTLED_IN_A_ROW = 20;

/** What a consumer that kept being throttled prints when the simulation stops it. */
export function stuckNote(bytes: number, windowBytes: number | null | undefined): string {
  return `(simulation) stopped after ${MAX_THROTTLED_IN_A_ROW} throttled fetches in a row: one response of ${bytes} bytes is more than consumer_byte_rate allows in a quota window${windowBytes ? ` (${windowBytes} bytes)` : ''}, so the broker throttles every fetch of it`;
}

export function fetchUnderQuota(
  ctx: ToolContext,
  client: Client,
  bootstrapServer: string | null,
  records: readonly Fetched[],
  fetchMaxBytes: number | null | undefined,
): { waitedMs: number; throttled: number; stuck: string | null; delivered: number } {
  let waitedMs = 0;
  let throttled = 0;
  let rest = records;
  let inARow = 0;
  while (rest.length > 0) {
    const response = capToBytes(rest, fetchMaxBytes);
    const bytes = fetchResponseBytes(response);
    if (inARow >= MAX_THROTTLED_IN_A_ROW)
      return {
        waitedMs,
        throttled,
        stuck: stuckNote(bytes, fetchMaxBytes),
        delivered: records.length - rest.length,
      };
    const q = fetchQuota(ctx, client, bootstrapServer, bytes);
    if (!q.returnsData) {
      ctx.port.advanceClock(q.throttleTimeMs);
      waitedMs += q.throttleTimeMs;
      throttled++;
      inARow++;
      continue;
    }
    inARow = 0;
    rest = rest.slice(response.length);
  }
  return { waitedMs, throttled, stuck: null, delivered: records.length };
}
