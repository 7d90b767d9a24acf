// The consumers lesson's "try this" steps, performed against each embed's preset and checked against its text.
import { describe, expect, it } from 'vitest';
import type { SimController } from '@/components/sim-runtime/SimController';
import { embed, pressIn } from './lessonSteps.testkit';

const press = pressIn('consumers');

/** CURRENT-OFFSET, LOG-END-OFFSET and LAG of the group's one row for partition 0. */
function row(out: string): [string, string, string] {
  const line = out.split('\n').find((l) => /^\S+\s+\S+\s+0\s/.test(l)) ?? '';
  const cols = line.trim().split(/\s+/);
  return [cols[3], cols[4], cols[5]];
}

function members(c: SimController, id: string): Record<string, string> {
  const out = press(c, id, 'List members of billing')
    .stdout.split('\n')
    .filter((l) => l.startsWith('billing'));
  return Object.fromEntries(out.map((l) => l.trim().split(/\s+/)).map((cols) => [cols[3], cols[6]]));
}

describe('consumers lesson: each embed does what its steps say', () => {
  it('consumers-offsets: position and committed offset diverge until a commit; a reset needs an empty group', () => {
    const id = 'consumers-offsets';
    const c = embed(id);
    expect(row(press(c, id, 'Describe group billing').stdout)).toEqual(['7', '10', '3']);
    expect(
      [...press(c, id, 'Poll c1 (up to 3 records)').stdout.matchAll(/orders-0@(\d+)/g)].map((m) => m[1]),
    ).toEqual(['7', '8', '9']);
    expect(row(press(c, id, 'Describe group billing').stdout)).toEqual(['7', '10', '3']);
    expect(press(c, id, 'Commit c1').stdout).toContain('orders-0=10');
    expect(row(press(c, id, 'Describe group billing').stdout)).toEqual(['10', '10', '0']);
    press(c, id, 'Produce another order');
    press(c, id, 'Flush checkout (wait for the acknowledgements)');
    expect(row(press(c, id, 'Describe group billing').stdout)).toEqual(['10', '11', '1']);
    press(c, id, 'Close c1');
    expect(press(c, id, 'Reset billing to the earliest offset').stdout).toMatch(/billing\s+orders\s+0\s+0/);
    const d = press(c, id, 'Describe group billing');
    expect(row(d.stdout)).toEqual(['0', '11', '11']);
    expect(d.stderr).toContain("Consumer group 'billing' has no active members.");
  });

  it('consumers-rebalance-eager: every member revokes everything; range gives c1 0,1 c2 2,3 c3 4 c4 5', () => {
    const id = 'consumers-rebalance-eager';
    const c = embed(id);
    const t0 = c.read().now();
    press(c, id, 'Add consumer c4 to billing');
    press(c, id, 'Poll c4 (it joins the group)');
    press(c, id, 'Advance the clock 5 s');
    const revoked = c.narration.filter((e) => e.time >= t0 && e.type === 'groupPartitionsRevoked');
    expect(revoked.map((e) => e.reason.split(': ')[1].split(' ')[0]).sort()).toEqual(['c1', 'c2', 'c3']);
    expect(revoked.every((e) => e.reason.includes('revokes all 2 of its partitions'))).toBe(true);
    expect(members(c, id)).toEqual({ c1: 'orders:0,1', c2: 'orders:2,3', c3: 'orders:4', c4: 'orders:5' });
  });

  it('consumers-rebalance-cooperative: only orders-4 is revoked, and c4 gets it in a second generation', () => {
    const id = 'consumers-rebalance-cooperative';
    const c = embed(id);
    const t0 = c.read().now();
    press(c, id, 'Add consumer c4 to billing');
    press(c, id, 'Poll c4 (it joins the group)');
    press(c, id, 'Advance the clock 5 s');
    const revoked = c.narration
      .filter((e) => e.time >= t0 && e.type === 'groupPartitionsRevoked')
      .map((e) => e.reason);
    expect(revoked).toEqual([
      'group billing: c2 revokes only orders-4 (moving to another member) and rejoins; its other partitions keep being processed',
    ]);
    const generations = c.narration
      .filter((e) => e.time >= t0 && e.type === 'groupAssignment')
      .map((e) => e.reason);
    expect(generations[0]).toContain('generation 2');
    expect(generations[0]).toContain('c4 -> nothing');
    expect(generations[1]).toContain('generation 3');
    expect(members(c, id)).toEqual({ c1: 'orders:0,3', c2: 'orders:1', c3: 'orders:2,5', c4: 'orders:4' });
  });

  it('consumers-rebalance-side-by-side: the same join revokes all six in billing-eager and one in billing-coop', () => {
    const id = 'consumers-rebalance-side-by-side';
    const c = embed(id);
    const t0 = c.read().now();
    press(c, id, 'Add e4 to billing-eager');
    press(c, id, 'Add k4 to billing-coop');
    press(c, id, 'Poll e4 and k4 (both join)');
    press(c, id, 'Advance the clock 5 s');
    const revoked = (group: string) =>
      c.narration
        .filter(
          (e) =>
            e.time >= t0 && e.type === 'groupPartitionsRevoked' && e.reason.startsWith(`group ${group}:`),
        )
        .map((e) => e.reason);
    // Eager (range first in the default partition.assignment.strategy): every member gives up everything.
    expect(revoked('billing-eager')).toHaveLength(3);
    expect(revoked('billing-eager').every((r) => r.includes('revokes all 2 of its partitions'))).toBe(true);
    // Cooperative-sticky (KIP-429): only the partition that moves is revoked.
    expect(revoked('billing-coop')).toEqual([
      'group billing-coop: k2 revokes only orders-4 (moving to another member) and rejoins; its other partitions keep being processed',
    ]);
    const list = (group: string, label: string) =>
      Object.fromEntries(
        press(c, id, label)
          .stdout.split('\n')
          .filter((l) => l.startsWith(group))
          .map((l) => l.trim().split(/\s+/))
          .map((cols) => [cols[3], cols[6]]),
      );
    expect(list('billing-eager', 'List members of billing-eager')).toEqual({
      e1: 'orders:0,1',
      e2: 'orders:2,3',
      e3: 'orders:4',
      e4: 'orders:5',
    });
    expect(list('billing-coop', 'List members of billing-coop')).toEqual({
      k1: 'orders:0,3',
      k2: 'orders:1',
      k3: 'orders:2,5',
      k4: 'orders:4',
    });
  });

  for (const [id, first] of [
    ['consumers-at-least-once', 0],
    ['consumers-at-most-once', 5],
  ] as const) {
    it(`${id}: after the crash and the session timeout c2 starts at offset ${first}; lag ends at 0 either way`, () => {
      const c = embed(id);
      press(c, id, 'Crash c1');
      press(c, id, 'Advance 50 s (session timeout, then the rebalance)');
      const polled = [...press(c, id, 'Poll c2').stdout.matchAll(/payments-0@(\d+)/g)].map((m) =>
        Number(m[1]),
      );
      expect(polled).toEqual(Array.from({ length: 10 - first }, (_, i) => first + i));
      press(c, id, 'Commit c2');
      const d = press(c, id, 'Describe group ledger').stdout;
      expect(d).toMatch(/ledger\s+payments\s+0\s+10\s+10\s+0\s/);
    });
  }
});
