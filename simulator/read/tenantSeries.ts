// Each tenant's throughput against its quota over virtual time, for the tenant view: the security area's
// quota samples (each Produce/Fetch measured by ClientQuotaManager's sensor) grouped by quota subject and
// direction. The rates are the broker's own measurements; nothing is computed view-side.
import type { TrafficSample } from '../security/area/types';

type Sample = TrafficSample;

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
