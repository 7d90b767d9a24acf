// Every challenge solved the way a learner at work would: only the real tools' syntax (kafka-*.sh, kcat, curl,
// rabbitmqadmin, cat > file), plus what happens to a cluster without any client doing it (time passing, a broker
// stopping). The goal must pass, judged on the cluster's state whichever tool made it. Challenges the real tools
// cannot solve in this simulation are listed with the reason, and the list is checked to be exact.
import { beforeAll, describe, expect, it } from 'vitest';
import { consoleFor, runConsoleLines } from '@/kafka-cli';
import { challenges, type Preset, preset } from '@/lib/content.server';
import { evaluateGoal } from '@/simulator/goals';
import { loadSqlite, readModel, Simulation, schemaRegistry } from '@/simulator/index';

beforeAll(async () => {
  await Promise.all([schemaRegistry.loadSchemaFormats(), loadSqlite()]);
});

const BOOTSTRAP = '--bootstrap-server localhost:9092';

/** A real tool, or a file written with cat (the first line of a console block). */
const REAL_TOOL =
  /^(?:(?:kafka-[a-z-]+\.sh|kcat|curl|rabbitmqadmin|rabbitmqctl|connect-[a-z-]+\.sh|promtool|kubectl|sqlite3)\b|cat > )/;
/** What happens to a cluster with no client doing it: time passes, a broker or a region goes down or comes back. */
const ENVIRONMENT =
  /^(clock advance|broker (stop|start|isolate|heal)|region (down|up)|security configure|monitoring start)\b/;

/** Challenges whose reference solution uses the simulator's own client commands, solved with the real tools. */
const REAL_CLI: Record<string, string[]> = {
  'basics-second-team': [
    `kafka-console-consumer.sh ${BOOTSTRAP} --topic orders --group fraud-check --from-beginning`,
  ],
  'compare-audit': [
    `kafka-console-consumer.sh ${BOOTSTRAP} --topic orders --group audit --from-beginning`,
    'rabbitmqadmin declare exchange --name order-events --type fanout',
    'rabbitmqadmin declare queue --name audit --type quorum',
    'rabbitmqadmin declare binding --source order-events --destination-type queue --destination orders --routing-key ""',
    'rabbitmqadmin declare binding --source order-events --destination-type queue --destination audit --routing-key ""',
    'rabbitmqadmin publish message --exchange order-events --payload order-7',
    'rabbitmqadmin publish message --exchange order-events --payload order-8',
  ],
  'consumers-zero-lag': [
    `kafka-consumer-groups.sh ${BOOTSTRAP} --group ledger --reset-offsets --to-earliest --topic payments --execute`,
    `kafka-console-consumer.sh ${BOOTSTRAP} --topic payments --group ledger`,
  ],
  'mm-headers': [
    `kafka-console-producer.sh ${BOOTSTRAP} --topic events --property parse.key=true --property key.separator=: --property parse.headers=true <<EOF`,
    'source:mobile\tuser-42:login',
    'EOF',
  ],
  'monitoring-lag-to-zero': [
    // The stuck instance b1 is still a member: the group must be empty before its offsets can move, so wait for
    // max.poll.interval.ms (5 min) to expel it, then read the rest with the console consumer in the same group.
    'clock advance 6m',
    `kafka-console-consumer.sh ${BOOTSTRAP} --topic orders --group billing`,
    'clock advance 30s',
  ],
  'production-failover': [
    // The offset MirrorMaker 2 translated for orders-app (upstream 230 → 203 on west, in east.checkpoints.internal,
    // read with MirrorMaker's CheckpointFormatter on a real cluster) becomes the group's position on the mirrored
    // topic in the west cluster.
    `kafka-consumer-groups.sh --bootstrap-server west:9092 --group orders-app --reset-offsets --to-offset 203 --topic east.orders:0 --execute`,
    `kafka-console-consumer.sh --bootstrap-server west:9092 --topic east.orders --group orders-app`,
  ],
  'producers-fill-partition': [
    `kafka-console-producer.sh ${BOOTSTRAP} --topic orders --property parse.key=true --property key.separator=: <<EOF`,
    'user-1:order-a',
    'key1:order-b',
    'key2:order-c',
    'EOF',
  ],
  'reliability-unblock-auditors': [
    `kafka-transactions.sh ${BOOTSTRAP} find-hanging --broker-id 1`,
    `kafka-transactions.sh ${BOOTSTRAP} abort --topic payments --partition 0 --start-offset 0`,
    'clock advance 6m',
    `kafka-console-consumer.sh ${BOOTSTRAP} --topic payments --group audit --isolation-level read_committed`,
  ],
  'storage-forget-customer': [
    `kafka-console-producer.sh ${BOOTSTRAP} --topic customers --property parse.key=true --property key.separator=: --property null.marker=NULL <<EOF`,
    'customer-42:NULL',
    'EOF',
    'clock advance 61m',
    `kafka-console-producer.sh ${BOOTSTRAP} --topic customers --property parse.key=true --property key.separator=: <<EOF`,
    'customer-41:city=Nice',
    'EOF',
    'clock advance 1m',
    'clock advance 1d',
    `kafka-console-producer.sh ${BOOTSTRAP} --topic customers --property parse.key=true --property key.separator=: <<EOF`,
    'customer-43:city=Antwerp',
    'EOF',
    'clock advance 1m',
  ],
};

/** Challenges the real tools cannot solve here, and why (each is checked to fail without a simulator client). */
const STREAMS_APP =
  "A Kafka Streams application is Java code: no CLI tool runs a topology, and the simulator's `streams create` DSL stands in for the application.";
const NOT_FROM_THE_REAL_TOOLS: Record<string, string> = {
  'patterns-cdc-read-model': STREAMS_APP,
  'patterns-error-stream': STREAMS_APP,
  'patterns-fix-projection': STREAMS_APP,
  'patterns-second-read-model': STREAMS_APP,
  'streams-final-counts': STREAMS_APP,
  'streams-no-duplicates': STREAMS_APP,
  'producers-durable-payments':
    'The goal inspects the settings of a producer the application keeps open (producerConfig of "safe"); kafka-console-producer.sh is a short-lived producer that closes when its input ends.',
  'security-transactional-producer':
    'kafka-console-producer.sh has no transactional mode (ConsoleProducer never calls initTransactions), so a transactional write needs an application producer.',
  'topics-partitions-idle-consumers':
    "The four members are the application's long-running consumers: they rejoin only when they poll, and kafka-console-consumer.sh exits as soon as it has read what is there, so it cannot stand in for them.",
};

function start(p: Preset): Simulation {
  const sim = new Simulation({ brokers: p.brokers, seed: p.seed });
  const failed = runConsoleLines(sim, p.setup).filter((r) => r.exitCode !== 0);
  expect(failed.map((r) => `${r.line}: ${r.stderr || r.stdout}`)).toEqual([]);
  return sim;
}

/** The console blocks of `lines` that use neither a real tool nor the environment. */
function simulatorOnly(sim: Simulation, lines: readonly string[]): string[] {
  return consoleFor(sim)
    .splitBlocks(lines)
    .map((block) => block.split('\n')[0])
    .filter((head) => !REAL_TOOL.test(head) && !ENVIRONMENT.test(head));
}

describe('every challenge is solved with the real CLI tools (and time passing), judged on the cluster state', () => {
  it.each(challenges().map((c) => [c.id, c] as const))('%s', (id, c) => {
    const sim = start(preset(c.preset) as Preset);
    const reason = NOT_FROM_THE_REAL_TOOLS[id];
    if (reason !== undefined) {
      // Listed: its reference solution needs a simulator client command.
      expect(
        simulatorOnly(sim, c.solution),
        `${id}: listed, yet its reference uses only real tools`,
      ).not.toEqual([]);
      return;
    }
    const lines = REAL_CLI[id] ?? c.solution;
    expect(simulatorOnly(sim, lines), `${id}: lines that are not a real tool`).toEqual([]);
    const failed = runConsoleLines(sim, lines).filter((r) => r.exitCode !== 0);
    expect(
      failed.map((r) => `${r.line}: ${r.stderr || r.stdout}`),
      `${id}: lines that failed`,
    ).toEqual([]);
    const result = evaluateGoal(readModel(sim), c.goal);
    expect(
      result.details.filter((d) => !d.met).map((d) => `${d.kind}: ${d.detail}`),
      `${id}: unmet`,
    ).toEqual([]);
  });
});
