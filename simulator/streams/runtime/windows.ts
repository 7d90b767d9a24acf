// Window arithmetic exactly as Kafka Streams does it.

/**
 * TimeWindows#windowsFor: epoch-aligned windows [start, start + size) that contain the timestamp, oldest first.
 * Tumbling windows are hopping windows with advance == size.
 */
export function timeWindowsFor(
  timestamp: number,
  sizeMs: number,
  advanceMs: number,
): Array<{ start: number; end: number }> {
  let start = Math.floor(Math.max(0, timestamp - sizeMs + advanceMs) / advanceMs) * advanceMs;
  const out: Array<{ start: number; end: number }> = [];
  while (start <= timestamp) {
    out.push({ start, end: start + sizeMs });
    start += advanceMs;
  }
  return out;
}

/** A time window is still open for a record while end > streamTime - grace (KStreamWindowAggregate). */
export function timeWindowCloseTime(observedStreamTime: number, graceMs: number): number {
  return observedStreamTime - graceMs;
}
