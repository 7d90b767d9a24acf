// Kafka Connect's worker scripts and the simulation's worker command:
//   connect-distributed.sh config/connect-distributed.properties   (one more worker joins the group)
//   connect-standalone.sh config/connect-standalone.properties [connector.properties ...]
//   connect worker stop ID [--crash] | connect worker start ID | connect status
// A properties file is a scratch file written with `cat > FILE <<EOF`, or Kafka's sample file of that name.
import { Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';
import { connectWorkerGate } from './connectWorkerGate';

/** Kafka's shipped config/connect-distributed.properties and config/connect-standalone.properties (data keys only). */
const SAMPLES: Record<string, string> = {
  'config/connect-distributed.properties': [
    'bootstrap.servers=localhost:9092',
    'group.id=connect-cluster',
    'key.converter=org.apache.kafka.connect.json.JsonConverter',
    'value.converter=org.apache.kafka.connect.json.JsonConverter',
    'key.converter.schemas.enable=true',
    'value.converter.schemas.enable=true',
    'offset.storage.topic=connect-offsets',
    'offset.storage.replication.factor=1',
    'config.storage.topic=connect-configs',
    'config.storage.replication.factor=1',
    'status.storage.topic=connect-status',
    'status.storage.replication.factor=1',
    'offset.flush.interval.ms=10000',
  ].join('\n'),
  'config/connect-standalone.properties': [
    'bootstrap.servers=localhost:9092',
    'key.converter=org.apache.kafka.connect.json.JsonConverter',
    'value.converter=org.apache.kafka.connect.json.JsonConverter',
    'offset.storage.file.filename=/tmp/connect.offsets',
    'offset.flush.interval.ms=10000',
  ].join('\n'),
};

/** java.util.Properties#load, the subset these files use: `key=value` / `key: value`, `#` and `!` comments. */
export function parseProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const m = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

function readProps(ctx: ToolContext, path: string): Record<string, string> | null {
  const text = ctx.read.file(path) ?? SAMPLES[path] ?? null;
  return text === null ? null : parseProperties(text);
}

const log = (worker: string, text: string) =>
  `[${worker}] INFO ${text} (org.apache.kafka.connect.runtime.Connect)`;

function startDistributed(args: string[], ctx: ToolContext) {
  const out = new Output();
  if (args.length !== 1)
    return out.fail('USAGE: connect-distributed.sh [-daemon] connect-distributed.properties').result();
  const props = readProps(ctx, args[0]);
  if (props === null) return out.fail(`java.nio.file.NoSuchFileException: ${args[0]}`).result();
  const missing = ['group.id', 'config.storage.topic', 'offset.storage.topic', 'status.storage.topic'].filter(
    (k) => !(k in props),
  );
  if (missing.length > 0)
    return out
      .fail(
        `org.apache.kafka.common.config.ConfigException: Missing required configuration "${missing[0]}" which has no default value.`,
      )
      .result();
  const view = ctx.read.connect();
  if (view.mode === 'standalone')
    return out.fail('A standalone worker is running: this lesson runs one mode at a time').result();
  if (view.groupId !== props['group.id'] && view.mode !== null)
    return out.fail(`This simulation runs one worker group (${view.groupId})`).result();
  const worker = `connect-${view.workers.length + 1}:8083`;
  const down = view.workers.find((w) => w.state !== 'running');
  const id = down ? down.id : worker;
  out.line(log(id, 'Kafka Connect starting'));
  // The worker's own clients authenticate with its top-level security settings and are authorized.
  const refused = connectWorkerGate(ctx, {
    id,
    clientId: `connect-${id.split(':')[0].replace(/^connect-/, '')}`,
    file: ctx.read.file(args[0]) === null ? null : args[0],
    props,
  });
  if (refused !== null) {
    for (const l of refused) out.fail(l);
    return out.result();
  }
  const r =
    view.mode === null
      ? ctx.port.connect({
          type: 'connectStart',
          mode: 'distributed',
          workers: 1,
          groupId: props['group.id'],
          ...(props['offset.flush.interval.ms']
            ? { offsetFlushIntervalMs: Number(props['offset.flush.interval.ms']) }
            : {}),
          ...(props['scheduled.rebalance.max.delay.ms']
            ? { maxDelayMs: Number(props['scheduled.rebalance.max.delay.ms']) }
            : {}),
          internalReplicationFactor: Number(props['config.storage.replication.factor'] ?? '3'),
        })
      : ctx.port.connect({ type: 'connectWorkerStart', worker: id });
  if (!r.ok) return out.fail(r.error.message).result();
  out.line(log(id, 'Kafka Connect started'));
  out.line(`Worker ${id} joined group ${props['group.id']}; REST API on http://localhost:8083`);
  return out.result();
}

function startStandalone(args: string[], ctx: ToolContext) {
  const out = new Output();
  if (args.length < 1)
    return out
      .fail('Usage: ConnectStandalone worker.properties [connector1.properties connector2.json ...]')
      .result();
  const props = readProps(ctx, args[0]);
  if (props === null) return out.fail(`java.nio.file.NoSuchFileException: ${args[0]}`).result();
  if (ctx.read.connect().mode !== null) return out.fail('A Connect worker is already running').result();
  const r = ctx.port.connect({
    type: 'connectStart',
    mode: 'standalone',
    ...(props['offset.flush.interval.ms']
      ? { offsetFlushIntervalMs: Number(props['offset.flush.interval.ms']) }
      : {}),
  });
  if (!r.ok) return out.fail(r.error.message).result();
  out.line(log('connect-1:8083', 'Kafka Connect started'));
  for (const file of args.slice(1)) {
    const text = ctx.read.file(file);
    if (text === null) return out.fail(`java.nio.file.NoSuchFileException: ${file}`).result();
    const config = file.endsWith('.json') ? (JSON.parse(text) as { name: string; config: object }) : null;
    const connector = config ?? { name: parseProperties(text).name, config: parseProperties(text) };
    const created = ctx.port.connect({
      type: 'connectRest',
      request: {
        method: 'POST',
        path: '/connectors',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(connector),
      },
    });
    if (!created.ok) return out.fail(created.error.message).result();
    if (created.data.status >= 300)
      return out
        .fail(`ERROR Failed to create connector for ${file}: ${JSON.stringify(created.data.body)}`)
        .result();
    out.line(`Created connector ${connector.name}`);
  }
  return out.result();
}

function runConnect(args: string[], ctx: ToolContext) {
  const out = new Output();
  const [what, verb, id, ...rest] = args;
  if (what === 'status') {
    const v = ctx.read.connect();
    if (v.mode === null)
      return out.line('No Connect worker is running (start one with connect-distributed.sh).').result();
    out.line(`${v.mode} mode, group ${v.groupId}, generation ${v.generation}`);
    for (const w of v.workers)
      out.line(
        `  ${w.id}  ${w.state}${w.member ? '' : ' (not in group)'}  tasks: ${w.tasks.join(', ') || '-'}`,
      );
    if (v.scheduledRebalanceAt !== null) out.line(`  scheduled rebalance at t=${v.scheduledRebalanceAt} ms`);
    return out.result();
  }
  if (what !== 'worker' || !['stop', 'start'].includes(verb ?? ''))
    return out
      .fail('Usage: connect worker stop ID [--crash] | connect worker start ID | connect status')
      .result();
  if (!id) return out.fail(`connect worker ${verb}: missing worker id (e.g. connect-1:8083)`).result();
  const crash = rest.includes('--crash');
  const r =
    verb === 'stop'
      ? ctx.port.connect({ type: 'connectWorkerStop', worker: id, crash })
      : ctx.port.connect({ type: 'connectWorkerStart', worker: id });
  if (!r.ok) return out.fail(r.error.message).result();
  if (verb === 'start') return out.line(`Worker ${id} started and joined the group.`).result();
  return out
    .line(
      crash
        ? `Worker ${id} crashed (no shutdown, nothing written).`
        : `[${id}] INFO Kafka Connect stopped (org.apache.kafka.connect.runtime.Connect)`,
    )
    .result();
}

export const connectDistributedTool: ToolDef = {
  name: 'connect-distributed.sh',
  aliases: ['connect-distributed'],
  helpGroup: 'other',
  summary: 'Start a Kafka Connect worker in distributed mode (each run adds one worker to the group).',
  usage: 'connect-distributed.sh config/connect-distributed.properties',
  flags: [],
  run: startDistributed,
};

export const connectStandaloneTool: ToolDef = {
  name: 'connect-standalone.sh',
  aliases: ['connect-standalone'],
  helpGroup: 'other',
  summary: 'Start one Kafka Connect worker in standalone mode with connectors from properties/JSON files.',
  usage:
    'connect-standalone.sh config/connect-standalone.properties [connector.properties|connector.json ...]',
  flags: [],
  run: startStandalone,
};

export const connectWorkerTool: ToolDef = {
  name: 'connect',
  aliases: [],
  summary: 'Stop (cleanly or by a crash) or start a Connect worker, or show the worker group.',
  usage: 'connect worker stop ID [--crash] | connect worker start ID | connect status',
  flags: ['--crash'],
  subcommands: ['worker', 'status'],
  run: runConnect,
};
