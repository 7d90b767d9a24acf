import { describe, expect, it } from 'vitest';
import type { SimEventVM, SimSnapshotVM } from './model';
import { type BackendFactory, mergeClockAdvance, SimController } from './SimController';

// A stand-in backend: a counter state where "inc N" adds N (one event) and "show" changes nothing.
const fakeFactory: BackendFactory = () => {
  let value = 0;
  let now = 0;
  const events: SimEventVM[] = [];
  const emit = (type: string, reason: string) =>
    events.push({ seq: events.length, time: now, type, reason, data: {} });
  return {
    splitBlocks: (lines) => [...lines],
    runLine(line) {
      const inc = line.match(/^inc (\d+)$/);
      if (inc) {
        value += Number(inc[1]);
        emit('inc', `value is now ${value}`);
        return { stdout: String(value), stderr: '', exitCode: 0 };
      }
      const clock = line.match(/^clock advance (\d+)ms$/);
      if (clock) {
        now += Number(clock[1]);
        return { stdout: '', stderr: '', exitCode: 0 };
      }
      if (line === 'show') return { stdout: String(value), stderr: '', exitCode: 0 };
      return { stdout: '', stderr: 'unknown', exitCode: 1 };
    },
    snapshot: () =>
      ({
        now,
        controllers: [],
        brokers: [],
        topics: [{ name: String(value), partitions: [], config: {} }],
        groups: [],
        producers: [],
      }) as SimSnapshotVM,
    partitionLog: () => null,
    eventsSince: (seq) => events.filter((e) => e.seq > seq),
    session: null as never,
  };
};

const value = (c: SimController) => Number(c.snapshot().topics[0].name);

describe('SimController (command log, time travel)', () => {
  it('runs the setup, logs state-changing lines only, and replays to any step', () => {
    const c = new SimController(fakeFactory, { seed: 1, brokers: 3, setup: ['inc 10'] });
    expect(value(c)).toBe(10);
    c.run('inc 1');
    c.run('show');
    c.run('inc 2');
    c.run('bogus');
    expect(c.log).toEqual(['inc 1', 'inc 2']);
    c.seek(1);
    expect(value(c)).toBe(11);
    c.seek(0);
    expect(value(c)).toBe(10);
    c.seek(2);
    expect(value(c)).toBe(13);
  });

  it('drops the later steps when a command runs after scrubbing back (like typing after undo)', () => {
    const c = new SimController(fakeFactory, { seed: 1, brokers: 3, setup: [] });
    c.run('inc 1');
    c.run('inc 2');
    c.seek(1);
    c.run('inc 5');
    expect(c.log).toEqual(['inc 1', 'inc 5']);
    expect(value(c)).toBe(6);
  });

  it('sends live events to animation listeners but not replayed ones', () => {
    const c = new SimController(fakeFactory, { seed: 1, brokers: 3, setup: [] });
    const seen: string[] = [];
    c.onEvents((events) => seen.push(...events.map((e) => e.reason)));
    c.run('inc 1');
    c.run('inc 1');
    c.seek(0);
    c.seek(2);
    expect(seen).toEqual(['value is now 1', 'value is now 2']);
    c.seek(1);
    c.seek(2); // one step forward animates
    expect(seen).toHaveLength(3);
  });

  it('replays a shared log given at construction', () => {
    const c = new SimController(fakeFactory, {
      seed: 1,
      brokers: 3,
      setup: ['inc 1'],
      lines: ['inc 2', 'inc 3'],
    });
    expect(value(c)).toBe(6);
    expect(c.cursor).toBe(2);
  });

  it('merges consecutive clock advances into one step', () => {
    expect(mergeClockAdvance('clock advance 100ms', 'clock advance 250ms')).toBe('clock advance 350ms');
    expect(mergeClockAdvance('inc 1', 'clock advance 250ms')).toBeNull();
    const c = new SimController(fakeFactory, { seed: 1, brokers: 3, setup: [] });
    c.run('clock advance 100ms');
    c.run('clock advance 100ms');
    expect(c.log).toEqual(['clock advance 200ms']);
    expect(c.snapshot().now).toBe(200);
  });
});
