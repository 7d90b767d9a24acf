// The dashboard's panels over a real simulation: the values the view draws are PromQL over the scraped series,
// and each panel shows the state of the Strimzi rule it watches.
import { describe, expect, it } from 'vitest';
import { consoleFor } from '@/kafka-cli';
import { readModel, Simulation } from '@/simulator';
import { monitoringCommand } from '../sim-runtime/commands';
import { MONITORING_PANELS, panelModels } from './monitoringPanels';

function dashboard(lines: string[]) {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  const c = consoleFor(sim);
  for (const l of lines) expect(c.run(l).exitCode, l).toBe(0);
  return panelModels(readModel(sim).monitoring(), 15_000);
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
    for (const m of models.filter((x) => x.def.id !== 'lag')) expect(m.note, m.def.id).toBeNull();
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
});
