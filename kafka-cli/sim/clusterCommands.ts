// Simulation commands (not Kafka tools): broker, controller, clock, sim. Their own syntax, exactly:
//   broker stop N | broker start N | broker isolate N | broker heal N | broker pause-fetch N | broker resume-fetch N
//   broker add
//   controller stop ID | controller start ID
//   clock advance DURATION   (500ms, 30s, 10m, 2h, 7d)
//   sim reset [--brokers N] [--seed S] | sim status

import { formatClock, parseDuration, parseIntStrict } from '../format';
import { errorText, exceptionName } from '../kafkaErrors';
import { parseLongOptions } from '../options';
import { type CommandOutput, Output } from '../output';
import type { KafkaError, Outcome } from '../port';
import type { ToolContext, ToolDef } from '../tool';

function outcome(out: Output, res: Outcome<unknown>, success: string): CommandOutput {
  if (!res.ok) return out.fail(`${errorLabel(res.error)}: ${res.error.message}`).result();
  return out.line(success).result();
}

export function errorLabel(e: KafkaError): string {
  return exceptionName(e.code);
}

const BROKER_VERBS = ['stop', 'start', 'isolate', 'heal', 'pause-fetch', 'resume-fetch', 'add'] as const;

function runBroker(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const [verb, idText, ...extra] = args;
  if (!verb || !(BROKER_VERBS as readonly string[]).includes(verb)) {
    return out
      .fail(
        `broker: unknown action '${verb ?? ''}'. Use: broker stop|start|isolate|heal|pause-fetch|resume-fetch N, or broker add`,
      )
      .result();
  }
  if (verb === 'add') {
    if (idText !== undefined)
      return out.fail('broker add takes no arguments (the new broker gets the next id)').result();
    const res = ctx.port.addBroker();
    if (!res.ok) return out.fail(`${errorText(res.error)}`).result();
    return out
      .line(`Broker ${res.data} added (empty: no partitions until topics are created or reassigned).`)
      .result();
  }
  if (idText === undefined)
    return out.fail(`broker ${verb}: missing broker id. Usage: broker ${verb} N`).result();
  if (extra.length > 0) return out.fail(`broker ${verb}: unexpected argument '${extra[0]}'`).result();
  const id = parseIntStrict(idText);
  if (id === null) return out.fail(`broker ${verb}: '${idText}' is not a broker id`).result();
  const known = ctx.read.brokers().map((b) => b.id);
  if (!known.includes(id))
    return out.fail(`broker ${verb}: no broker ${id} (brokers: ${known.join(', ')})`).result();
  switch (verb) {
    case 'stop':
      return outcome(out, ctx.port.stopBroker(id), `Broker ${id} stopped.`);
    case 'start':
      return outcome(out, ctx.port.startBroker(id), `Broker ${id} started.`);
    case 'isolate':
      return outcome(out, ctx.port.isolateBroker(id), `Broker ${id} isolated from the network.`);
    case 'pause-fetch':
      return outcome(
        out,
        ctx.port.pauseReplicaFetch(id),
        `Broker ${id}'s replica fetchers paused (it still heartbeats; as a follower it falls behind).`,
      );
    case 'resume-fetch':
      return outcome(out, ctx.port.resumeReplicaFetch(id), `Broker ${id}'s replica fetchers resumed.`);
    default:
      return outcome(out, ctx.port.healBroker(id), `Broker ${id} reconnected to the network.`);
  }
}

function runController(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const [verb, idText, ...extra] = args;
  if (verb !== 'stop' && verb !== 'start')
    return out.fail(`controller: unknown action '${verb ?? ''}'. Use: controller stop|start ID`).result();
  const known = ctx.read.controllers().map((c) => c.id);
  if (idText === undefined)
    return out
      .fail(
        `controller ${verb}: missing controller id (controllers: ${known.join(', ')}). Usage: controller ${verb} ID`,
      )
      .result();
  if (extra.length > 0) return out.fail(`controller ${verb}: unexpected argument '${extra[0]}'`).result();
  const id = parseIntStrict(idText);
  if (id === null || !known.includes(id))
    return out
      .fail(`controller ${verb}: no controller ${idText} (controllers: ${known.join(', ')})`)
      .result();
  return verb === 'stop'
    ? outcome(out, ctx.port.stopController(id), `Controller ${id} stopped.`)
    : outcome(out, ctx.port.startController(id), `Controller ${id} started.`);
}

function runClock(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const [verb, amount, ...extra] = args;
  if (verb !== 'advance')
    return out
      .fail(
        `clock: unknown action '${verb ?? ''}'. Use: clock advance DURATION (e.g. 500ms, 30s, 10m, 2h, 7d)`,
      )
      .result();
  if (amount === undefined)
    return out.fail('clock advance: missing duration (e.g. 500ms, 30s, 10m, 2h, 7d)').result();
  if (extra.length > 0) return out.fail(`clock advance: unexpected argument '${extra[0]}'`).result();
  const ms = parseDuration(amount);
  if (ms === null)
    return out
      .fail(`clock advance: '${amount}' is not a duration (use 500ms, 30s, 10m, 2h or 7d; at most 10 years)`)
      .result();
  const res = ctx.port.advanceClock(ms);
  if (!res.ok) return out.fail(`${errorText(res.error)}`).result();
  return out.line(`Clock advanced by ${formatClock(ms)}; now at ${formatClock(ctx.read.now())}.`).result();
}

/** `sim status`: the whole simulation in a few lines. */
function statusLines(ctx: ToolContext): string[] {
  const read = ctx.read;
  const brokers = read.brokers();
  const lines = [
    `Virtual time: ${read.now()} ms. Seed: ${read.seed()}. Commands in the log: ${ctx.port.commandCount()}.`,
    `Brokers: ${brokers.map((b) => `${b.id} ${b.state}`).join(', ')}.`,
    `KRaft controller quorum leader: ${read.quorum().leaderId ?? 'none'}.`,
  ];
  const clusters = read.clusters();
  if (clusters)
    lines.push(
      `Clusters: ${clusters.map((c) => c.name).join(', ')} (this status is ${clusters[0].name}'s; cluster list shows them all).`,
    );
  const topics = read.topics().filter((t) => !t.internal);
  lines.push(
    `Topics: ${topics.length === 0 ? 'none' : topics.map((t) => `${t.name} (${t.partitions.length})`).join(', ')}.`,
  );
  const offline = topics.flatMap((t) =>
    t.partitions.filter((p) => p.leader === null).map((p) => `${t.name}-${p.partition}`),
  );
  const under = topics.flatMap((t) =>
    t.partitions
      .filter((p) => p.leader !== null && p.isr.length < p.replicas.length)
      .map((p) => `${t.name}-${p.partition}`),
  );
  if (offline.length > 0) lines.push(`Offline partitions: ${offline.join(', ')}.`);
  if (under.length > 0) lines.push(`Under-replicated partitions: ${under.join(', ')}.`);
  const groups = read.groups();
  if (groups.length > 0)
    lines.push(
      `Consumer groups: ${groups.map((g) => `${g.groupId} (${g.state}, ${g.members.length} members)`).join(', ')}.`,
    );
  const producers = ctx.port.clientNames('producer');
  const consumers = ctx.port.clientNames('consumer');
  if (producers.length > 0) lines.push(`Producers: ${producers.join(', ')}.`);
  if (consumers.length > 0) lines.push(`Consumers: ${consumers.join(', ')}.`);
  return lines;
}

function runSim(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const [verb, ...rest] = args;
  if (verb === 'status') {
    if (rest.length > 0) return out.fail(`sim status: unexpected argument '${rest[0]}'`).result();
    for (const l of statusLines(ctx)) out.line(l);
    return out.result();
  }
  if (verb === 'reset') {
    const parsed = parseLongOptions(rest, [
      { name: 'brokers', arg: 'required', type: 'int', help: '' },
      { name: 'seed', arg: 'required', type: 'int', help: '' },
    ]);
    if (parsed.kind === 'error') return out.fail(`sim reset: ${parsed.message}`).result();
    if (parsed.options.nonOptions.length > 0)
      return out.fail(`sim reset: unexpected argument '${parsed.options.nonOptions[0]}'`).result();
    const brokers = parsed.options.int('brokers') ?? ctx.read.brokers().length;
    const seed = parsed.options.int('seed') ?? 42;
    if (brokers < 1 || brokers > 9) return out.fail('sim reset: --brokers must be between 1 and 9').result();
    const res = ctx.port.reset(brokers, seed);
    if (!res.ok) return out.fail(`${errorText(res.error)}`).result();
    return out.line(`Simulation reset: ${brokers} broker${brokers === 1 ? '' : 's'}, seed ${seed}.`).result();
  }
  return out
    .fail(`sim: unknown action '${verb ?? ''}'. Use: sim reset [--brokers N] [--seed S] | sim status`)
    .result();
}

export const brokerTool: ToolDef = {
  name: 'broker',
  aliases: [],
  summary: 'Stop, start, isolate or heal a broker, stall its replica fetchers, or add a new empty one.',
  usage:
    'broker stop N | broker start N | broker isolate N | broker heal N | broker pause-fetch N | broker resume-fetch N | broker add',
  flags: [],
  subcommands: [...BROKER_VERBS],
  run: runBroker,
};

export const controllerTool: ToolDef = {
  name: 'controller',
  aliases: [],
  summary: 'Stop or start a KRaft controller (ids from 1000); losing the active one triggers an election.',
  usage: 'controller stop ID | controller start ID',
  flags: [],
  subcommands: ['stop', 'start'],
  run: runController,
};

export const clockTool: ToolDef = {
  name: 'clock',
  aliases: [],
  summary: 'Advance virtual time, running everything due in that span.',
  usage: 'clock advance DURATION    (500ms, 30s, 10m, 2h, 7d)',
  flags: [],
  subcommands: ['advance'],
  scope: 'simulation',
  run: runClock,
};

export const simTool: ToolDef = {
  name: 'sim',
  aliases: [],
  summary: 'Reset the simulation or show its status.',
  usage: 'sim reset [--brokers N] [--seed S] | sim status',
  flags: ['--brokers', '--seed'],
  subcommands: ['reset', 'status'],
  scope: 'simulation',
  run: runSim,
};
