// The tools lesson's "try this" steps, performed against the embed's preset and checked against its text.
import { describe, expect, it } from 'vitest';
import { embed, pressIn } from './lessonSteps.testkit';

const press = pressIn('tools');

describe('tools lesson: each embed does what its steps say', () => {
  it("tools-lag-stop: Burrow says OK just after the crash and STOP/ERR once no commit came for longer than the window spans (Burrow's checkIfOffsetsStopped)", () => {
    const id = 'tools-lag-stop';
    const c = embed(id);
    const status = () =>
      JSON.parse(press(c, id, "Ask Burrow for billing's status").stdout).status as {
        status: string;
        partitions: Array<{ status: string }>;
      };
    expect(status().status).toBe('OK');
    const before = press(c, id, 'Describe billing').stdout;
    expect(before).toMatch(/billing\s+orders\s+0\s+4\s+5\s+1/);
    press(c, id, 'One more order');
    press(c, id, 'Flush the shop producer');
    const after = press(c, id, 'Describe billing').stdout;
    expect(after).toMatch(/billing\s+orders\s+0\s+4\s+6\s+2/);
    // The crashed member is still listed: session.timeout.ms (45 s) has not passed without a heartbeat.
    expect(after).toMatch(/billing\s+orders\s+0\s+4\s+6\s+2\s+b1-/);
    press(c, id, 'Advance the clock 5 minutes');
    const s = status();
    expect(s.status).toBe('ERR');
    expect(s.partitions.map((p) => p.status)).toEqual(['STOP', 'STOP']);
  });

  it('tools-mirror-naming: MirrorMaker 2 writes primary.orders into backup with the keys in their partitions (DefaultReplicationPolicy, MirrorSourceTask)', () => {
    const id = 'tools-mirror-naming';
    const c = embed(id);
    expect(press(c, id, 'List topics in backup').stdout.split('\n')).toEqual([
      'heartbeats',
      'primary.checkpoints.internal',
      'primary.orders',
    ]);
    expect(c.run('kafka-topics.sh --bootstrap-server primary:9092 --list').stdout).toContain(
      'mm2-offset-syncs.backup.internal',
    );
    const copied = press(c, id, 'Read primary.orders in backup').stdout;
    const source = press(c, id, 'Read orders in primary').stdout;
    expect(copied.split('\n').filter(Boolean)).toHaveLength(4);
    expect(copied).toBe(source);
  });
});
