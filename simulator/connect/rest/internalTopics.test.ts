import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  connectorConfigRecord,
  rebuildConfigState,
  removeConnectorRecords,
  targetStateRecord,
  taskConfigRecords,
} from './internalTopics';
import { call, cluster, FILE_SOURCE_CONFIG, JDBC_SINK_CONFIG } from './rest.testkit';
import type { ConnectClusterState, HttpMethod, InternalRecord } from './types';

describe('rebuildConfigState (KafkaConfigBackingStore consumer callback)', () => {
  const cfg = { 'connector.class': 'FileStreamSink', name: 'f' };

  it('task configs become visible only with their commit-<name> record', () => {
    const [t0, t1, commit] = taskConfigRecords('f', [{ a: '1' }, { a: '2' }]);
    const base = [connectorConfigRecord('f', cfg), t0, t1];
    expect(rebuildConfigState(base).tasks.f).toBeUndefined();
    expect(rebuildConfigState([...base, commit]).tasks.f).toEqual([{ a: '1' }, { a: '2' }]);
  });

  it('a commit counting more tasks than were written leaves the connector inconsistent, keeping the old task set', () => {
    const first = taskConfigRecords('f', [{ a: '1' }]);
    const badCommit: InternalRecord = { topic: 'connect-configs', key: 'commit-f', value: { tasks: 2 } };
    const s = rebuildConfigState([connectorConfigRecord('f', cfg), ...first, badCommit]);
    expect(s.inconsistent).toEqual(['f']);
    expect(s.tasks.f).toEqual([{ a: '1' }]);
  });

  it('a missing target state means STARTED; target-state reads "state.v2" first (KIP-875)', () => {
    expect(rebuildConfigState([connectorConfigRecord('f', cfg)]).targetStates.f).toBe('STARTED');
    const stopped = rebuildConfigState([targetStateRecord('f', 'STOPPED'), connectorConfigRecord('f', cfg)]);
    expect(stopped.targetStates.f).toBe('STOPPED');
    const oldWorker: InternalRecord = {
      topic: 'connect-configs',
      key: 'target-state-f',
      value: { state: 'PAUSED' },
    };
    expect(rebuildConfigState([connectorConfigRecord('f', cfg), oldWorker]).targetStates.f).toBe('PAUSED');
  });

  it('tombstones for connector-<name> and target-state-<name> remove the connector and its tasks', () => {
    const s = rebuildConfigState([
      connectorConfigRecord('f', cfg),
      ...taskConfigRecords('f', [{ a: '1' }]),
      ...removeConnectorRecords('f'),
    ]);
    expect(s).toEqual({ connectors: {}, targetStates: {}, tasks: {}, inconsistent: [] });
  });
});

// ---- seeded properties over random REST sessions --------------------------------------------------------------

type Op = { method: HttpMethod; path: string; body?: unknown; query?: Record<string, string> };

const name = fc.constantFrom('a', 'b', 'c');
const op: fc.Arbitrary<Op> = fc.oneof(
  name.map((n) => ({
    method: 'POST' as const,
    path: '/connectors',
    body: { name: n, config: FILE_SOURCE_CONFIG },
  })),
  fc.tuple(name, fc.constantFrom('RUNNING', 'PAUSED', 'STOPPED', 'BOGUS')).map(([n, s]) => ({
    method: 'POST' as const,
    path: '/connectors',
    body: { name: n, config: JDBC_SINK_CONFIG, initial_state: s },
  })),
  name.map((n) => ({
    method: 'POST' as const,
    path: '/connectors',
    body: { name: n, config: { 'connector.class': 'JdbcSink' } },
  })),
  name.map((n) => ({ method: 'POST' as const, path: '/connectors', body: `{"name":${JSON.stringify(n)}` })),
  fc.tuple(name, fc.integer({ min: 0, max: 4 })).map(([n, t]) => ({
    method: 'PUT' as const,
    path: `/connectors/${n}/config`,
    body: { ...JDBC_SINK_CONFIG, 'tasks.max': String(t) },
  })),
  fc.tuple(name, fc.constantFrom(null, '2', 'x')).map(([n, v]) => ({
    method: 'PATCH' as const,
    path: `/connectors/${n}/config`,
    body: { 'tasks.max': v },
  })),
  fc
    .tuple(name, fc.constantFrom('pause', 'resume', 'stop'))
    .map(([n, a]) => ({ method: 'PUT' as const, path: `/connectors/${n}/${a}` })),
  fc.tuple(name, fc.boolean(), fc.boolean()).map(([n, i, o]) => ({
    method: 'POST' as const,
    path: `/connectors/${n}/restart`,
    query: { includeTasks: String(i), onlyFailed: String(o) },
  })),
  fc
    .tuple(name, fc.integer({ min: 0, max: 3 }))
    .map(([n, t]) => ({ method: 'POST' as const, path: `/connectors/${n}/tasks/${t}/restart` })),
  name.map((n) => ({ method: 'DELETE' as const, path: `/connectors/${n}` })),
  name.map((n) => ({ method: 'GET' as const, path: `/connectors/${n}/status` })),
  fc.constant({
    method: 'PUT' as const,
    path: '/connector-plugins/JdbcSink/config/validate',
    body: { 'connector.class': 'JdbcSink' },
  }),
);

function run(ops: Op[]) {
  let state: ConnectClusterState = cluster();
  const log: InternalRecord[] = [];
  const steps = [];
  for (const o of ops) {
    const r = call(state, o.method, o.path, o.body, o.query);
    steps.push({ before: state, r });
    log.push(...r.records);
    state = r.newState;
  }
  return { state, log, steps };
}

describe('properties of a REST session', () => {
  it('a refused request (4xx/5xx) never changes state or writes a record', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        for (const { before, r } of run(ops).steps) {
          if (r.status >= 400) {
            expect(r.newState).toBe(before);
            expect(r.records).toEqual([]);
            expect(r.body).toMatchObject({ error_code: r.status });
          }
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('replaying connect-configs rebuilds exactly the configs, target states and task configs of the cluster', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const { state, log } = run(ops);
        const snap = rebuildConfigState(log);
        expect(Object.keys(snap.connectors).sort()).toEqual(state.connectors.map((c) => c.name).sort());
        for (const c of state.connectors) {
          expect(snap.connectors[c.name]).toEqual(c.config);
          expect(snap.targetStates[c.name]).toBe(c.targetState);
          expect(snap.tasks[c.name] ?? []).toEqual(c.taskConfigs);
        }
        expect(snap.inconsistent).toEqual([]);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('the last connect-status value per key is the cluster status; deleted entries end as tombstones', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const { state, log } = run(ops);
        const last = new Map<string, unknown>();
        for (const r of log) if (r.topic === 'connect-status') last.set(r.key, r.value);
        const expected = new Map<string, unknown>();
        const v = (s: { state: string; trace: string | null; workerId: string; generation: number }) => ({
          state: s.state,
          trace: s.trace,
          worker_id: s.workerId,
          generation: s.generation,
        });
        for (const c of state.connectors) {
          expected.set(`status-connector-${c.name}`, v(c.status));
          c.taskStatuses.forEach((t, i) => {
            expected.set(`status-task-${c.name}-${i}`, v(t));
          });
        }
        const live = new Map([...last].filter(([, x]) => x !== null));
        expect(live).toEqual(expected);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
