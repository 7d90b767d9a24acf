import { describe, expect, it } from 'vitest';
import { Simulation } from '../index';
import { must, sim } from '../testing/sim.testkit';
import { Ctx } from './context';
import { ok, registerArea, registerCommand, registerTask } from './registry';
import { heapPop, heapPush, type ScheduledTask } from './scheduler';

declare module './registry' {
  interface CommandMap {
    testPing: { note: string; delayMs: number };
  }
  interface CommandResultMap {
    testPing: { count: number };
  }
  interface EventMap {
    testPinged: { note: string };
  }
  interface TaskMap {
    testPong: { note: string };
  }
  interface AreaStates {
    testArea: { pings: number; pongs: string[] };
  }
}

// An "extension area" registered without touching any core file.
registerArea('testArea', () => ({ pings: 0, pongs: [] }));
registerCommand('testPing', (ctx, cmd) => {
  const area = ctx.state.areas.testArea;
  area.pings++;
  ctx.emit('testPinged', `ping ${cmd.note}`, { note: cmd.note });
  ctx.schedule(cmd.delayMs, { type: 'testPong', note: cmd.note });
  return ok({ count: area.pings });
});
registerTask('testPong', (ctx, t) => {
  ctx.state.areas.testArea.pongs.push(`${t.note}@${ctx.now}`);
});

describe('engine', () => {
  it('extension areas add commands, tasks, events and state slices through the registry', () => {
    const s = sim();
    const r = must(s, { type: 'testPing', note: 'a', delayMs: 50 });
    expect(r.ok && r.data.count).toBe(1);
    expect(r.events[0]).toMatchObject({ type: 'testPinged', reason: 'ping a', note: 'a', time: 0 });
    must(s, { type: 'advanceClock', ms: 100 });
    expect(s.state.areas.testArea.pongs).toEqual(['a@50']);
    expect(s.state.now).toBe(100);
  });

  it('tasks due at the same time run in scheduling order (heap ordered by time, then seq)', () => {
    const heap: ScheduledTask[] = [];
    const order = [5, 1, 5, 3, 1, 9, 0];
    for (const [seq, at] of order.entries())
      heapPush(heap, { at, seq, task: { type: 'testPong', note: String(seq) } });
    const out: string[] = [];
    for (let t = heapPop(heap); t; t = heapPop(heap)) out.push(`${t.at}:${t.seq}`);
    expect(out).toEqual(['0:6', '1:1', '1:4', '3:3', '5:0', '5:2', '9:5']);
  });

  it('events carry seq, time, type and a plain-language reason', () => {
    const s = sim();
    const r = must(s, { type: 'createTopic', topic: 'orders', partitions: 1, replicationFactor: 1 });
    const e = r.events.find((x) => x.type === 'topicCreated')!;
    expect(e.seq).toBeGreaterThan(0);
    expect(typeof e.reason).toBe('string');
    expect(e.reason).toContain('orders');
  });

  it('an unknown command is an error, is logged, and changes nothing', () => {
    const s = sim();
    const before = s.serialize();
    const r = s.dispatch({ type: 'noSuchThing' } as never);
    expect(r.ok).toBe(false);
    expect(s.log).toHaveLength(1);
    expect(s.serialize()).toBe(before);
  });

  it('replay(upTo) and undo rebuild the earlier state exactly', () => {
    const s = sim();
    must(s, { type: 'createTopic', topic: 'orders', partitions: 2, replicationFactor: 3 });
    const afterCreate = s.serialize();
    must(s, { type: 'brokerStop', id: 1 });
    must(s, { type: 'advanceClock', ms: 10_000 });
    expect(Simulation.replay(s.init, s.log, 1).serialize()).toBe(afterCreate);
    expect(s.undo(2).serialize()).toBe(afterCreate);
  });

  it('state survives a JSON round trip (plain serialisable data)', () => {
    const s = sim();
    must(s, { type: 'createTopic', topic: 'orders', partitions: 2, replicationFactor: 3 });
    must(s, { type: 'producerCreate', name: 'p' });
    must(s, { type: 'producerSend', producer: 'p', topic: 'orders', key: 'k', value: 'v' });
    must(s, { type: 'advanceClock', ms: 100 });
    expect(JSON.stringify(JSON.parse(s.serialize()))).toBe(s.serialize());
  });

  it('the seeded generator is the only randomness: different seeds can place replicas differently, same seeds never do', () => {
    const layout = (seed: number) => {
      const x = new Simulation({ seed, brokers: 5 });
      const r = x.dispatch({ type: 'createTopic', topic: 't', partitions: 5, replicationFactor: 2 });
      return JSON.stringify(r.ok && r.data.assignment);
    };
    expect(layout(1)).toBe(layout(1));
    const all = new Set([1, 2, 3, 4, 5, 6, 7, 8].map(layout));
    expect(all.size).toBeGreaterThan(1);
  });

  it('Ctx.random draws from state.rng only', () => {
    const s = sim();
    const ctx = new Ctx(s.state, []);
    const rng = s.state.rng;
    ctx.random();
    expect(s.state.rng).not.toBe(rng);
  });
});
