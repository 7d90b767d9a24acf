// The tenant view's series in the read model: ClientQuotaManager keys one sensor per quota entity, so every
// client of an entity shares one series; clients no quota matches are grouped by user and client id.
import { describe, expect, it } from 'vitest';
import type { TrafficSample } from '../security/area/types';
import { tenantSeries } from './tenantSeries';

const sample = (over: Partial<TrafficSample>): TrafficSample => ({
  time: 0,
  user: 'tenant-b',
  clientId: 'app-1',
  api: 'Produce',
  bytes: 100,
  observedRate: 10,
  quota: 50,
  entity: 'users/tenant-b',
  throttleTimeMs: 0,
  ...over,
});

describe('tenantSeries (ClientQuotaManager: one sensor per quota entity)', () => {
  it('two clients of one user quota share its series; produce and fetch are separate series', () => {
    const series = tenantSeries([
      sample({ time: 1, clientId: 'app-1', observedRate: 20 }),
      sample({ time: 2, clientId: 'app-2', observedRate: 80, throttleTimeMs: 6000 }),
      sample({ time: 3, api: 'Fetch', observedRate: 5 }),
    ]);
    expect(series.map((s) => s.label)).toEqual(['users/tenant-b · produce', 'users/tenant-b · fetch']);
    expect(series[0]).toMatchObject({ lastRate: 80, quota: 50, throttled: 1, maxThrottleMs: 6000 });
    expect(series[0].points.map((p) => p.t)).toEqual([1, 2]);
  });

  it('a client no quota matches is its own series, by user and client id', () => {
    const [s] = tenantSeries([sample({ entity: null, quota: null, user: 'tenant-a', clientId: 'c' })]);
    expect(s).toMatchObject({ label: 'user tenant-a, client-id c · produce', quota: null });
  });
});
