// The storage lesson's "try this" steps, performed against each embed's preset and checked against its text.
import { describe, expect, it } from 'vitest';
import { embed, pressIn, segments } from './lessonSteps.testkit';

const press = pressIn('storage');

describe('storage lesson: each embed does what its steps say', () => {
  it('storage-segments: time alone rolls nothing; the first append after segment.ms rolls (LogSegment#shouldRoll)', () => {
    const id = 'storage-segments';
    const c = embed(id);
    press(c, id, 'Advance 30 minutes');
    press(c, id, 'Advance 1 hour');
    expect(segments(c, 'clickstream')).toEqual([[0, 1, 2]]);
    press(c, id, 'Send a click');
    expect(press(c, id, 'Flush web (wait for the acknowledgements)').stdout).toBe('clickstream-0@3');
    expect(segments(c, 'clickstream')).toEqual([[0, 1, 2], [3]]);
    const rolls = c.narration.filter((e) =>
      e.reason.includes('00000000000000000003.log became the active segment'),
    );
    expect(rolls).toHaveLength(3); // one per replica
    press(c, id, 'Advance 1 hour');
    press(c, id, 'Send a click');
    expect(press(c, id, 'Flush web (wait for the acknowledgements)').stdout).toBe('clickstream-0@4');
    expect(segments(c, 'clickstream')).toEqual([[0, 1, 2], [3], [4]]);
    expect(press(c, id, 'Describe clickstream configs').stdout).toContain(
      'segment.ms=3600000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:segment.ms=3600000, DEFAULT_CONFIG:log.roll.hours=168}',
    );
  });

  it('storage-retention: whole segments expire from the oldest; a shorter retention.ms empties the log without reusing offsets', () => {
    const id = 'storage-retention';
    const c = embed(id);
    const earliest = () => press(c, id, 'Show the earliest offset').stdout;
    expect(earliest()).toBe('clickstream:0:0');
    press(c, id, 'Fast-forward 1 day');
    expect(earliest()).toBe('clickstream:0:0');
    press(c, id, 'Fast-forward 1 day');
    expect(earliest()).toBe('clickstream:0:2');
    press(c, id, 'Set retention.ms to 2 days');
    press(c, id, 'Fast-forward 1 day');
    expect(earliest()).toBe('clickstream:0:12');
    expect(c.read().partition('clickstream', 0)?.logEndOffset).toBe(12);
    press(c, id, 'Send a click');
    expect(press(c, id, 'Flush web (wait for the acknowledgements)').stdout).toBe('clickstream-0@12');
  });

  it('storage-compaction: the worked example (3, 4, 5 | 6, 7), then 4, 6, 7, 8 | 9 once the segment rolled', () => {
    const id = 'storage-compaction';
    const c = embed(id);
    const read = () =>
      press(c, id, 'Read prices from the start')
        .stdout.split('\n')
        .map((l) => Number(l.split('\t')[0].replace('Offset:', '')));
    expect(read()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    press(c, id, 'Let the cleaner run (advance 1 minute)');
    expect(read()).toEqual([3, 4, 5, 6, 7]);
    expect(
      c.narration.some((e) =>
        e.reason.includes('is above min.cleanable.dirty.ratio (0.01). Removed 3 record(s)'),
      ),
    ).toBe(true);
    press(c, id, 'Send a new price for product-1');
    press(c, id, 'Advance 1 hour');
    press(c, id, 'Send a new price for product-4 (rolls the segment)');
    expect(press(c, id, 'Flush shop (wait for the acknowledgements)').stdout).toBe('prices-0@9');
    press(c, id, 'Let the cleaner run (advance 1 minute)');
    expect(read()).toEqual([4, 6, 7, 8, 9]);
  });

  it('storage-tombstones: the first clean removes product-2 and keeps its tombstone; a clean after delete.retention.ms removes it', () => {
    const id = 'storage-tombstones';
    const c = embed(id);
    const read = () => press(c, id, 'Read prices from the start').stdout.split('\n');
    press(c, id, '1. Delete product-2 (send a tombstone)');
    expect(press(c, id, '2. Advance 1 hour').stdout).toContain('[shop] prices-0@8');
    expect(read()).toContain('Offset:8\tproduct-2\tnull');
    expect(read()).toContain('Offset:4\tproduct-2\t4.75');
    press(c, id, '3. Send a price (rolls the segment)');
    press(c, id, '4. Let the cleaner run');
    expect(read().filter((l) => l.includes('product-2'))).toEqual(['Offset:8\tproduct-2\tnull']);
    press(c, id, '5. Fast-forward 1 day');
    press(c, id, '6. Send a price (rolls again)');
    press(c, id, '7. Let the cleaner run');
    expect(c.narration.some((e) => e.reason.includes('1 tombstone(s) past delete.retention.ms (1d)'))).toBe(
      true,
    );
    expect(read().filter((l) => l.includes('product-2'))).toEqual([]);
  });
});
