// Small formatting helpers mirroring the Java printf patterns Kafka's tools use.

/** Java `%-Ns`: left-aligned, padded to at least N, never truncated. */
export function padRight(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** Apply a row of `%-Ns` columns separated by one space; width null = unpadded `%s`. */
export function columns(values: readonly string[], widths: ReadonlyArray<number | null>): string {
  return values.map((v, i) => (widths[i] == null ? v : padRight(v, widths[i] as number))).join(' ');
}

export const MISSING = '-';

/** Width of a column: max(minimum, longest value). */
export function widthOf(minimum: number, values: readonly string[]): number {
  return values.reduce((w, v) => Math.max(w, v.length), minimum);
}

/** `topic-partition`, Kafka's TopicPartition.toString(). */
export function tp(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}

/** Parse durations like 500ms, 30s, 10m, 2h, 7d (and bare numbers as ms). */
export function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2] ?? 'ms';
  const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit] ?? 1;
  const ms = Math.round(n * factor);
  return Number.isFinite(ms) && ms >= 0 && ms <= 10 * 365 * 86_400_000 ? ms : null;
}

/** The console's clock printer ("9s 16ms"), for `clock advance` and `sim status`: exact to the millisecond, unlike the
 * narration's rounded formatDuration. */
export function formatClock(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const parts: string[] = [];
  let rest = Math.floor(ms / 1000);
  const d = Math.floor(rest / 86400);
  rest -= d * 86400;
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  if (d) parts.push(`${d}d`);
  if (h) parts.push(`${h}h`);
  if (m) parts.push(`${m}m`);
  if (s || parts.length === 0) parts.push(`${s}s`);
  const msPart = ms % 1000;
  return parts.join(' ') + (msPart ? ` ${msPart}ms` : '');
}

/** Java's `Integer.parseInt`-style strict integer check. */
export function parseIntStrict(text: string | undefined): number | null {
  if (text === undefined || !/^[+-]?\d+$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * A blocking client call (flush, the console producer's close) runs the virtual clock until it returns; past a
 * second the console says so, so a learner sees where the time went (a real flush blocks for that long too).
 */
export function waitedNote(fromMs: number, toMs: number): string | null {
  if (toMs - fromMs < 1000) return null;
  return `kafka-sim: this waited ${formatClock(toMs - fromMs)} of virtual time; the clock is now at ${formatClock(toMs)}.`;
}
