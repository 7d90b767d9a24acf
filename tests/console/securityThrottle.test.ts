// Quotas on the virtual clock: a throttled client waits throttle_time_ms before its next request (the broker
// mutes the channel; KIP-219 clients also back off), its throttle-time metrics show it, and every producer and
// consumer path counts its bytes.
import { describe, expect, it } from 'vitest';
import { runConsoleLines } from '@/kafka-cli';
import { readModel, type Simulation } from '@/simulator';
import { collectMBeans } from '@/simulator/metrics/sampler';
import { ADMIN, secured } from './securityConsole.testkit';

function run(sim: Simulation, lines: string | string[]) {
  const r = runConsoleLines(sim, lines);
  return r[r.length - 1];
}

function alice(sim: Simulation, quota: string): void {
  for (const line of [
    `kafka-acls.sh ${ADMIN} --add --allow-principal User:alice --producer --consumer --topic orders --group billing`,
    `kafka-configs.sh ${ADMIN} --alter --add-config ${quota} --entity-type users --entity-name alice`,
  ])
    expect(run(sim, line).exitCode).toBe(0);
}

const LINES = Array.from({ length: 30 }, (_, i) => `record-${String(i).padStart(2, '0')}-${'z'.repeat(40)}`);

/** 30 records of about 50 bytes each after the seed record, written by the admin (no quota). */
function fill(sim: Simulation): void {
  run(sim, [
    `kafka-console-producer.sh ${ADMIN.replace('--command-config', '--producer.config')} --topic orders <<EOF`,
    ...LINES,
    'EOF',
  ]);
}

const attr = (sim: Simulation, kind: 'producer' | 'consumer', name: string, attribute: string) => {
  const rec = sim.state.areas.monitoring.monitor?.recorder;
  if (!rec) throw new Error('monitoring is off');
  return collectMBeans(sim.state, rec, { kind, name })
    .flatMap((b) => b.attributes)
    .find((a) => a.name === attribute)?.value;
};

describe('throttling on the virtual clock (ClientQuotaManager, KIP-219)', () => {
  it('a throttled named producer waits throttle_time_ms of virtual time before its next send, and produce-throttle-time-max shows it (SenderMetricsRegistry)', () => {
    const sim = secured();
    alice(sim, 'producer_byte_rate=10');
    expect(run(sim, 'monitoring start').exitCode).toBe(0);
    expect(run(sim, 'producer create p --command-config alice.properties').exitCode).toBe(0);
    const first = run(sim, `producer send p orders ${'x'.repeat(200)}`);
    expect(first.exitCode).toBe(0);
    const throttle = readModel(sim).security().throttles.at(-1);
    expect(throttle?.clientId).toBe('p');
    const ms = throttle?.throttleTimeMs ?? 0;
    expect(ms).toBeGreaterThan(0);
    run(sim, 'producer flush p');
    expect(attr(sim, 'producer', 'p', 'produce-throttle-time-max')).toBe(ms);
    const before = readModel(sim).now();
    const muted = readModel(sim).security().clients.p?.mutedUntil ?? 0;
    expect(muted).toBeGreaterThan(before);
    const second = run(sim, 'producer send p orders y');
    expect(second.stderr).toContain(`p waits ${muted - before} ms of virtual time`);
    expect(readModel(sim).now()).toBeGreaterThanOrEqual(muted);
  });

  it('an unthrottled producer never waits, and its throttle-time average is 0', () => {
    const sim = secured();
    alice(sim, 'producer_byte_rate=1048576');
    run(sim, 'monitoring start');
    run(sim, 'producer create p --command-config alice.properties');
    run(sim, 'producer send p orders a');
    run(sim, 'producer flush p');
    const second = run(sim, 'producer send p orders b');
    expect(second.stderr).not.toContain('waits');
    run(sim, 'producer flush p');
    expect(attr(sim, 'producer', 'p', 'produce-throttle-time-avg')).toBe(0);
  });

  it('the console consumer in a group gets responses within the quota window; a throttled one carries no records and it waits before fetching them again (KafkaApis#handleFetchRequest, KIP-219)', () => {
    const sim = secured();
    alice(sim, 'consumer_byte_rate=100');
    fill(sim);
    const before = readModel(sim).now();
    const r = run(
      sim,
      'kafka-console-consumer.sh --bootstrap-server localhost:9092 --consumer.config alice.properties --topic orders --group billing --from-beginning',
    );
    // every record once, in order: a throttled response delivered nothing, so nothing is skipped or doubled
    expect(r.stdout.split('\n')).toEqual(['seed-record', ...LINES]);
    const fetches = readModel(sim)
      .security()
      .traffic.filter((t) => t.api === 'Fetch');
    expect(fetches[0]).toMatchObject({
      user: 'alice',
      clientId: 'console-consumer',
      quota: 100,
      entity: 'users/alice',
    });
    // ClientQuotaManager#getMaxValueInQuotaWindow: 100 B/s × (11 − 1) samples × 1 s caps each response
    expect(Math.max(...fetches.map((t) => t.bytes))).toBeLessThanOrEqual(1000);
    expect(fetches.some((t) => t.throttleTimeMs > 0)).toBe(true);
    const m =
      /(\d+) responses? carried throttle_time_ms; waited (\d+) ms of virtual time between fetches/.exec(
        r.stderr,
      );
    expect(m).not.toBeNull();
    expect(readModel(sim).now() - before).toBeGreaterThanOrEqual(Number(m?.[2]));
  });

  it("a named consumer's throttled poll returns no records and keeps its position; the records come with a later poll (KafkaApis#handleFetchRequest: getThrottledResponse)", () => {
    const sim = secured();
    alice(sim, 'consumer_byte_rate=100');
    fill(sim);
    run(
      sim,
      'consumer create c --group billing --topics orders --offset-reset earliest --command-config alice.properties',
    );
    run(sim, 'clock advance 5s');
    const delivered: string[] = [];
    let throttledPoll: { stdout: string; stderr: string } | null = null;
    let positionBefore: Record<string, number> = {};
    for (let i = 0; i < 20 && delivered.length < 31; i++) {
      positionBefore = { ...readModel(sim).consumer('c')?.positions };
      const p = run(sim, 'consumer poll c --max 500');
      if (p.stdout === '(no records)') {
        throttledPoll = p;
        expect(readModel(sim).consumer('c')?.positions).toEqual(positionBefore);
      } else delivered.push(...p.stdout.split('\n').map((l) => l.replace(/^.* value=/, '')));
    }
    expect(throttledPoll?.stderr).toMatch(
      /\(simulation\) the fetch response carried throttle_time_ms=\d+ and no records: c is over its consumer_byte_rate quota/,
    );
    expect(delivered).toEqual(['seed-record', ...LINES]);
  });

  it('the console consumer without a group waits out throttled responses too: every record printed once, the wait on the virtual clock and its note', () => {
    const sim = secured();
    alice(sim, 'consumer_byte_rate=100');
    fill(sim);
    const before = readModel(sim).now();
    const r = run(
      sim,
      'kafka-console-consumer.sh --bootstrap-server localhost:9092 --consumer.config alice.properties --topic orders --partition 0 --from-beginning',
    );
    expect(r.stdout.split('\n')).toEqual(['seed-record', ...LINES]);
    const waited = Number(/waited (\d+) ms/.exec(r.stderr)?.[1]);
    expect(waited).toBeGreaterThan(0);
    expect(readModel(sim).now() - before).toBe(waited);
  });

  it('a response larger than the quota window is throttled on every fetch: the simulated consumer stops and says why', () => {
    const sim = secured();
    alice(sim, 'consumer_byte_rate=5');
    fill(sim);
    const r = run(
      sim,
      'kafka-console-consumer.sh --bootstrap-server localhost:9092 --consumer.config alice.properties --topic orders --partition 0 --from-beginning',
    );
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('stopped after 20 throttled fetches in a row');
    expect(r.stderr).toContain('Processed a total of 0 messages');
  });

  it('the one-shot console producer sends batch.size requests and waits out a throttled response before the next (KIP-219), with its note', () => {
    const sim = secured();
    alice(sim, 'producer_byte_rate=100');
    const before = readModel(sim).now();
    const r = run(sim, [
      'kafka-console-producer.sh --bootstrap-server localhost:9092 --producer.config alice.properties --topic orders --batch-size 600 <<EOF',
      ...LINES,
      'EOF',
    ]);
    expect(r.exitCode).toBe(0);
    const produces = readModel(sim)
      .security()
      .traffic.filter((t) => t.api === 'Produce');
    expect(produces.length).toBeGreaterThan(1);
    expect(Math.max(...produces.map((t) => t.bytes))).toBeLessThanOrEqual(600);
    const waited = Number(/waited (\d+) ms of virtual time between produce requests/.exec(r.stderr)?.[1]);
    expect(waited).toBeGreaterThan(0);
    expect(readModel(sim).now() - before).toBeGreaterThanOrEqual(waited);
    expect(readModel(sim).partition('orders', 0)?.highWatermark).toBe(31);
  });

  it('the console producer counts the whole request (framing included), not only key and value bytes', () => {
    const sim = secured();
    alice(sim, 'producer_byte_rate=1000000');
    run(sim, [
      'kafka-console-producer.sh --bootstrap-server localhost:9092 --producer.config alice.properties --topic orders <<EOF',
      'abc',
      'EOF',
    ]);
    const t = readModel(sim).security().traffic.at(-1);
    // 100 bytes of request and batch framing + 8 bytes of record varints + 3 value bytes.
    expect(t).toMatchObject({ api: 'Produce', bytes: 111, user: 'alice', clientId: 'console-producer' });
  });

  it('no quota configured: nothing is recorded and nothing waits (quotasEnabled)', () => {
    const sim = secured();
    run(sim, `kafka-acls.sh ${ADMIN} --add --allow-principal User:alice --producer --topic orders`);
    run(sim, 'producer create p --command-config alice.properties');
    run(sim, `producer send p orders ${'x'.repeat(5000)}`);
    expect(run(sim, 'producer send p orders y').stderr).toBe('');
    expect(readModel(sim).security().traffic).toEqual([]);
  });
});

describe('the lesson worked example (security-tenants preset)', () => {
  it('tenant-b capped at 50 bytes/s sends 20 records of 46 bytes (1180 bytes counted): (118 − 50) / 50 × 10000 = 13600 ms (QuotaUtils#throttleTime)', async () => {
    const { Simulation } = await import('@/simulator');
    const preset = (await import('@/content/lessons/security/presets/security-tenants.json')).default;
    const sim = new Simulation({ brokers: 3, seed: 42 });
    runConsoleLines(sim, preset.setup);
    for (const a of preset.actions.slice(0, 2)) runConsoleLines(sim, a.command.split('\n'));
    expect(readModel(sim).security().traffic.at(-1)).toMatchObject({
      bytes: 1180,
      observedRate: 118,
      quota: 50,
      throttleTimeMs: 13600,
    });
  });
});
