// kubectl (Strimzi's manual rolling update), connect-mirror-maker.sh, mirror and region over the simulator.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { complete, consoleFor, runConsoleLines } from '@/kafka-cli';
import { evaluateGoal, readModel, Simulation } from '@/simulator';

const MM2 = [
  'cat > mm2.properties <<EOF',
  'clusters = east, west',
  'east->west.enabled = true',
  'east->west.topics = orders',
  'EOF',
];

describe('kubectl annotate … strimzi.io/manual-rolling-update (Strimzi)', () => {
  it('annotating the broker StrimziPodSet rolls the brokers one at a time; kubectl get pods shows it', () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    const r = runConsoleLines(sim, [
      'kafka-topics.sh --create --topic orders --partitions 3 --replication-factor 3 --config min.insync.replicas=2',
      'kubectl annotate strimzipodset my-cluster-broker strimzi.io/manual-rolling-update="true"',
      'clock advance 1s',
      'kubectl get pods',
    ]);
    expect(r[1].stdout).toBe('strimzipodset.core.strimzi.io/my-cluster-broker annotated');
    expect(r[1].stderr).toContain('my-cluster-broker-1 → my-cluster-broker-2 → my-cluster-broker-3');
    expect(r[3].stdout.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS$/);
    expect(r[3].stdout).toMatch(/my-cluster-broker-1\s+0\/1\s+Terminating/);
    expect(r[3].stdout).toMatch(/my-cluster-broker-2\s+1\/1\s+Running/);
    runConsoleLines(sim, ['clock advance 60s']);
    expect(sim.state.areas.production.roll?.status).toBe('completed');
  });

  it("unknown objects get the API server's NotFound", () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    const [a, b] = runConsoleLines(sim, [
      'kubectl annotate strimzipodset my-cluster-kafka strimzi.io/manual-rolling-update=true',
      'kubectl annotate pod my-cluster-broker-9 strimzi.io/manual-rolling-update=true',
    ]);
    expect(a.stderr).toBe(
      'Error from server (NotFound): strimzipodsets.core.strimzi.io "my-cluster-kafka" not found',
    );
    expect(b.stderr).toBe('Error from server (NotFound): pods "my-cluster-broker-9" not found');
    expect(a.exitCode).not.toBe(0);
  });
});

describe('connect-mirror-maker.sh, mirror and region', () => {
  it('mirrors orders into east.orders, checkpoints the group, and translates its offsets after region east is lost', () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    const r = runConsoleLines(sim, [
      'kafka-topics.sh --create --topic orders --partitions 1 --replication-factor 3',
      'kafka-console-producer.sh --topic orders <<EOF',
      'o1',
      'o2',
      'o3',
      'EOF',
      ...MM2,
      'connect-mirror-maker.sh mm2.properties',
      'clock advance 1s',
      'kafka-console-consumer.sh --topic orders --group orders-app --from-beginning --max-messages 2',
      'clock advance 60s',
      'mirror status',
      'region down east',
      'mirror translate --group orders-app --source east --execute',
      'kafka-console-consumer.sh --topic east.orders --group orders-app',
    ]);
    const by = (prefix: string) => r.find((x) => x.line.startsWith(prefix));
    expect(by('connect-mirror-maker.sh')?.stdout).toContain('orders → east.orders');
    expect(by('mirror status')?.stdout).toContain('east.orders-0');
    expect(by('region down')?.stdout).toContain('0 committed records were not mirrored yet');
    const tr = by('mirror translate');
    expect(tr?.exitCode).toBe(0);
    // The only offset sync is the first record's (0 ↔ 0): upstream 2 translates to one past it, 1.
    expect(tr?.stdout).toContain('Committed for group orders-app: east.orders-0=1.');
    // The failed-over group re-reads o2 and skips nothing.
    expect(r.at(-1)?.stdout).toBe('o2\no3');
  });

  it('bad MM2 properties, a missing file and an unknown region get clear errors', () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    const r = runConsoleLines(sim, [
      'connect-mirror-maker.sh',
      'connect-mirror-maker.sh nope.properties',
      'cat > bad.properties <<EOF',
      'clusters = east, west',
      'east->north.enabled = true',
      'EOF',
      'connect-mirror-maker.sh bad.properties',
      'region down mars',
    ]);
    expect(r[0].stderr).toContain('connect-mirror-maker: error: too few arguments');
    expect(r[1].stderr).toContain('nope.properties: No such file');
    expect(r[3].stderr).toBe(
      "org.apache.kafka.common.config.ConfigException: Unknown cluster alias 'north' in east->north.enabled: clusters = east, west",
    );
    expect(r[4].stderr).toContain("Unknown region 'mars'");
  });

  it('the console is replayable and tab completion offers the verbs', () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    runConsoleLines(sim, [
      'kafka-topics.sh --create --topic orders --partitions 2 --replication-factor 3',
      ...MM2,
      'connect-mirror-maker.sh mm2.properties',
      'kubectl annotate pod my-cluster-broker-2 strimzi.io/manual-rolling-update=true',
      'clock advance 30s',
    ]);
    expect(Simulation.replay(sim.init, sim.log).serialize()).toBe(sim.serialize());
    const session = consoleFor(sim);
    expect(complete(session, 'kubectl ').candidates).toEqual(['annotate', 'get']);
    expect(complete(session, 'mirror ').candidates).toEqual(['metrics', 'status', 'translate']);
  });
});

describe('the disaster-recovery drill (content/lessons/production)', () => {
  const drill = JSON.parse(
    readFileSync(join(process.cwd(), 'content/lessons/production/presets/production-dr-drill.json'), 'utf8'),
  ) as { setup: string[] };
  const goal = {
    description: 'failover',
    conditions: [{ kind: 'mirrorFailover', group: 'orders-app', region: 'east', maxRereads: 100 }],
  };
  const evaluateAfter = (lines: string[]) => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    runConsoleLines(sim, drill.setup);
    runConsoleLines(sim, lines);
    return evaluateGoal(readModel(sim), goal);
  };
  const consume = ['consumer poll w', 'clock advance 5s', 'consumer poll w', 'consumer commit w'];

  it('resuming at the translated offset passes: 27 re-reads (203–229), nothing skipped', () => {
    const r = evaluateAfter([
      'mirror translate --group orders-app --source east --execute',
      'consumer create w --group orders-app --topics east.orders',
      ...consume,
    ]);
    expect(r.met).toBe(true);
  });

  it('auto.offset.reset=latest skips the mirrored orders 230–239: not met', () => {
    const r = evaluateAfter([
      'consumer create w --group orders-app --topics east.orders --offset-reset latest',
      ...consume,
    ]);
    expect(r.met).toBe(false);
  });

  it('auto.offset.reset=earliest re-reads all 230 processed orders, more than offset.lag.max: not met', () => {
    const r = evaluateAfter([
      'consumer create w --group orders-app --topics east.orders --offset-reset earliest',
      ...consume,
    ]);
    expect(r.details[0].detail).toContain('re-read 230 records');
  });
});
