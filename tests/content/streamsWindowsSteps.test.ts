// The streams lesson's sliding- and session-window steps, performed against the embeds' presets and checked
// against what the window view reads (readModel streamsApps().windowed).
import { describe, expect, it } from 'vitest';
import type { SimController } from '@/components/sim-runtime/SimController';
import { embed, pressIn } from './lessonSteps.testkit';

const press = pressIn('streams');

function windows(c: SimController): { kind: string; rows: string[]; late: number[] } {
  const w = c.read().streamsApps()[0].windowed[0];
  return {
    kind: w.kind,
    rows: w.windows.map((v) => `${v.start}-${v.end}=${v.value}${v.closed ? ' closed' : ''}`),
    late: w.late.map((l) => l.timestamp),
  };
}

describe('streams lesson: sliding and session windows in the window view', () => {
  it('streams-sliding: each record updates every window holding it and starts one after the previous record (SlidingWindows, KIP-450); closed windows stay drawn; a late record is dropped', () => {
    const id = 'streams-sliding';
    const c = embed(id);
    expect(windows(c)).toEqual({ kind: 'sliding', rows: ['0-5000=2', '1001-6001=1'], late: [] });
    press(c, id, 'Send A at 4500 ms');
    press(c, id, 'Advance 1 s');
    expect(windows(c).rows).toEqual(['0-5000=3', '1001-6001=2', '3001-8001=1']);
    press(c, id, 'Send A at 12000 ms');
    press(c, id, 'Advance 1 s');
    expect(windows(c).rows).toEqual([
      '0-5000=3 closed',
      '1001-6001=2 closed',
      '3001-8001=1 closed',
      '7000-12000=1',
    ]);
    press(c, id, 'Send a late A at 5000 ms');
    press(c, id, 'Advance 1 s');
    expect(windows(c).late).toEqual([5000]);
  });

  it('streams-sessions: a record within the gap of two sessions merges them, one within the gap of one extends it, a late one is dropped (KStreamSessionWindowAggregate)', () => {
    const id = 'streams-sessions';
    const c = embed(id);
    expect(windows(c)).toEqual({ kind: 'session', rows: ['1000-3000=2', '9000-9000=1'], late: [] });
    press(c, id, 'Send A at 6000 ms');
    press(c, id, 'Advance 1 s');
    expect(windows(c).rows).toEqual(['1000-9000=4']);
    press(c, id, 'Send A at 12000 ms');
    press(c, id, 'Advance 1 s');
    expect(windows(c).rows).toEqual(['1000-12000=5']);
    press(c, id, 'Send A at 25000 ms');
    press(c, id, 'Advance 1 s');
    expect(windows(c).rows).toEqual(['25000-25000=1']);
    press(c, id, 'Send a late A at 15000 ms');
    press(c, id, 'Advance 1 s');
    expect(windows(c).late).toEqual([15000]);
    const out = press(c, id, 'Read session-counts').stdout;
    expect(out).toContain('[A@1000/3000]\tnull');
    expect(out).toContain('[A@1000/9000]\t4');
  });
});
