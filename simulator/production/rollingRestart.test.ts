import { describe, expect, it } from 'vitest';
import { advance, eventsOf, must, sim } from '../testing/sim.testkit';
import { POD_RESTART_MS } from './rollingRestart';

const run = (s: ReturnType<typeof sim>, ms: number) => advance(s, ms);
const orderOf = (r: { ok: boolean; data?: { order: number[] } }) => r.data?.order ?? [];

describe('rolling restart of the simulated cluster (Strimzi KafkaRoller, strimzi.io/manual-rolling-update)', () => {
  it('KafkaRoller order: controllers first with the active controller last, then brokers', () => {
    const s = sim();
    const active = s.state.quorum.leaderId;
    const r = must(s, { type: 'productionRoll', scope: { kind: 'brokers' }, trigger: 't' });
    expect(orderOf(r)).toEqual([1, 2, 3]);
    const s2 = sim();
    const r2 = must(s2, { type: 'productionRoll', scope: { kind: 'controllers' }, trigger: 't' });
    expect(orderOf(r2).at(-1)).toBe(active);
    expect(orderOf(r2)).toHaveLength(3);
  });

  it('restarts every broker once, one at a time, and never lets a partition go below min.insync.replicas (KafkaAvailability#canRoll)', () => {
    const s = sim();
    must(s, {
      type: 'createTopic',
      topic: 'orders',
      partitions: 3,
      replicationFactor: 3,
      configs: { 'min.insync.replicas': '2' },
    });
    must(s, { type: 'productionRoll', scope: { kind: 'brokers' }, trigger: 't' });
    let minIsr = 3;
    let down = 0;
    for (let i = 0; i < 120 && s.state.areas.production.roll?.status === 'rolling'; i++) {
      run(s, 500);
      for (const p of s.state.topics.orders.partitions) minIsr = Math.min(minIsr, p.isr.length);
      down = Math.max(down, Object.values(s.state.brokers).filter((b) => b.process === 'stopped').length);
    }
    expect(s.state.areas.production.roll?.status).toBe('completed');
    expect(s.state.areas.production.roll?.done).toEqual([1, 2, 3]);
    expect(minIsr).toBeGreaterThanOrEqual(2);
    expect(down).toBe(1);
    expect(eventsOf(s, 'productionNodeRolled').map((e) => e.node)).toEqual([1, 2, 3]);
  });

  it('an unready pod is rolled first, and the others only once the ISR is back above min.insync.replicas (KafkaRoller, KafkaAvailability)', () => {
    const s = sim();
    must(s, {
      type: 'createTopic',
      topic: 'orders',
      partitions: 1,
      replicationFactor: 3,
      configs: { 'min.insync.replicas': '2' },
    });
    // Broker 3 crashes and is fenced: ISR {1,2} = min.insync.replicas, so neither 1 nor 2 may restart.
    must(s, { type: 'brokerStop', id: 3 });
    run(s, 10_000);
    must(s, { type: 'productionRoll', scope: { kind: 'brokers' }, trigger: 't' });
    // Unready pod first: broker 3 is restarted without asking, then 1 waits until 3 is back in the ISR.
    expect(s.state.areas.production.roll?.order[0]).toBe(3);
    run(s, POD_RESTART_MS);
    let minIsr = 3;
    for (let i = 0; i < 120 && s.state.areas.production.roll?.status === 'rolling'; i++) {
      run(s, 500);
      minIsr = Math.min(minIsr, s.state.topics.orders.partitions[0].isr.length);
    }
    expect(minIsr).toBeGreaterThanOrEqual(2);
    expect(eventsOf(s, 'productionNodeRolled').map((e) => e.node)).toEqual([3, 1, 2]);
    expect(s.state.areas.production.roll?.status).toBe('completed');
  });

  it('a broker whose restart would take a partition below min.insync.replicas is never restarted; the roll fails after the operation timeout', () => {
    const s = sim();
    must(s, {
      type: 'createTopic',
      topic: 'orders',
      partitions: 1,
      replicationFactor: 3,
      configs: { 'min.insync.replicas': '2' },
    });
    must(s, { type: 'brokerStop', id: 3 });
    run(s, 10_000);
    must(s, { type: 'productionRoll', scope: { kind: 'node', id: 1 }, trigger: 't' });
    run(s, 400_000);
    const blocked = eventsOf(s, 'productionRollBlocked');
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked[0].reason).toContain(
      'orders/0 will be under-replicated (ISR={1,2}, replicas=[1,2,3], min.insync.replicas=2) if broker 1 is restarted.',
    );
    expect(s.state.areas.production.roll?.status).toBe('failed');
    expect(s.state.brokers[1].process).toBe('running');
  });

  it('refuses a second roll while one is in progress', () => {
    const s = sim();
    must(s, { type: 'productionRoll', scope: { kind: 'brokers' }, trigger: 't' });
    const r = s.dispatch({ type: 'productionRoll', scope: { kind: 'brokers' }, trigger: 't' });
    expect(r.ok).toBe(false);
  });

  it('replays to the same state', async () => {
    const { Simulation } = await import('../index');
    const s = sim();
    must(s, { type: 'createTopic', topic: 'orders', partitions: 2, replicationFactor: 3 });
    must(s, { type: 'productionRoll', scope: { kind: 'brokers' }, trigger: 't' });
    run(s, 60_000);
    const again = Simulation.replay(s.init, s.log);
    expect(JSON.stringify(again.state)).toBe(JSON.stringify(s.state));
  });
});

describe('rolling restart: readiness', () => {
  it('a pod that never becomes ready fails the roll after the operation timeout (KafkaRoller, STRIMZI_OPERATION_TIMEOUT_MS)', () => {
    const s = sim();
    must(s, { type: 'brokerIsolate', id: 2 });
    must(s, { type: 'productionRoll', scope: { kind: 'node', id: 2 }, trigger: 't' });
    advance(s, 400_000);
    expect(s.state.areas.production.roll?.status).toBe('failed');
    expect(eventsOf(s, 'productionRollFailed')[0].node).toBe(2);
  });
});
