import { describe, expect, it } from 'vitest';
import defaultPreset from '@/content/playground/playground-default.json';
import { createBackend } from './backend';
import { SimController } from './SimController';

const spec = { seed: defaultPreset.seed, brokers: defaultPreset.brokers, setup: defaultPreset.setup };

describe('views over the real simulator', () => {
  it('the default playground preset builds 3 brokers and orders with 3 partitions, RF 3', () => {
    const c = new SimController(createBackend, spec);
    expect(c.setupError).toBeNull();
    const snap = c.snapshot();
    expect(snap.brokers.map((b) => b.state)).toEqual(['online', 'online', 'online']);
    const orders = snap.topics.find((t) => t.name === 'orders');
    expect(orders?.partitions).toHaveLength(3);
    for (const p of orders?.partitions ?? []) {
      expect(p.replicas).toHaveLength(3);
      expect(p.leader).not.toBeNull();
    }
    expect(snap.controllers.filter((x) => x.active)).toHaveLength(1);
  });

  it('stopping the leader of orders-0 moves leadership to another ISR member (KRaft fences it after broker.session.timeout.ms)', () => {
    const c = new SimController(createBackend, spec);
    const leader = c.snapshot().topics.find((t) => t.name === 'orders')?.partitions[0].leader;
    c.run(`broker stop ${leader}`);
    c.run('clock advance 10s');
    const after = c.snapshot().topics.find((t) => t.name === 'orders')?.partitions[0];
    expect(after?.leader).not.toBe(leader);
    expect(after?.leader).not.toBeNull();
    expect(after?.isr).not.toContain(leader);
  });

  it('scrubbing back and forward reproduces the same state (replay of the command log)', () => {
    const c = new SimController(createBackend, spec);
    c.run('producer send p1 orders --key user-1 hello');
    c.run('producer flush p1');
    c.run('broker stop 2');
    c.run('clock advance 10s');
    const end = JSON.stringify(c.snapshot());
    const log = [...c.log];
    c.seek(1);
    const mid = JSON.stringify(c.snapshot());
    c.seek(0);
    c.seek(log.length);
    expect(JSON.stringify(c.snapshot())).toBe(end);
    c.seek(1);
    expect(JSON.stringify(c.snapshot())).toBe(mid);
    const fresh = new SimController(createBackend, { ...spec, lines: log });
    expect(JSON.stringify(fresh.snapshot())).toBe(end);
  });

  it('a produced keyed record appears in the partition log the simulator assigned', () => {
    const c = new SimController(createBackend, spec);
    c.run('producer send p1 orders --key user-42 hello');
    c.run('producer flush p1');
    const withRecord = [0, 1, 2].filter((p) =>
      c
        .partitionLog('orders', p)
        ?.segments.some((s) => s.records.some((r) => r.key === 'user-42' && r.value === 'hello')),
    );
    expect(withRecord).toHaveLength(1);
  });
});

describe('group view over the real simulator', () => {
  it('adding a consumer to orders-app changes the assignment after the rebalance', () => {
    const c = new SimController(createBackend, spec);
    const owners = () =>
      c
        .snapshot()
        .groups[0].members.map((m) => `${m.name}:${m.assigned.map((tp) => tp.partition).join('+')}`);
    const before = owners();
    expect(c.snapshot().groups[0].state).toBe('Stable');
    c.run('consumer create c3 --group orders-app --topics orders');
    for (let i = 0; i < 4; i++) {
      c.run('clock advance 1s');
      for (const name of ['c1', 'c2', 'c3']) c.run(`consumer poll ${name}`);
    }
    expect(c.snapshot().groups[0].state).toBe('Stable');
    expect(owners()).not.toEqual(before);
    expect(owners()).toHaveLength(3);
  });
});
