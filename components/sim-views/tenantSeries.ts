// The tenant view's model: each quota subject's measured rate against its quota over virtual time, built from
// the security area's quota samples (read model security().traffic). Pure, so it is tested without a DOM.
import type { SecurityView } from '@/simulator';

type Sample = SecurityView['traffic'][number];

export type TenantPoint = { t: number; rate: number; quota: number | null; throttleTimeMs: number };

export type TenantSeries = {
  /** Stable key: the quota entity (or user and client id when none matches) and the direction. */
  key: string;
  /** What the legend says: `users/tenant-b · produce`. */
  label: string;
  api: 'Produce' | 'Fetch';
  points: TenantPoint[];
  /** The latest sample's measured rate and quota (bytes/s). */
  lastRate: number;
  quota: number | null;
  throttled: number;
  maxThrottleMs: number;
};

/**
 * One series per quota subject and direction, in first-seen order. Clients sharing one quota entity share one
 * sensor in ClientQuotaManager (all connections of the entity count together), so they share a series.
 */
export function tenantSeries(traffic: readonly Sample[]): TenantSeries[] {
  const byKey = new Map<string, TenantSeries>();
  for (const s of traffic) {
    const who = s.entity ?? `user ${s.user}, client-id ${s.clientId}`;
    const key = `${who}|${s.api}`;
    let series = byKey.get(key);
    if (!series) {
      series = {
        key,
        label: `${who} · ${s.api === 'Produce' ? 'produce' : 'fetch'}`,
        api: s.api,
        points: [],
        lastRate: 0,
        quota: null,
        throttled: 0,
        maxThrottleMs: 0,
      };
      byKey.set(key, series);
    }
    series.points.push({ t: s.time, rate: s.observedRate, quota: s.quota, throttleTimeMs: s.throttleTimeMs });
    series.lastRate = s.observedRate;
    series.quota = s.quota;
    if (s.throttleTimeMs > 0) series.throttled++;
    series.maxThrottleMs = Math.max(series.maxThrottleMs, s.throttleTimeMs);
  }
  return [...byKey.values()];
}

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
