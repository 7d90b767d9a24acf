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

  it('the console consumer in a group counts each fetch response against consumer_byte_rate and waits out the throttle between fetches', () => {
    const sim = secured();
    alice(sim, 'consumer_byte_rate=5');
    const lines = Array.from({ length: 30 }, (_, i) => `record-${i}-${'z'.repeat(40)}`);
    run(sim, [
      `kafka-console-producer.sh ${ADMIN.replace('--command-config', '--producer.config')} --topic orders <<EOF`,
      ...lines,
      'EOF',
    ]);
    const before = readModel(sim).now();
    const r = run(
      sim,
      'kafka-console-consumer.sh --bootstrap-server localhost:9092 --consumer.config alice.properties --topic orders --group billing --from-beginning --consumer-property max.poll.records=10',
    );
    expect(r.stdout.split('\n')).toHaveLength(31);
    const traffic = readModel(sim)
      .security()
      .traffic.filter((t) => t.api === 'Fetch');
    expect(traffic.length).toBeGreaterThan(0);
    expect(traffic[0]).toMatchObject({
      user: 'alice',
      clientId: 'console-consumer',
      quota: 5,
      entity: 'users/alice',
    });
    expect(r.stderr).toMatch(/throttled by consumer_byte_rate: waited \d+ ms of virtual time/);
    const waited = Number(/waited (\d+) ms/.exec(r.stderr)?.[1]);
    expect(readModel(sim).now() - before).toBeGreaterThanOrEqual(waited);
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
