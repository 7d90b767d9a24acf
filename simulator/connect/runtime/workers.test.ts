import { beforeAll, describe, expect, it } from 'vitest';
import { Simulation } from '../../index';
import { readModel } from '../../read/index';
import { must } from '../../testing/sim.testkit';
import {
  advance,
  connectSim,
  customers,
  JDBC_SOURCE,
  rest,
  topicRecords,
  withSqlite,
} from './connect.testkit';

beforeAll(withSqlite);

describe('Connect workers in distributed mode (DistributedHerder, KafkaConfigBackingStore, KafkaStatusBackingStore)', () => {
  it('the internal topics are created compacted with DistributedConfig defaults: connect-configs 1 partition, connect-offsets 25, connect-status 5', () => {
    const s = connectSim();
    const rm = readModel(s);
    expect(rm.topic('connect-configs')?.partitions).toHaveLength(1);
    expect(rm.topic('connect-offsets')?.partitions).toHaveLength(25);
    expect(rm.topic('connect-status')?.partitions).toHaveLength(5);
    for (const t of ['connect-configs', 'connect-offsets', 'connect-status'])
      expect(rm.topicConfig(t, 'cleanup.policy')).toBe('compact');
    expect(rm.connect().workers.map((w) => w.id)).toEqual(['connect-1:8083', 'connect-2:8083']);
  });

  it('POST /connectors writes connector-<name>, task-<name>-<n>, commit-<name> to connect-configs and statuses to connect-status (readable with the console tools)', () => {
    const s = connectSim();
    customers(s, []);
    const r = rest(s, 'POST', '/connectors', JDBC_SOURCE());
    expect(r.status).toBe(201);
    advance(s, 100); // followers fetch, the high watermark moves
    const keys = topicRecords(s, 'connect-configs').map((x) => x.key);
    expect(keys).toEqual(
      expect.arrayContaining(['connector-jdbc-customers', 'task-jdbc-customers-0', 'commit-jdbc-customers']),
    );
    const status = topicRecords(s, 'connect-status').map((x) => [
      x.key,
      x.value && JSON.parse(x.value).state,
    ]);
    expect(status).toContainEqual(['status-task-jdbc-customers-0', 'RUNNING']);
    expect(rest(s, 'GET', '/connectors/jdbc-customers/status').body).toMatchObject({
      name: 'jdbc-customers',
      tasks: [{ id: 0, state: 'RUNNING' }],
      type: 'source',
    });
  });

  it('a REST call with no live worker is refused like a closed port', () => {
    const s = connectSim(1);
    must(s, { type: 'connectWorkerStop', worker: 'connect-1:8083' });
    const r = s.dispatch({ type: 'connectRest', request: { method: 'GET', path: '/connectors' } });
    expect(r.ok).toBe(false);
  });

  it('a cleanly stopped worker writes UNASSIGNED for its tasks (AbstractHerder#onShutdown) and they stay UNASSIGNED for scheduled.rebalance.max.delay.ms before a survivor runs them', () => {
    const s = connectSim(2);
    customers(s, ['ann']);
    rest(s, 'POST', '/connectors', JDBC_SOURCE('incrementing', { 'tasks.max': '1' }));
    const owner = readModel(s).connect().connectors[0].tasks[0].workerId;
    must(s, { type: 'connectWorkerStop', worker: owner });
    advance(s, 100);
    const statusValues = topicRecords(s, 'connect-status')
      .filter((r) => r.key === 'status-task-jdbc-customers-0')
      .map((r) => JSON.parse(r.value ?? 'null'));
    expect(statusValues.map((v) => [v.state, v.worker_id])).toContainEqual(['UNASSIGNED', owner]);
    expect(readModel(s).connect().connectors[0].tasks[0].state).toBe('UNASSIGNED');
    advance(s, 299_000);
    expect(readModel(s).connect().connectors[0].tasks[0].state).toBe('UNASSIGNED');
    advance(s, 1_000);
    const task = readModel(s).connect().connectors[0].tasks[0];
    expect(task.state).toBe('RUNNING');
    expect(task.workerId).not.toBe(owner);
  });

  it("a crashed worker's tasks keep their stale RUNNING status, wait out scheduled.rebalance.max.delay.ms (IncrementalCooperativeAssignor, KIP-415), then move", () => {
    const s = connectSim(2);
    customers(s, ['ann']);
    rest(s, 'POST', '/connectors', JDBC_SOURCE('incrementing', { 'tasks.max': '1' }));
    const owner = readModel(s).connect().connectors[0].tasks[0].workerId;
    must(s, { type: 'connectWorkerStop', worker: owner, crash: true });
    let task = readModel(s).connect().connectors[0].tasks[0];
    expect([task.state, task.workerId, task.workerDown]).toEqual(['RUNNING', owner, true]);
    advance(s, 10_000); // session.timeout.ms: the group notices, the assignor delays the lost task
    const view = readModel(s).connect();
    expect(view.scheduledRebalanceAt).toBe(s.state.now + 300_000 - 0);
    task = view.connectors[0].tasks[0];
    expect(task.workerId).toBe(owner);
    advance(s, 299_999);
    expect(readModel(s).connect().connectors[0].tasks[0].workerId).toBe(owner);
    advance(s, 1);
    task = readModel(s).connect().connectors[0].tasks[0];
    expect([task.state, task.workerDown]).toEqual(['RUNNING', false]);
    expect(task.workerId).not.toBe(owner);
  });

  it('a crashed worker that returns within the delay gets its lost tasks back (IncrementalCooperativeAssignor#handleLostAssignments)', () => {
    const s = connectSim(2);
    customers(s, ['ann']);
    rest(s, 'POST', '/connectors', JDBC_SOURCE('incrementing', { 'tasks.max': '1' }));
    const owner = readModel(s).connect().connectors[0].tasks[0].workerId;
    must(s, { type: 'connectWorkerStop', worker: owner, crash: true });
    advance(s, 60_000);
    must(s, { type: 'connectWorkerStart', worker: owner });
    advance(s, 300_000);
    const task = readModel(s).connect().connectors[0].tasks[0];
    expect([task.state, task.workerId, task.workerDown]).toEqual(['RUNNING', owner, false]);
  });

  it('is deterministic: replaying the command log rebuilds the same state', () => {
    const s = connectSim(2);
    customers(s, ['ann', 'bob']);
    rest(s, 'POST', '/connectors', JDBC_SOURCE('incrementing', { 'tasks.max': '2' }));
    advance(s, 20_000);
    must(s, { type: 'connectWorkerStop', worker: 'connect-2:8083', crash: true });
    advance(s, 400_000);
    const again = Simulation.replay(s.init, s.log);
    expect(JSON.stringify(again.state)).toBe(JSON.stringify(s.state));
  });
});
