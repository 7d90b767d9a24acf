// The tenant view's words: rates in decimal units and a text alternative per series. The series themselves
// (each quota subject's measured rate against its quota) come from the read model, security().tenants.
import type { TenantSeries } from '@/simulator';

export type { TenantPoint, TenantSeries } from '@/simulator';

/** `118 B/s`, `1.2 KB/s`, `3.4 MB/s` (decimal units, as quotas are given in bytes per second). */
export function formatRate(bytesPerSecond: number): string {
  const r = (v: number) => (v >= 100 || Number.isInteger(v) ? Math.round(v) : Math.round(v * 10) / 10);
  if (bytesPerSecond >= 1_000_000) return `${r(bytesPerSecond / 1_000_000)} MB/s`;
  if (bytesPerSecond >= 1_000) return `${r(bytesPerSecond / 1_000)} KB/s`;
  return `${r(bytesPerSecond)} B/s`;
}

/** The text alternative of one series (what the chart shows, in words). */
export function describeSeries(s: TenantSeries): string {
  const against = s.quota === null ? 'no quota applies' : `quota ${formatRate(s.quota)}`;
  const over = s.quota !== null && s.lastRate > s.quota ? ', over its quota' : '';
  const throttles =
    s.throttled === 0
      ? 'never throttled'
      : `${s.throttled} response${s.throttled === 1 ? '' : 's'} throttled, longest ${s.maxThrottleMs} ms`;
  return `${s.label}: ${formatRate(s.lastRate)} measured (${against}${over}); ${throttles}.`;
}
