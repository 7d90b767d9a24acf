// The storage jobs inside a running simulation: retention checks and the cleaner on the virtual clock.
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../index';
import { Simulation } from '../index';
import { readRecords } from '../log/unifiedLog';
import { cleanerStatus } from './index';

const DAY = 86_400_000;

function setup(configs: Record<string, string>) {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  const ok = (r: { ok: boolean }) => expect(r).toMatchObject({ ok: true });
  ok(sim.dispatch({ type: 'advanceClock', ms: 5000 }));
  ok(sim.dispatch({ type: 'createTopic', topic: 't', partitions: 1, replicationFactor: 3, configs }));
  ok(sim.dispatch({ type: 'advanceClock', ms: 5000 }));
  ok(sim.dispatch({ type: 'producerCreate', name: 'p', configs: { acks: 'all', 'linger.ms': '0' } }));
  const send = (key: string | null, value: string | null) => {
    ok(sim.dispatch({ type: 'producerSend', producer: 'p', topic: 't', key, value }));
    ok(sim.dispatch({ type: 'producerFlush', producer: 'p' }));
  };
  const events: SimEvent[] = [];
  sim.subscribe((r) => events.push(...r.events));
  const leaderLog = () => {
    const part = sim.state.topics.t.partitions[0];
    return part.replicaLogs[part.leader!].log;
  };
  return { sim, send, events, leaderLog };
}

describe('storage jobs on the virtual clock', () => {
  it('retention runs every log.retention.check.interval.ms on each broker and reports each deleted segment', () => {
    const { sim, send, events, leaderLog } = setup({ 'retention.ms': '60000', 'segment.bytes': '100' });
    for (let i = 0; i < 4; i++) send(`k${i}`, `value-${i}`);
    expect(leaderLog().segments.length).toBeGreaterThan(1);
    sim.dispatch({ type: 'advanceClock', ms: 10 * 60_000 });
    const deleted = events.filter((e) => e.type === 'logSegmentDeleted');
    expect(deleted.length).toBeGreaterThan(0);
    expect(deleted[0].reason).toMatch(/older than retention\.ms/);
    // Every replica runs its own retention: all three brokers delete.
    expect(new Set(deleted.map((e) => (e as { broker: number }).broker)).size).toBe(3);
    // All expired, so the active segment went too and the log start offset reached the LEO.
    expect(leaderLog().logStartOffset).toBe(leaderLog().logEndOffset);
  });

  it('kafka-configs --alter retention.ms takes effect at the next retention check, not before', () => {
    const { sim, send, events, leaderLog } = setup({ 'segment.bytes': '100' });
    for (let i = 0; i < 4; i++) send(`k${i}`, `value-${i}`);
    sim.dispatch({ type: 'advanceClock', ms: 3_600_000 });
    expect(events.some((e) => e.type === 'logSegmentDeleted')).toBe(false);
    sim.dispatch({ type: 'alterTopicConfigs', topic: 't', set: { 'retention.ms': '60000' } });
    expect(leaderLog().logStartOffset).toBe(0);
    const at = sim.state.now;
    sim.dispatch({ type: 'advanceClock', ms: 300_000 });
    const first = events.find((e) => e.type === 'logSegmentDeleted');
    expect(first).toBeDefined();
    expect(first!.time).toBeGreaterThan(at);
    // The check runs on the broker's 5-minute grid (first run 30 s after start).
    expect((first!.time - 30_000) % 300_000).toBe(0);
  });

  it('fast-forwarding a quiet week schedules only a handful of storage tasks (lazy scheduling)', () => {
    const { sim, send } = setup({ 'cleanup.policy': 'compact,delete', 'segment.bytes': '100' });
    for (let i = 0; i < 6; i++) send('k', `value-${i}`);
    const before = sim.state.nextTaskSeq;
    sim.dispatch({ type: 'advanceClock', ms: 7 * DAY });
    // Naive schedules would be 2016 retention checks + 40320 cleaner ticks per broker.
    expect(sim.state.nextTaskSeq - before).toBeLessThan(200);
  });

  it('kafka-configs --alter cleanup.policy=compact takes effect at the next cleaner check; the cleaner pass is an event with before/after', () => {
    const { sim, send, events, leaderLog } = setup({ 'segment.bytes': '100' });
    for (let i = 0; i < 6; i++) send('k', `value-${i}`);
    sim.dispatch({ type: 'advanceClock', ms: 60_000 });
    expect(events.some((e) => e.type === 'logCleaned')).toBe(false);
    expect(
      sim.dispatch({ type: 'alterTopicConfigs', topic: 't', set: { 'cleanup.policy': 'compact' } }),
    ).toMatchObject({
      ok: true,
    });
    sim.dispatch({ type: 'advanceClock', ms: 15_000 });
    const cleaned = events.filter((e) => e.type === 'logCleaned');
    expect(cleaned.length).toBeGreaterThanOrEqual(3);
    const c = cleaned[0] as Extract<SimEvent, { type: 'logCleaned' }>;
    expect(c.before.length).toBeGreaterThan(0);
    expect(c.after.reduce((n, s) => n + s.recordCount, 0)).toBeLessThan(
      c.before.reduce((n, s) => n + s.recordCount, 0),
    );
    const log = leaderLog();
    const all = readRecords(log, log.logStartOffset, log.logEndOffset, 100);
    expect(all.kind === 'records' && all.records.map((r) => r.value).at(-1)).toBe('value-5');
    const part = sim.state.topics.t.partitions[0];
    expect(cleanerStatus(sim.state, 't', 0, part.leader!)?.kind).toBe('skip');
  });

  it('a keyless record on a compacted topic is rejected with INVALID_RECORD', () => {
    const { sim, events } = setup({ 'cleanup.policy': 'compact' });
    sim.dispatch({ type: 'producerSend', producer: 'p', topic: 't', key: null, value: 'x' });
    sim.dispatch({ type: 'producerFlush', producer: 'p' });
    expect(events.some((e) => e.type === 'produceRejected')).toBe(true);
    expect(events.map((e) => e.reason).join('\n')).toMatch(
      /Compacted topic cannot accept message without key in topic partition t-0\./,
    );
  });

  it('a consumer positioned below the new log start offset is reset by auto.offset.reset; replay is deterministic', () => {
    const { sim, send, events } = setup({ 'retention.ms': '250000', 'segment.bytes': '100' });
    for (let i = 0; i < 4; i++) send(`k${i}`, `old-${i}`);
    sim.dispatch({
      type: 'consumerCreate',
      name: 'c1',
      config: {
        groupId: 'g',
        topics: ['t'],
        autoOffsetReset: 'earliest',
        maxPollRecords: 1,
        maxPollIntervalMs: 3_600_000, // stay in the group while the test fast-forwards
      },
    });
    sim.dispatch({ type: 'advanceClock', ms: 10_000 });
    const first = sim.dispatch({ type: 'consumerPoll', name: 'c1' });
    expect(first.ok && first.data.records.map((r) => r.offset)).toEqual([0]);
    sim.dispatch({ type: 'advanceClock', ms: 100_000 });
    send('k9', 'new');
    sim.dispatch({ type: 'advanceClock', ms: 220_000 });
    const deleted = events.filter((e) => e.type === 'logSegmentDeleted');
    expect(deleted.length).toBeGreaterThan(0);
    const again = sim.dispatch({ type: 'consumerPoll', name: 'c1' });
    expect(again.events.some((e) => e.type === 'positionReset')).toBe(true);
    expect(again.ok && again.data.records.map((r) => r.offset)).toEqual([4]);
    expect(Simulation.replay(sim.init, sim.log).serialize()).toBe(sim.serialize());
  });
});
