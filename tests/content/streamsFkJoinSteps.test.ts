// The streams lesson's foreign-key join steps, performed against the embed's preset and checked against its text.
import { describe, expect, it } from 'vitest';
import { embed, pressIn } from './lessonSteps.testkit';

const press = pressIn('streams');
const id = 'streams-fk-join';

function lines(out: string): string[] {
  return out
    .split('\n')
    .map((l) => l.replace(/\s*Processed a total of \d+ messages?$/, ''))
    .filter(Boolean);
}

/** What a full re-read shows beyond the previous read (the console consumer reads partition by partition). */
function added(before: string[], now: string[]): string[] {
  const rest = [...now];
  for (const b of before) rest.splice(rest.indexOf(b), 1);
  return rest.sort();
}

describe('streams lesson: the foreign-key join embed does what its steps say (KIP-213)', () => {
  it('a renamed customer updates both of its orders; a move to an unknown customer retracts; deleting a customer retracts its orders', () => {
    const c = embed(id);
    let seen: string[] = [];
    const step = (...labels: string[]) => {
      for (const l of labels) press(c, id, l);
      const now = lines(press(c, id, 'Read order-view').stdout);
      const fresh = added(seen, now);
      seen = now;
      return fresh;
    };
    expect(step()).toEqual(['o1\tbook for Alice', 'o2\tlamp for Alice', 'o3\tpen for Bob']);
    expect(step('Rename customer c1', 'Advance 2 s')).toEqual([
      'o1\tbook for Alice Smith',
      'o2\tlamp for Alice Smith',
    ]);
    expect(step('Move o3 to customer c9', 'Advance 2 s')).toEqual(['o3\tnull']);
    expect(step('Add customer c9', 'Advance 2 s')).toEqual(['o3\tpen for Carol']);
    expect(step('Delete customer c1', 'Advance 2 s')).toEqual(['o1\tnull', 'o2\tnull']);
  });

  it('the subscription store lists (customer, order) pairs on the tasks of sub-topology 1', () => {
    const c = embed(id);
    const out = press(c, id, 'Show the subscription store').stdout;
    expect(out).toContain(
      'Store enrich-subscription-store (keyValue, changelog order-view-enrich-subscription-store-changelog)',
    );
    expect(out).toContain('["c1","o1"]');
    expect(out).toContain('["c2","o3"]');
    expect(out).not.toMatch(/task 0_\d/);
  });
});
