// The scrape's shortcuts must not change what it exports: the regex prefilter (a literal every match contains)
// and the memoised series keys.
import { describe, expect, it } from 'vitest';
import {
  beanMatchName,
  exportMBeans,
  KAFKA_KRAFT_RULES,
  requiredLiteral,
  STRIMZI_CLIENT_RULES,
} from '../jmxExporter';
import { collectMBeans, runningNodes } from '../sampler';
import { seriesKey } from '../store';
import { monitored } from './monitoring.testkit';

describe('jmx_exporter rule prefilter', () => {
  it('every string a rule matches contains the rule pattern’s required literal (JmxCollector rule matching)', () => {
    const m = monitored();
    m.must({ type: 'createTopic', topic: 'orders', partitions: 3, replicationFactor: 3 });
    m.run(60_000);
    let checked = 0;
    for (const node of runningNodes(m.sim.state))
      for (const b of collectMBeans(m.sim.state, m.mon.recorder, node, m.sim.state.now))
        for (const a of b.attributes) {
          const text = `${beanMatchName(b)}${a.name}: ${a.value}`;
          for (const rule of [...KAFKA_KRAFT_RULES.rules, ...STRIMZI_CLIENT_RULES.rules]) {
            const re = new RegExp(`^.*(?:${rule.pattern}).*$`);
            if (re.test(text)) {
              expect(text).toContain(requiredLiteral(rule.pattern));
              checked++;
            }
          }
        }
    expect(checked).toBeGreaterThan(100);
  });

  it('a quantified character and a top-level alternation are not required', () => {
    expect(requiredLiteral('ab?c')).toBe('a');
    expect(requiredLiteral('x|y')).toBe('');
    expect(requiredLiteral('kafka.server<type=raft-metrics><>current-state: ([a-z]+)')).toBe(
      'server<type=raft-metrics><>current-state: ',
    );
  });
});

describe('scrape series keys', () => {
  it('the memoised keys equal the canonical key of every stored series (labels sorted)', () => {
    const m = monitored();
    m.must({ type: 'createTopic', topic: 'orders', partitions: 3, replicationFactor: 3 });
    m.run(45_000);
    for (const [key, s] of Object.entries(m.mon.store.series)) expect(key).toBe(seriesKey(s.name, s.labels));
    // The same beans export the same families twice in a row (the rule cache is not state).
    const node = runningNodes(m.sim.state)[0];
    const beans = collectMBeans(m.sim.state, m.mon.recorder, node, m.sim.state.now);
    expect(exportMBeans(beans, KAFKA_KRAFT_RULES)).toEqual(exportMBeans(beans, KAFKA_KRAFT_RULES));
  });
});
