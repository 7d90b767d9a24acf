// The message-model lesson's "try this" steps, performed against each embed's preset through the same controller
// the embed uses, and checked against what the lesson's text says the learner will see.
import { describe, expect, it } from 'vitest';
import { embed, pressIn, segments } from './lessonSteps.testkit';

const press = pressIn('message-model');

describe('message-model lesson: each embed does what its text says', () => {
  it('mm-record: a send names its partition at once and its offset only when the acknowledgement arrives; the broker assigns partition and offset', () => {
    const id = 'mm-record';
    const c = embed(id);
    expect(press(c, id, 'Send order 1007 for user-42').output).toContain('orders-1 (queued');
    expect(press(c, id, 'Send order 1008 for user-42').output).toContain('orders-1 (queued');
    expect(press(c, id, 'Send order 1009 for alice').output).toContain('orders-0 (queued');
    const acked = press(c, id, 'Advance the clock 10 ms').output;
    for (const at of ['orders-1@0', 'orders-1@1', 'orders-0@0']) expect(acked).toContain(at);
    const read = press(c, id, 'Read orders with keys and offsets').stdout.split('\n');
    expect(read).toHaveLength(3);
    expect(read.filter((l) => /Partition:1\tOffset:[01]\t/.test(l) && l.includes('user-42'))).toHaveLength(2);
    expect(read.some((l) => /Partition:0\tOffset:0\t/.test(l) && l.includes('alice'))).toBe(true);
  });

  it('mm-key-value-headers: one key, one partition (headers do not route); keyless records follow the sticky partition; a tombstone is appended like any record', () => {
    const id = 'mm-key-value-headers';
    const c = embed(id);
    for (const l of ['Send user-42 login', 'Send user-42 add-to-cart', 'Send user-42 checkout with headers'])
      expect(press(c, id, l).output).toContain('events-1'); // murmur2("user-42") % 3 = 1
    const keyless = [press(c, id, 'Send a keyless log line'), press(c, id, 'Send a keyless log line')];
    expect(keyless.map((r) => /events-(\d)/.exec(r.output)?.[1])).toEqual(['1', '1']);
    expect(c.narration.some((e) => e.type === 'stickyPartitionChanged')).toBe(true);
    expect(press(c, id, 'Send a tombstone for user-42').output).toContain('events-1');
    c.run('producer flush app');
    const log =
      c
        .read()
        .partitionLog('events', 1)
        ?.segments.flatMap((s) => s.records) ?? [];
    expect(log.map((r) => r.value)).toEqual([
      'login',
      'add-to-cart',
      'checkout',
      'GET-/health-200',
      'GET-/health-200',
      null,
    ]);
    expect(log[2].headers).toEqual([
      ['trace-id', '7f3a'],
      ['source', 'mobile'],
    ]);
  });

  it('mm-offsets: CURRENT-OFFSET is the committed offset, LAG = high watermark − committed; a poll without commit moves only the position', () => {
    const id = 'mm-offsets';
    const c = embed(id);
    const row = () => {
      const line = press(c, id, 'Describe group audit')
        .stdout.split('\n')
        .find((l) => l.startsWith('audit'));
      const [, , , current, end, lag] = (line ?? '').split(/\s+/);
      return [current, end, lag].map(Number);
    };
    press(c, id, 'Poll 2 records');
    press(c, id, 'Commit');
    expect(row()).toEqual([2, 8, 6]);
    press(c, id, 'Poll 2 records');
    press(c, id, 'Commit');
    expect(row()).toEqual([4, 8, 4]);
    expect(
      press(c, id, 'Poll 2 records')
        .stdout.split('\n')
        .map((l) => l.split(' ')[0]),
    ).toEqual(['orders-0@4', 'orders-0@5']);
    expect(row()).toEqual([4, 8, 4]);
    expect(c.read().consumer('audit-1')?.positions['orders-0']).toBe(6);
    press(c, id, 'Crash audit-1');
    // the group resumes from the committed offset: a new member reads 4 and 5 again
    c.run('clock advance 46s');
    c.run(
      'consumer create audit-2 --group audit --topics orders --offset-reset earliest --auto-commit false',
    );
    c.run('clock advance 4s');
    expect(
      c
        .run('consumer poll audit-2 --max 2')
        .stdout.split('\n')
        .map((l) => l.split(' ')[0]),
    ).toEqual(['orders-0@4', 'orders-0@5']);
  });

  it('mm-append-only: a record after segment.ms starts segment 00000000000000000003.log; retention deletes whole segments, and the offsets are never renumbered', () => {
    const id = 'mm-append-only';
    const c = embed(id);
    press(c, id, 'Produce a log line');
    expect(press(c, id, 'Advance the clock 1 minute').output).toContain('[agent] logs-0@2');
    press(c, id, 'Produce a log line');
    c.run('clock advance 10ms');
    expect(segments(c, 'logs')).toEqual([[0, 1, 2], [3]]);
    expect(c.narration.some((e) => e.reason.includes('00000000000000000003.log'))).toBe(true);
    press(c, id, 'Set retention to 2 minutes');
    press(c, id, 'Advance the clock 5 minutes');
    expect(segments(c, 'logs').flat()).toEqual([]);
    expect(press(c, id, 'Show the earliest offset').stdout).toBe('logs:0:4');
    expect(press(c, id, 'Show the latest offset').stdout).toBe('logs:0:4');
    expect(c.run('producer send agent logs GET-/-200').output).toContain('logs-0');
    expect(c.run('producer flush agent').stdout).toBe('logs-0@4');
  });
});
