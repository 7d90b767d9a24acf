// The tenant view's model over a real simulation: one series per quota entity and direction, with the rate
// ClientQuotaManager measured, the quota, and the throttled responses.
import { describe, expect, it } from 'vitest';
import { runConsoleLines } from '@/kafka-cli';
import { readModel, Simulation } from '@/simulator';
import preset from '../../content/lessons/security/presets/security-tenants.json';
import { describeSeries, formatRate } from './tenantSeries';

function tenants(actions: number) {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  runConsoleLines(sim, preset.setup);
  for (const a of preset.actions.slice(0, actions)) runConsoleLines(sim, a.command.split('\n'));
  return readModel(sim).security().tenants;
}

describe('tenant series (read model security().tenants)', () => {
  it('no quota set: nothing is measured, so there is no series (ClientQuotaManager#quotasEnabled)', () => {
    expect(tenants(0)).toEqual([]);
  });

  it('tenant-b over its users/tenant-b quota, tenant-a measured without one (every client is recorded once a quota type is in use)', () => {
    const series = tenants(3);
    expect(series.map((s) => s.label)).toEqual([
      'users/tenant-b · produce',
      'user tenant-a, client-id console-producer · produce',
    ]);
    expect(series[0]).toMatchObject({ lastRate: 118, quota: 50, throttled: 1, maxThrottleMs: 13600 });
    expect(describeSeries(series[0])).toBe(
      'users/tenant-b · produce: 118 B/s measured (quota 50 B/s, over its quota); 1 response throttled, longest 13600 ms.',
    );
    expect(describeSeries(series[1])).toContain('no quota applies');
  });

  it('formatRate uses decimal units as quotas do', () => {
    expect([formatRate(50), formatRate(11.5), formatRate(1_048_576), formatRate(2_500)]).toEqual([
      '50 B/s',
      '11.5 B/s',
      '1 MB/s',
      '2.5 KB/s',
    ]);
  });
});
