import { describe, expect, it } from 'vitest';
import { advance, cluster, must, produce, read, start } from './streamsArea.testkit';

const FK =
  'orders = table orders\ncustomers = table customers\norders | join customers on value.customer with concat(left, "/", right) as enrich | toStream | to enriched';

describe('foreign-key join on the simulated cluster (KIP-213)', () => {
  it('creates <app>-enrich-subscription-registration-topic / -response-topic with the foreign and primary partition counts, and joins', () => {
    const s = cluster({ orders: 3, customers: 2, enriched: 1 });
    must(s, { type: 'streamsAppCreate', app: 'shop', dsl: FK });
    start(s, 'shop', 'a');
    expect(s.state.topics['shop-enrich-subscription-registration-topic'].partitions.length).toBe(2);
    expect(s.state.topics['shop-enrich-subscription-response-topic'].partitions.length).toBe(3);
    expect(s.state.topics['shop-enrich-subscription-store-changelog'].partitions.length).toBe(2);
    produce(s, 'customers', [['c1', 'Ada', 1000]]);
    produce(s, 'orders', [
      ['o1', '{"customer":"c1"}', 2000],
      ['o2', '{"customer":"c1"}', 2100],
      ['o3', '{"customer":"c2"}', 2200],
    ]);
    advance(s, 31_000);
    expect(read(s, 'enriched').sort()).toEqual(['o1={"customer":"c1"}/Ada', 'o2={"customer":"c1"}/Ada']);
    produce(s, 'customers', [['c2', 'Grace', 40_000]]);
    advance(s, 31_000);
    expect(read(s, 'enriched')).toContain('o3={"customer":"c2"}/Grace');
  });

  it('kafka-streams-application-reset infers the foreign-key join topics as internal (StreamsResetter#matchesInternalTopicFormat)', () => {
    const s = cluster({ orders: 1, customers: 1, enriched: 1 });
    must(s, { type: 'streamsAppCreate', app: 'shop', dsl: FK.replace(' as enrich', '') });
    start(s, 'shop', 'a');
    must(s, { type: 'streamsInstanceStop', app: 'shop', instance: 'a' });
    advance(s, 50_000);
    const r = must(s, { type: 'streamsAppReset', app: 'shop', inputTopics: ['orders'], force: true });
    expect(r.ok && r.data.deletedTopics).toEqual(
      expect.arrayContaining([
        'shop-KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-0000000006-topic',
        'shop-KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-0000000014-topic',
        'shop-KTABLE-FK-JOIN-SUBSCRIPTION-STATE-STORE-0000000010-changelog',
      ]),
    );
  });
});
