// The architecture-pattern challenges reject the tempting wrong answers: re-running the same fold, compacting the
// event history instead of fixing the projection, a CDC read model that copies Debezium's
// envelope instead of the after image, a second read model that counts by the order key, a topic-wide byte
// budget put into the per-partition retention.bytes, and an error stream that copies every line.
import { beforeAll, describe, expect, it } from 'vitest';
import { runConsoleLines } from '@/kafka-cli';
import { challenge, preset } from '@/lib/content.server';
import { evaluateGoal } from '@/simulator/goals';
import { loadSqlite, readModel, Simulation } from '@/simulator/index';

// the CDC challenge's database is SQLite (sql.js), loaded as its page loads it
beforeAll(() => loadSqlite());

function run(challengeId: string, lines: string[]) {
  const c = challenge(challengeId);
  const p = c ? preset(c.preset) : undefined;
  if (!c || !p) throw new Error(`no challenge ${challengeId}`);
  const sim = new Simulation({ brokers: p.brokers, seed: p.seed });
  runConsoleLines(sim, [...p.setup, ...lines]);
  return evaluateGoal(readModel(sim), c.goal);
}

describe('architecture-pattern challenges reject the tempting wrong answers', () => {
  it('patterns-fix-projection: replaying the same buggy fold under a new application id repeats the bug', () => {
    const r = run('patterns-fix-projection', [
      'streams stop balances',
      'streams create balances-again <<EOF',
      'stream account-events | groupByKey | aggregate "0", agg + value.amount as balance-store | toStream | to account-balances',
      'EOF',
      'streams start balances-again',
      'clock advance 31s',
    ]);
    expect(r.details[0].detail).toContain('130');
    expect(r.met).toBe(false);
  });

  it('patterns-fix-projection: switching account-events to cleanup.policy=compact leaves the balances wrong', () => {
    const r = run('patterns-fix-projection', [
      'kafka-configs.sh --bootstrap-server localhost:9092 --entity-type topics --entity-name account-events --alter --add-config cleanup.policy=compact',
      'clock advance 1m',
    ]);
    expect(r.details[0].met).toBe(false);
    expect(r.met).toBe(false);
  });

  it('patterns-cdc-read-model: copying the whole Debezium envelope is not the current row', () => {
    const r = run('patterns-cdc-read-model', [
      'streams create raw-copy <<EOF',
      'stream dbserver1.public.customers | to customers-view',
      'EOF',
      'streams start raw-copy',
      'clock advance 31s',
    ]);
    // The delete's own tombstone passes through, so only the rows' values are wrong.
    expect(r.details.map((d) => d.met)).toEqual([false, false, true]);
  });

  it('patterns-second-read-model: counting without re-keying counts per order id, not per item', () => {
    const r = run('patterns-second-read-model', [
      'streams create item-view <<EOF',
      'stream orders | groupByKey | count as per-item | toStream | to orders-per-item',
      'EOF',
      'streams start item-view',
      'clock advance 31s',
    ]);
    expect(r.details[0].detail).toContain('has no record with key book');
    expect(r.met).toBe(false);
  });

  it('patterns-log-budget: retention.bytes is per partition, so the whole 3 GiB budget is three times too much', () => {
    const r = run('patterns-log-budget', [
      'kafka-configs.sh --bootstrap-server localhost:9092 --entity-type topics --entity-name app-logs --alter --add-config retention.ms=7200000,retention.bytes=3221225472',
    ]);
    expect(r.details.map((d) => d.met)).toEqual([true, false]);
  });

  it('patterns-error-stream: copying app-logs without a filter puts every level in app-errors', () => {
    const r = run('patterns-error-stream', [
      'streams create copy-all <<EOF',
      'stream app-logs | to app-errors',
      'EOF',
      'streams start copy-all',
      'clock advance 2s',
    ]);
    expect(r.details.map((d) => d.met)).toEqual([true, false]);
  });
});
