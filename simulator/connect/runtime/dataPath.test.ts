import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readModel } from '../../read/index';
import { must } from '../../testing/sim.testkit';
import {
  advance,
  connectSim,
  customers,
  JDBC_SOURCE,
  rest,
  sql,
  topicRecords,
  valuesOf,
  withSqlite,
} from './connect.testkit';

beforeAll(withSqlite);

describe('JDBC source task (JdbcSourceTask, TimestampIncrementingCriteria)', () => {
  it('incrementing mode: new rows reach topic.prefix+table; an UPDATE and a DELETE are never seen', () => {
    const s = connectSim();
    customers(s, ['ann', 'bob']);
    rest(s, 'POST', '/connectors', JDBC_SOURCE('incrementing'));
    advance(s, 100);
    expect(valuesOf(s, 'shop-customers').map((v) => v.name)).toEqual(['ann', 'bob']);
    sql(s, "UPDATE customers SET email = 'ann@new.example' WHERE id = 1");
    sql(s, 'DELETE FROM customers WHERE id = 2');
    sql(s, "INSERT INTO customers (name) VALUES ('cy')");
    advance(s, 5_000); // poll.interval.ms
    expect(valuesOf(s, 'shop-customers').map((v) => v.name)).toEqual(['ann', 'bob', 'cy']);
    const polled = s.events.filter((e) => e.type === 'connectSourcePolled').map((e) => e.reason);
    expect(polled.at(-1)).toContain(
      'SELECT * FROM "customers" WHERE "customers"."id" > 2 ORDER BY "customers"."id" ASC',
    );
  });

  it('timestamp+incrementing mode sees the UPDATE (a newer updated_at) but still not the DELETE', () => {
    const s = connectSim();
    customers(s, ['ann', 'bob']);
    advance(s, 10);
    rest(s, 'POST', '/connectors', JDBC_SOURCE('timestamp+incrementing'));
    advance(s, 100);
    sql(s, "UPDATE customers SET email = 'ann@new.example' WHERE id = 1");
    sql(s, 'DELETE FROM customers WHERE id = 2');
    advance(s, 5_000);
    expect(valuesOf(s, 'shop-customers').map((v) => `${v.name}:${v.email}`)).toEqual([
      'ann:ann@example.com',
      'bob:bob@example.com',
      'ann:ann@new.example',
    ]);
  });

  it('JsonConverter with schemas.enable=true (the worker default) wraps each row in {"schema","payload"}', () => {
    const s = connectSim();
    customers(s, ['ann']);
    rest(s, 'POST', '/connectors', JDBC_SOURCE('incrementing', { 'value.converter.schemas.enable': 'true' }));
    advance(s, 100);
    const [v] = valuesOf(s, 'shop-customers');
    expect(Object.keys(v)).toEqual(['schema', 'payload']);
    expect(v.payload.name).toBe('ann');
    expect(v.schema).toMatchObject({ type: 'struct', name: 'customers' });
  });

  it('offsets are flushed to connect-offsets every offset.flush.interval.ms with key ["<connector>",{"protocol":"1","table":…}] (OffsetProtocols V1)', () => {
    const s = connectSim(2, 10_000);
    customers(s, ['ann', 'bob']);
    rest(s, 'POST', '/connectors', JDBC_SOURCE('incrementing'));
    advance(s, 10_100);
    const offsets = topicRecords(s, 'connect-offsets');
    expect(offsets.map((r) => [r.key, r.value])).toEqual([
      ['["jdbc-customers",{"protocol":"1","table":"customers"}]', '{"incrementing":2}'],
    ]);
  });

  it('a restarted task resumes from the committed offset: a clean restart re-sends nothing', () => {
    const s = connectSim(2, 10_000);
    customers(s, ['ann', 'bob']);
    rest(s, 'POST', '/connectors', JDBC_SOURCE('incrementing'));
    advance(s, 100);
    rest(s, 'POST', '/connectors/jdbc-customers/restart?includeTasks=true');
    advance(s, 6_000);
    expect(valuesOf(s, 'shop-customers').map((v) => v.name)).toEqual(['ann', 'bob']);
  });

  it('a crash before the flush re-sends the rows after the last committed offset: at-least-once (exactly.once.source.support=disabled)', () => {
    const s = connectSim(2, 60_000);
    customers(s, ['ann', 'bob']);
    rest(s, 'POST', '/connectors', JDBC_SOURCE('incrementing'));
    advance(s, 100);
    const owner = readModel(s).connect().connectors[0].tasks[0].workerId;
    must(s, { type: 'connectWorkerStop', worker: owner, crash: true });
    advance(s, 320_000);
    expect(valuesOf(s, 'shop-customers').map((v) => v.name)).toEqual(['ann', 'bob', 'ann', 'bob']);
  });

  it('property: across random worker crashes and restarts no committed row is lost (duplicates allowed: at-least-once)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            op: fc.constantFrom('insert', 'crash', 'stop', 'start', 'wait'),
            worker: fc.constantFrom('connect-1:8083', 'connect-2:8083', 'connect-3:8083'),
            ms: fc.integer({ min: 1, max: 120_000 }),
          }),
          { maxLength: 25 },
        ),
        (steps) => {
          const s = connectSim(3, 10_000);
          customers(s, ['r0']);
          rest(s, 'POST', '/connectors', JDBC_SOURCE('incrementing'));
          let n = 1;
          for (const st of steps) {
            if (st.op === 'insert') sql(s, `INSERT INTO customers (name) VALUES ('r${n++}')`);
            else if (st.op === 'crash')
              s.dispatch({ type: 'connectWorkerStop', worker: st.worker, crash: true });
            else if (st.op === 'stop') s.dispatch({ type: 'connectWorkerStop', worker: st.worker });
            else if (st.op === 'start') s.dispatch({ type: 'connectWorkerStart', worker: st.worker });
            else advance(s, st.ms);
          }
          for (const w of ['connect-1:8083', 'connect-2:8083', 'connect-3:8083'])
            s.dispatch({ type: 'connectWorkerStart', worker: w });
          advance(s, 700_000);
          const seen = new Set(valuesOf(s, 'shop-customers').map((v) => v.name));
          for (let i = 0; i < n; i++) expect(seen.has(`r${i}`)).toBe(true);
        },
      ),
      { seed: 42, numRuns: 40 },
    );
  });
});
