// Durations in the DSL text: 500ms, 30s, 5m, 1h, 1d, or a bare number of milliseconds; a leading '-' is kept so
// window validation can answer with Kafka's own message ("Window size (sizeMs) must be larger than zero.").

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds for a duration word, or null when it is not one. */
export function parseDuration(text: string): number | null {
  const m = /^(-?)(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text);
  if (!m) return null;
  const ms = Number(m[2]) * UNITS[m[3] ?? 'ms'];
  if (!Number.isFinite(ms) || !Number.isInteger(ms)) return null;
  return m[1] === '-' ? -ms : ms;
}

/** The shortest DSL spelling of a duration (5m rather than 300000ms). */
export function formatDslDuration(ms: number): string {
  if (ms === 0) return '0ms';
  const sign = ms < 0 ? '-' : '';
  const a = Math.abs(ms);
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ] as const) {
    if (a % size === 0) return `${sign}${a / size}${unit}`;
  }
  return `${sign}${a}ms`;
}

/** Java's Duration factory call for a millisecond amount, as a lesson would write it. */
export function javaDuration(ms: number): string {
  const a = Math.abs(ms);
  const pick = (fn: string, size: number) => `Duration.${fn}(${ms / size})`;
  if (a !== 0 && a % 86_400_000 === 0) return pick('ofDays', 86_400_000);
  if (a !== 0 && a % 3_600_000 === 0) return pick('ofHours', 3_600_000);
  if (a !== 0 && a % 60_000 === 0) return pick('ofMinutes', 60_000);
  if (a !== 0 && a % 1000 === 0) return pick('ofSeconds', 1000);
  return `Duration.ofMillis(${ms})`;
}
