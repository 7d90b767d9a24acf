// The patterns lesson's "try this" steps, performed against the embed's preset and checked against its text.
import { describe, expect, it } from 'vitest';
import { embed, pressIn } from './lessonSteps.testkit';

const press = pressIn('patterns');

describe('patterns lesson: each embed does what its steps say', () => {
  it('patterns-log-aggregation: the topic buffers for an indexer that starts late, until retention.ms removes whole segments', () => {
    const id = 'patterns-log-aggregation';
    const c = embed(id);
    const partitionsOf = () => [0, 1, 2].map((p) => c.read().partition('app-logs', p)?.highWatermark ?? 0);
    const before = partitionsOf();
    press(c, id, 'Ship another error');
    press(c, id, 'Ship another error');
    c.run('clock advance 1s');
    const after = partitionsOf();
    // Both lines went to one partition: worker-1's sticky partition.
    const grew = after.map((n, p) => n - before[p]).filter((d) => d > 0);
    expect(grew).toEqual([2]);
    expect(c.read().group('indexer')).toBeFalsy();

    press(c, id, 'Start the search indexer (group indexer)');
    press(c, id, 'Advance the clock 5 s');
    const polled = press(c, id, 'Indexer: poll');
    expect(polled.exitCode).toBe(0);
    const total = after.reduce((a, b) => a + b, 0);
    expect(total).toBe(7);
    expect(polled.stdout.split('\n').filter(Boolean)).toHaveLength(total);

    press(c, id, 'Advance 61 minutes (past retention.ms)');
    const earliest = press(c, id, 'Earliest offsets per partition').stdout;
    // Every line is older than retention.ms, so every segment goes, the active one too after a roll to an empty
    // segment (UnifiedLog#deleteSegments rolls when it would delete them all): the earliest offset is the log end.
    expect(earliest).toBe(`app-logs:0:${after[0]}\napp-logs:1:${after[1]}\napp-logs:2:${after[2]}`);
  });
});
