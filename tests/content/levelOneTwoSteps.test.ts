// The "try this" steps of the core-architecture and topics-partitions lessons, performed against their presets.
import { describe, expect, it } from 'vitest';
import { embed, pressIn } from './lessonSteps.testkit';

describe('core-architecture: core-topics', () => {
  const press = pressIn('core-architecture');
  it('two topics over three brokers; a new topic uses the same brokers; retention.ms becomes a dynamic config', () => {
    const id = 'core-topics';
    const c = embed(id);
    expect(press(c, id, 'List topics').stdout).toBe('orders\npayments');
    const all = press(c, id, 'Describe all topics').stdout;
    expect([...all.matchAll(/Topic: orders\tPartition: \d\tLeader: (\d)/g)].map((m) => m[1])).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(all).toMatch(/Topic: payments\tPartition: 0\tLeader: 2\t/);
    expect(press(c, id, 'Create topic page-views').stdout).toBe('Created topic page-views.');
    expect(
      c
        .read()
        .topics()
        .find((t) => t.name === 'page-views')?.partitions,
    ).toHaveLength(6);
    press(c, id, 'Set payments retention to 30 days');
    expect(press(c, id, 'Describe payments configs').stdout).toContain(
      'retention.ms=2592000000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=2592000000, DEFAULT_CONFIG:log.retention.hours=168}',
    );
  });
});

describe('topics-partitions: topics-partitions-ordering', () => {
  const press = pressIn('topics-partitions');
  it('keyed events line up per account; keyless ones follow the sticky partition; each member reads one partition in order', () => {
    const id = 'topics-partitions-ordering';
    const c = embed(id);
    expect(press(c, id, 'account-3 deposits 100').stdout).toContain('account-events-0');
    expect(press(c, id, 'account-3 withdraws 80').stdout).toContain('account-events-0');
    expect(press(c, id, 'account-1 deposits 50').stdout).toContain('account-events-2');
    expect(press(c, id, 'account-2 deposits 20').stdout).toContain('account-events-1');
    expect(press(c, id, 'Send a deposit without a key').stdout).toContain('account-events-1');
    expect(press(c, id, 'Send a withdrawal without a key').stdout).toContain('account-events-1');
    press(c, id, 'Flush bank (wait for the acknowledgements)');
    expect(press(c, id, 'Poll m1').stdout.split('\n')).toEqual([
      'account-events-0@0 key=account-3 value=deposit=100',
      'account-events-0@1 key=account-3 value=withdraw=80',
    ]);
    expect(press(c, id, 'Poll m2').stdout).toContain('account-events-1@0 key=account-2');
    expect(press(c, id, 'Poll m3').stdout).toBe('account-events-2@0 key=account-1 value=deposit=50');
  });
});

describe('topics-partitions: topics-partitions-grow (the auto.offset.reset=latest trap)', () => {
  const lineOf = (src: string, label: string): string[] => {
    const m = new RegExp(`label="${label}" lines=\\{(\\[[^\\]]*\\])\\}`).exec(src);
    expect(m, `the Console "${label}"`).not.toBeNull();
    return JSON.parse((m as RegExpExecArray)[1]);
  };
  it("the group gets the new partitions only at its leader's metadata refresh (metadata.max.age.ms), then starts them at latest, past the two clicks", async () => {
    const { lesson } = await import('@/lib/content.server');
    const lines = lineOf(
      lesson('topics-partitions')?.source ?? '',
      'Console: new partitions skipped by auto.offset.reset=latest',
    );
    const c = embed('topics-partitions-grow');
    const describeGroup = lines[lines.length - 1];
    const out: Array<{ line: string; stdout: string }> = [];
    for (const line of lines) {
      // just before the leader's refresh, the group still owns only partitions 0-2
      if (line === 'clock advance 1m')
        expect(c.run(describeGroup).stdout).not.toMatch(/analytics\s+clicks\s+[345]\s/);
      out.push({ line, stdout: c.run(line).stdout });
    }
    const polls = out.filter((o) => o.line === 'consumer poll a1').map((o) => o.stdout);
    expect(polls).toEqual(['(no records)', '(no records)', '(no records)', '(no records)']);
    const reasons = c.narration.map((e) => e.reason);
    expect(reasons.some((r) => r.includes('a1, leader of group analytics: its metadata refresh'))).toBe(true);
    const describe = out[out.length - 1].stdout;
    expect(describe).toMatch(/analytics\s+clicks\s+4\s+1\s+1\s+0\s+a1-/);
    expect(describe).toMatch(/analytics\s+clicks\s+5\s+1\s+1\s+0\s+a1-/);
  });
});
