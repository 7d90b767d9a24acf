// The dashboard's panels over a real simulation: the values the view draws are PromQL over the scraped series,
// and each panel shows the state of the Strimzi rule it watches.
import { describe, expect, it } from 'vitest';
import { consoleFor } from '@/kafka-cli';
import { readModel, Simulation } from '@/simulator';
import { monitoringCommand } from '../sim-runtime/commands';
import { MONITORING_PANELS, panelModels, stepFor, thresholdTone } from './monitoringPanels';

function dashboard(lines: string[]) {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  const c = consoleFor(sim);
  for (const l of lines) expect(c.run(l).exitCode, l).toBe(0);
  return panelModels(readModel(sim).monitoring(), {
    rangeMs: 15 * 60_000,
    stepMs: 15_000,
    endMs: sim.state.now,
  });
}
const byId = (models: ReturnType<typeof dashboard>, id: string) => models.find((m) => m.def.id === id);

describe('monitoring dashboard panels', () => {
  it('every panel query parses and runs against the store (no panel error on a healthy cluster)', () => {
    const models = dashboard([
      'kafka-topics.sh --create --topic orders --partitions 3 --replication-factor 3',
      monitoringCommand('start'),
      'clock advance 1m',
    ]);
    expect(models.map((m) => m.def.id)).toEqual(MONITORING_PANELS.map((p) => p.id));
    // No request has been served yet on a quiet cluster: RequestMetrics and kafka_exporter's lag have no series.
    const quiet = ['lag', 'requests', 'produce-latency'];
    for (const m of models.filter((x) => !quiet.includes(x.def.id))) expect(m.note, m.def.id).toBeNull();
    expect(byId(models, 'urp')).toMatchObject({ value: 0, tone: 'ok' });
    expect(byId(models, 'offline')).toMatchObject({ value: 0, tone: 'ok' });
    // KRaft: exactly one active controller in the quorum (QuorumController metrics).
    expect(byId(models, 'controllers')).toMatchObject({ value: 1, tone: 'ok' });
    expect(byId(models, 'urp')?.rule?.state).toBe('inactive');
  });

  it('a stopped broker raises under-replicated partitions and the UnderReplicatedPartitions rule fires (Strimzi prometheus-rules.yaml)', () => {
    const models = dashboard([
      'kafka-topics.sh --create --topic orders --partitions 3 --replication-factor 3',
      monitoringCommand('start'),
      'broker stop 3',
      'clock advance 30s',
    ]);
    // Broker 3's partitions: the two it followed and the one it led (now led elsewhere) have ISR [x, y].
    expect(byId(models, 'urp')).toMatchObject({ value: 3, tone: 'bad' });
    expect(byId(models, 'urp')?.rule?.state).toBe('firing');
    expect(byId(models, 'offline')).toMatchObject({ value: 0, tone: 'ok' });
  });

  it('messages in per second is the rate of the all-topics meter; lag is summed per group (kafka_exporter)', () => {
    const models = dashboard([
      'kafka-topics.sh --create --topic orders --partitions 1 --replication-factor 3',
      monitoringCommand('start'),
      'producer create p1',
      ...Array.from({ length: 12 }, (_, i) => `producer send p1 orders v${i}`),
      'producer flush p1',
      'consumer create c1 --group billing --topics orders --offset-reset earliest --auto-commit false',
      'clock advance 5s',
      'consumer poll c1 --max 2',
      'consumer commit c1',
      'clock advance 1m',
    ]);
    const rate = byId(models, 'messages-in')?.lines[0]?.points.some((p) => p.v > 0);
    expect(rate).toBe(true);
    const lag = byId(models, 'lag');
    expect(lag?.lines.map((l) => [l.name, l.last])).toEqual([['billing', 10]]);
  });

  it('twelve panels; with traffic every one of them has data and no query note', () => {
    const models = dashboard([
      'kafka-topics.sh --create --topic orders --partitions 3 --replication-factor 3',
      monitoringCommand('start'),
      'producer create p1',
      ...Array.from({ length: 12 }, (_, i) => `producer send p1 orders --key k${i} v${i}`),
      'producer flush p1',
      'consumer create c1 --group billing --topics orders --offset-reset earliest --auto-commit false',
      'clock advance 5s',
      'consumer poll c1 --max 4',
      'consumer commit c1',
      'clock advance 2m',
    ]);
    expect(models).toHaveLength(12);
    for (const m of models) {
      expect(m.note, m.def.id).toBeNull();
      expect(m.lines.length, m.def.id).toBeGreaterThan(0);
    }
    // RequestMetrics' request label: a produce per batch, consumer fetches and the followers' fetches.
    expect(
      byId(models, 'requests')
        ?.lines.map((l) => l.name)
        .sort(),
    ).toEqual(expect.arrayContaining(['FetchConsumer', 'FetchFollower', 'Produce']));
    // DelayedOperationPurgatory by delayedOperation: Fetch and Produce.
    expect(
      byId(models, 'purgatory')
        ?.lines.map((l) => l.name)
        .sort(),
    ).toEqual(['Fetch', 'Produce']);
    // One bytes-in series per broker pod (BrokerTopicMetrics BytesInPerSec, all topics).
    expect(byId(models, 'bytes-in')?.lines.map((l) => l.name)).toEqual([
      'my-cluster-kafka-1',
      'my-cluster-kafka-2',
      'my-cluster-kafka-3',
    ]);
    expect(byId(models, 'lag')).toMatchObject({ value: 8, tone: 'warn' });
  });

  it('threshold steps as Grafana applies them: AbnormalControllerState is anything but one, TooLargeConsumerGroupLag above 1000 (Strimzi prometheus-rules.yaml)', () => {
    const ctl = MONITORING_PANELS.find((p) => p.id === 'controllers')?.thresholds ?? [];
    expect([0, 1, 2].map((v) => thresholdTone(ctl, v))).toEqual(['bad', 'ok', 'bad']);
    const lag = MONITORING_PANELS.find((p) => p.id === 'lag')?.thresholds ?? [];
    expect([0, 1, 1000, 1001].map((v) => thresholdTone(lag, v))).toEqual(['ok', 'warn', 'warn', 'bad']);
    const urp = MONITORING_PANELS.find((p) => p.id === 'urp')?.thresholds ?? [];
    expect([0, 1].map((v) => thresholdTone(urp, v))).toEqual(['ok', 'bad']);
  });

  it('the step is the scrape interval until a range would exceed 240 points (Grafana maxDataPoints)', () => {
    expect(stepFor(5 * 60_000, 15_000)).toBe(15_000);
    expect(stepFor(60 * 60_000, 15_000)).toBe(15_000);
    expect(stepFor(6 * 60 * 60_000, 15_000)).toBe(90_000);
  });

  it('with auto-refresh off the panels end at the last refresh, not at now', () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    const c = consoleFor(sim);
    for (const l of [monitoringCommand('start'), 'clock advance 2m', 'broker stop 3', 'clock advance 1m'])
      expect(c.run(l).exitCode, l).toBe(0);
    const mon = readModel(sim).monitoring();
    const frozen = panelModels(mon, { rangeMs: 5 * 60_000, stepMs: 15_000, endMs: 120_000 });
    const live = panelModels(mon, { rangeMs: 5 * 60_000, stepMs: 15_000, endMs: sim.state.now });
    const last = (ms: typeof frozen) => ms.find((m) => m.def.id === 'urp')?.lines[0]?.points.at(-1)?.t;
    expect(last(frozen)).toBe(120_000);
    expect(last(live)).toBe(180_000);
  });
});
