// Prometheus "Alerting rules": pending until the expression has held for `for:`, then firing, resolved when it
// stops; and every Strimzi rule driven by the simulation.
import { describe, expect, it } from 'vitest';
import {
  checkRules,
  evaluateRules,
  expandTemplate,
  newAlertingState,
  RESOLVED_RETENTION_MS,
} from '../alerts/alerting';
import type { AlertRule } from '../alerts/strimziRules';
import { STRIMZI_ALERT_RULES } from '../alerts/strimziRules';
import { ingest, newStore } from '../store';
import { monitored } from './monitoring.testkit';

const rule = (forMs: number, keepFiringForMs?: number): AlertRule => ({
  group: 'g',
  alert: 'High',
  expr: 'x > 0',
  forMs,
  keepFiringForMs,
  labels: { severity: 'warning' },
  annotations: { description: 'x is {{ $value }} on {{ $labels.pod }}' },
});

function drive(values: number[], r: AlertRule, step = 15_000) {
  const store = newStore();
  const state = newAlertingState();
  const log: string[] = [];
  values.forEach((v, i) => {
    const t = i * step;
    ingest(
      store,
      t,
      v > 0
        ? [{ name: 'x', labels: { pod: 'p' }, value: v }]
        : [{ name: 'x', labels: { pod: 'p' }, value: 0 }],
    );
    for (const e of evaluateRules(state, [r], store, t)) log.push(`${t / 1000}s ${e.type}`);
  });
  return { state, log };
}

describe('alert state machine (rules/alerting.go)', () => {
  it('inactive → pending → firing → resolved with for: 30s at a 15 s evaluation interval', () => {
    const { log, state } = drive([0, 1, 1, 1, 1, 0, 0], rule(30_000));
    expect(log).toEqual(['15s alertPending', '45s alertFiring', '75s alertResolved']);
    const a = Object.values(state.active.High)[0];
    expect(a).toMatchObject({ state: 'inactive', activeAt: 15_000, firedAt: 45_000, resolvedAt: 75_000 });
    expect(a.annotations.description).toBe('x is 1 on p');
    expect(a.labels).toEqual({ pod: 'p', severity: 'warning', alertname: 'High' });
  });

  it('a pending alert whose condition clears before for: elapses never fires and is dropped', () => {
    const { log, state } = drive([1, 1, 0, 0], rule(60_000));
    expect(log).toEqual(['0s alertPending', '30s alertResolved']);
    expect(state.active.High).toEqual({});
  });

  it('for: 0 fires at the first evaluation that returns the series', () => {
    expect(drive([0, 5], rule(0)).log).toEqual(['15s alertFiring']);
  });

  it('keep_firing_for delays the resolution; resolved alerts are forgotten after 15 minutes', () => {
    expect(drive([1, 1, 0, 0, 0, 0], rule(0, 40_000)).log).toEqual(['0s alertFiring', '75s alertResolved']);
    const { state } = drive([1, 0, ...new Array(RESOLVED_RETENTION_MS / 15_000 + 2).fill(0)], rule(0));
    expect(state.active.High).toEqual({});
  });

  it('templates print $value as Go %v and missing labels as <no value>', () => {
    expect(expandTemplate('{{ $value }} / {{ $labels.nope }} / {{ .Labels.a }}', { a: 'A' }, 1e6)).toBe(
      '1e+06 / <no value> / A',
    );
  });

  it('every Strimzi expression parses (promtool check rules)', () => {
    expect(checkRules(STRIMZI_ALERT_RULES)).toEqual([]);
  });
});

function firing(m: ReturnType<typeof monitored>, name: string): string[] {
  return Object.values(m.mon.alerting.active[name] ?? {})
    .filter((a) => a.state === 'firing')
    .map((a) => a.annotations.description);
}

describe("Strimzi's rules against the simulation", () => {
  it('UnderReplicatedPartitions and UnderReplicatedPartition go pending then firing when a broker stops, and resolve after it returns', () => {
    const m = monitored();
    m.must({ type: 'createTopic', topic: 't', partitions: 3, replicationFactor: 3 });
    m.run(30_000);
    expect(firing(m, 'UnderReplicatedPartitions')).toEqual([]);
    m.must({ type: 'brokerStop', id: 2 });
    m.run(45_000);
    expect(
      m.alerts.some((e) => e.type === 'alertPending' && e.alertname === 'UnderReplicatedPartitions'),
    ).toBe(true);
    const expected = [1, 3]
      .map(
        (id) =>
          [
            id,
            m.sim.state.topics.t.partitions.filter((p) => p.leader === id && p.isr.length < 3).length,
          ] as const,
      )
      .filter(([, n]) => n > 0)
      .map(([id, n]) => `There are ${n} under replicated partitions on my-cluster-kafka-${id}`);
    expect(expected.length).toBeGreaterThan(0);
    expect(firing(m, 'UnderReplicatedPartitions').sort()).toEqual(expected);
    expect(firing(m, 'UnderReplicatedPartition')).toHaveLength(3);
    m.must({ type: 'brokerStart', id: 2 });
    m.run(90_000);
    expect(firing(m, 'UnderReplicatedPartitions')).toEqual([]);
    expect(
      m.alerts.some((e) => e.type === 'alertResolved' && e.alertname === 'UnderReplicatedPartitions'),
    ).toBe(true);
  });

  it('UnderMinIsrPartitionCount and OfflinePartitions', () => {
    const m = monitored();
    m.must({
      type: 'createTopic',
      topic: 't',
      partitions: 1,
      replicationFactor: 3,
      configs: { 'min.insync.replicas': '2' },
    });
    m.must({ type: 'createTopic', topic: 'solo', partitions: 1, replicationFactor: 1, assignment: [[3]] });
    m.run(15_000);
    m.must({ type: 'brokerStop', id: 3 });
    m.must({ type: 'brokerStop', id: 2 });
    m.run(45_000);
    expect(firing(m, 'UnderMinIsrPartitionCount')).toEqual([
      'There are 1 partitions under the min ISR on my-cluster-kafka-1',
    ]);
    expect(firing(m, 'OfflinePartitions')).toEqual(['One or more partitions have no leader']);
    expect(firing(m, 'OfflineLogDirectoryCount')).toEqual([]);
  });

  it('AbnormalControllerState fires when the quorum loses its majority (no active controller)', () => {
    const m = monitored();
    m.run(15_000);
    expect(firing(m, 'AbnormalControllerState')).toEqual([]);
    for (const v of m.sim.state.quorum.voters.slice(0, 2)) m.must({ type: 'controllerStop', id: v.id });
    m.run(45_000);
    expect(m.sim.state.quorum.leaderId).toBeNull();
    expect(firing(m, 'AbnormalControllerState')).toEqual(['There are 0 active controllers in the cluster']);
  });

  it('ScrapeProblem fires after 3 minutes of up == 0', () => {
    const m = monitored();
    m.must({ type: 'brokerStop', id: 3 });
    m.run(165_000);
    expect(firing(m, 'ScrapeProblem')).toEqual([]);
    m.run(30_000);
    expect(firing(m, 'ScrapeProblem')).toEqual([
      'Prometheus was unable to scrape metrics from my-cluster-kafka-3/my-cluster-kafka-3:9404 for more than 3 minutes',
    ]);
  });

  it('TooLargeConsumerGroupLag (> 1000) and NoMessageForTooLong (no offset change in 10 minutes)', () => {
    const m = monitored();
    m.must({ type: 'createTopic', topic: 'orders', partitions: 1, replicationFactor: 3 });
    m.must({ type: 'producerCreate', name: 'p1' });
    m.must({
      type: 'consumerCreate',
      name: 'c1',
      config: { groupId: 'g1', topics: ['orders'], autoOffsetReset: 'earliest', enableAutoCommit: false },
    });
    m.run(15_000);
    m.must({ type: 'consumerPoll', name: 'c1' });
    m.must({ type: 'consumerCommit', name: 'c1' });
    m.must({
      type: 'producerSendMany',
      producer: 'p1',
      topic: 'orders',
      records: Array.from({ length: 1001 }, (_, i) => ({ value: `v${i}` })),
    });
    m.must({ type: 'producerFlush', producer: 'p1' });
    m.run(30_000);
    expect(firing(m, 'TooLargeConsumerGroupLag')).toEqual([
      'Consumer group g1 lag is too big (1001) on topic orders/partition 0',
    ]);
    expect(firing(m, 'NoMessageForTooLong').some((d) => d.includes('orders/partition 0'))).toBe(false);
    m.run(11 * 60_000);
    expect(firing(m, 'NoMessageForTooLong').some((d) => d.includes('orders/partition 0'))).toBe(true);
  });

  it('KafkaRunningOutOfSpace when a broker volume has under 15 % free', () => {
    const m = monitored({}, { volumeCapacityBytes: 2300 });
    m.must({ type: 'createTopic', topic: 'big', partitions: 1, replicationFactor: 3 });
    m.must({ type: 'producerCreate', name: 'p1' });
    m.must({
      type: 'producerSendMany',
      producer: 'p1',
      topic: 'big',
      records: Array.from({ length: 60 }, (_, i) => ({ value: `payload-${i}-xxxxxxxxxxxxxxxx` })),
    });
    m.must({ type: 'producerFlush', producer: 'p1' });
    m.run(30_000);
    expect(firing(m, 'KafkaRunningOutOfSpace').length).toBe(3);
    expect(firing(m, 'KafkaRunningOutOfSpace')[0]).toMatch(
      /^There are only \d+(\.\d+)? percent available at data-my-cluster-kafka-\d PVC$/,
    );
  });
});
