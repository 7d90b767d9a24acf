// Every challenge is checked for real against the simulator: its start state (the preset's setup, run through
// the console) must NOT meet the goal, and start + reference solution MUST meet it.
import { beforeAll, describe, expect, it } from 'vitest';
import { runConsoleLines } from '@/kafka-cli';
import { challenge, challenges, type Preset, preset, presets } from '@/lib/content.server';
import { evaluateGoal, type Goal } from '@/simulator/goals';
import { loadSqlite, readModel, Simulation, schemaRegistry } from '@/simulator/index';

// As a page does before the first line (useSimController): the Schema Registry's parsers and SQLite load first.
beforeAll(async () => {
  await schemaRegistry.loadSchemaFormats();
  await loadSqlite();
});

function start(p: Preset): Simulation {
  const sim = new Simulation({ brokers: p.brokers, seed: p.seed });
  const failed = runConsoleLines(sim, p.setup).filter((r) => r.exitCode !== 0);
  expect(
    failed.map((r) => `${r.line}: ${r.stderr || r.stdout}`),
    `${p.id} setup`,
  ).toEqual([]);
  return sim;
}

const evaluate = (sim: Simulation, goal: Goal) => evaluateGoal(readModel(sim), goal);

describe('challenges: start does not meet the goal, start + solution does', () => {
  it.each(challenges().map((c) => [c.id, c] as const))('%s', (id, c) => {
    const startPreset = preset(c.preset);
    expect(startPreset, `${id}: preset ${c.preset}`).toBeDefined();
    const sim = start(startPreset as Preset);
    const before = evaluate(sim, c.goal);
    expect(before.met, `${id}: start state already meets the goal`).toBe(false);
    const failed = runConsoleLines(sim, c.solution).filter((r) => r.exitCode !== 0);
    expect(
      failed.map((r) => `${r.line}: ${r.stderr || r.stdout}`),
      `${id}: solution lines`,
    ).toEqual([]);
    const after = evaluate(sim, c.goal);
    expect(
      after.details.filter((d) => !d.met).map((d) => `${d.kind}: ${d.detail}`),
      `${id}: unmet after the solution`,
    ).toEqual([]);
    expect(after.met).toBe(true);
  });
});

// A one-click action may end in a Kafka error on purpose (NOT_ENOUGH_REPLICAS, a fenced producer...), so actions
// are checked for being commands the console knows, with flags it accepts; setup lines must all succeed.
const NOT_UNDERSTOOD = [
  /command not found/,
  /is not a recognized option/,
  /requires an argument/,
  /Cannot parse argument/,
  /does not take an argument/,
];

describe('presets: setup succeeds and every one-click action is a command the console understands', () => {
  it.each(presets().map((p) => [p.id, p] as const))('%s', (id, p) => {
    const sim = start(p);
    const misunderstood = runConsoleLines(
      sim,
      p.actions.map((a) => a.command),
    ).filter((r) => r.exitCode === 127 || NOT_UNDERSTOOD.some((re) => re.test(r.stderr)));
    expect(
      misunderstood.map((r) => `${r.line}: ${r.stderr.trim()}`),
      `${id} actions`,
    ).toEqual([]);
  });
});

describe('challenge goals reject the tempting wrong answers', () => {
  const run = (challengeId: string, lines: string[]) => {
    const c = challenge(challengeId)!;
    const sim = start(preset(c.preset)!);
    runConsoleLines(sim, lines);
    return evaluate(sim, c.goal);
  };

  it('basics-second-team: a new group at auto.offset.reset=latest (the default) commits the end unread', () => {
    const r = run('basics-second-team', [
      'consumer create fraud-1 --group fraud-check --topics orders',
      'clock advance 3s',
      'consumer poll fraud-1',
      'consumer commit fraud-1',
    ]);
    expect(r.details.find((d) => d.kind === 'groupLag' && d.detail.includes('fraud-check'))?.met).toBe(true);
    expect(r.details.find((d) => d.kind === 'groupRecordsReceived')?.met).toBe(false);
    expect(r.met).toBe(false);
  });

  it('producers-fill-partition: forcing records with --partition 2 breaks murmur2 key routing', () => {
    const r = run('producers-fill-partition', [
      'producer send app orders --key foobar --partition 2 a',
      'producer send app orders --key alice --partition 2 b',
      'producer send app orders --key bob --partition 2 c',
      'producer flush app',
    ]);
    expect(r.details.find((d) => d.kind === 'keysRoutedByHash')?.met).toBe(false);
    expect(r.met).toBe(false);
  });

  it('core-survive-broker-loss: stopping broker 2 without waiting for fencing leaves a leader on a dead broker', () => {
    const r = run('core-survive-broker-loss', [
      'kafka-topics.sh --bootstrap-server localhost:9092 --delete --topic payments',
      'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic payments --partitions 3 --replication-factor 3',
      'broker stop 2',
    ]);
    expect(r.details.find((d) => d.kind === 'partitionsOnline')?.met).toBe(false);
  });
  it('streams-final-counts: without suppress every intermediate count of the window reaches the output', () => {
    const r = run('streams-final-counts', [
      'streams create eager <<EOF',
      'stream clicks | groupByKey | windowedBy tumbling 5s grace 1s | count | toStream | to final-counts',
      'EOF',
      'streams start eager',
      'clock advance 1s',
    ]);
    expect(r.details.find((d) => d.kind === 'keyLatestValue')?.met).toBe(true);
    expect(r.details.find((d) => d.kind === 'keyRecordCount')?.met).toBe(false);
    expect(r.met).toBe(false);
  });

  it('streams-no-duplicates: the same crash under at_least_once shows u1 counted twice (processing.guarantee)', () => {
    const r = run('streams-no-duplicates', [
      'streams create click-counter <<EOF',
      'stream clicks | groupByKey | count | toStream | to exact-totals',
      'EOF',
      'streams start click-counter --instance a',
      'clock advance 1s',
      'streams crash click-counter --instance a',
      'streams start click-counter --instance b',
      'clock advance 50s',
    ]);
    expect(r.details.find((d) => d.kind === 'keyRecordCount')?.detail).toContain('gets 6 record(s)');
    expect(r.met).toBe(false);
  });
  it('schemas-add-currency: switching the subject to NONE lets the field in but fails the goal', () => {
    const noDefault = JSON.stringify({
      schema: JSON.stringify({
        type: 'record',
        name: 'Order',
        namespace: 'shop',
        fields: [
          { name: 'id', type: 'string' },
          { name: 'amount', type: 'int' },
          { name: 'currency', type: 'string' },
        ],
      }),
    });
    const r = run('schemas-add-currency', [
      `curl -s -X PUT -H 'Content-Type: application/vnd.schemaregistry.v1+json' --data '{"compatibility":"NONE"}' http://localhost:8081/config/orders-value`,
      `curl -s -X POST -H 'Content-Type: application/vnd.schemaregistry.v1+json' --data '${noDefault}' http://localhost:8081/subjects/orders-value/versions`,
    ]);
    expect(r.details[0].detail).toContain('compatibility is NONE (want BACKWARD)');
    expect(r.met).toBe(false);
  });

  it('schemas-transitive: under plain BACKWARD the planned v3 is accepted, which the goal refuses', () => {
    const v3 = JSON.stringify({
      schema: JSON.stringify({
        type: 'record',
        name: 'Payment',
        namespace: 'shop',
        fields: [
          { name: 'id', type: 'string' },
          { name: 'amount', type: 'string', default: '0' },
        ],
      }),
    });
    const r = run('schemas-transitive', [
      `curl -s -X POST -H 'Content-Type: application/vnd.schemaregistry.v1+json' --data '${v3}' http://localhost:8081/subjects/payments-value/versions`,
      `curl -s -X PUT -H 'Content-Type: application/vnd.schemaregistry.v1+json' --data '{"compatibility":"BACKWARD_TRANSITIVE"}' http://localhost:8081/config/payments-value`,
    ]);
    expect(r.details[0].detail).toContain('3 live versions');
    expect(r.met).toBe(false);
  });
});

// A goal judges the cluster's state, whichever tool made it: what Kafka's own tools do at work must pass too.
describe('challenges: an equivalent made with the real CLI tools meets the goal', () => {
  const CLI: Array<[string, string, string[]]> = [
    [
      'basics-second-team',
      'kafka-console-consumer --group --from-beginning joins fraud-check, reads all 5 and auto-commits on close',
      [
        'kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic orders --group fraud-check --from-beginning',
      ],
    ],
    [
      'consumers-zero-lag',
      'kafka-console-consumer --group ledger resumes at the committed offsets and reads the 18 newer payments',
      ['kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic payments --group ledger'],
    ],
    [
      'consumers-zero-lag',
      'reset to earliest, then a full read with kafka-console-consumer --group ledger',
      [
        'kafka-consumer-groups.sh --bootstrap-server localhost:9092 --group ledger --reset-offsets --to-earliest --topic payments --execute',
        'kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic payments --group ledger',
      ],
    ],
    [
      'producers-fill-partition',
      'kafka-console-producer with parse.key routes keys with murmur2 like the Java producer',
      [
        'kafka-console-producer.sh --bootstrap-server localhost:9092 --topic orders --property parse.key=true --property key.separator=: <<EOF',
        'user-1:order-a',
        'key1:order-b',
        'key2:order-c',
        'EOF',
      ],
    ],
    [
      'mm-headers',
      'kafka-console-producer with parse.headers sends the header',
      [
        'kafka-console-producer.sh --bootstrap-server localhost:9092 --topic events --property parse.key=true --property parse.headers=true <<EOF',
        'source:mobile\tuser-42\tlogin',
        'EOF',
      ],
    ],
    [
      'mm-headers',
      'kcat -P with -k and -H sends the header',
      ['kcat -b localhost:9092 -t events -P -k user-42 -H source=mobile <<EOF', 'login', 'EOF'],
    ],
    [
      'storage-forget-customer',
      'kafka-console-producer with null.marker writes the tombstone; the cleaner removes it after delete.retention.ms',
      [
        'kafka-console-producer.sh --bootstrap-server localhost:9092 --topic customers --property parse.key=true --property key.separator=: --property null.marker=NULL <<EOF',
        'customer-42:NULL',
        'EOF',
        'clock advance 61m',
        'kafka-console-producer.sh --bootstrap-server localhost:9092 --topic customers --property parse.key=true --property key.separator=: <<EOF',
        'customer-41:city=Nice',
        'EOF',
        'clock advance 1m',
        'clock advance 1d',
        'kafka-console-producer.sh --bootstrap-server localhost:9092 --topic customers --property parse.key=true --property key.separator=: <<EOF',
        'customer-43:city=Antwerp',
        'EOF',
        'clock advance 1m',
      ],
    ],
  ];
  it.each(CLI)('%s: %s', (id, _what, lines) => {
    const c = challenge(id)!;
    const sim = start(preset(c.preset)!);
    const failed = runConsoleLines(sim, lines).filter((r) => r.exitCode !== 0);
    expect(failed.map((r) => `${r.line}: ${r.stderr || r.stdout}`)).toEqual([]);
    const after = evaluate(sim, c.goal);
    expect(after.details.filter((d) => !d.met).map((d) => `${d.kind}: ${d.detail}`)).toEqual([]);
  });

  it('consumers-zero-lag: reset --to-latest makes lag 0 but delivers nothing, so the goal stays unmet', () => {
    const c = challenge('consumers-zero-lag')!;
    const sim = start(preset(c.preset)!);
    runConsoleLines(sim, [
      'kafka-consumer-groups.sh --bootstrap-server localhost:9092 --group ledger --reset-offsets --to-latest --topic payments --execute',
      'kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic payments --group ledger',
    ]);
    const after = evaluate(sim, c.goal);
    expect(after.details.find((d) => d.kind === 'groupLag')?.met).toBe(true);
    expect(after.details.find((d) => d.kind === 'groupRecordsReceived')?.detail).toContain('received 12 ');
  });
});
