// kafka-reassign-partitions.sh — ReassignPartitionsCommand in the lessons' scope: --generate a
// proposal from a topics-to-move file and a broker list, --execute a plan, --verify progress.
// Plans are the tool's JSON: {"version":1,"partitions":[{"topic":"t","partition":0,"replicas":[1,2]}]}.

import type { PartitionView } from '../../simulator';
import { COMMON_FLAGS } from '../commonFlags';
import { errorText } from '../kafkaErrors';
import type { OptionSpec, ParsedOptions } from '../options';
import { type CommandOutput, Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';
import { adminException, commandConfigOf, exceptionMessage, passGate } from './securityGate';
import { toolPrologue } from './toolPrologue';

const SPECS: OptionSpec[] = [
  ...COMMON_FLAGS,
  { name: 'command-config', arg: 'required', help: 'Admin client properties file (security settings).' },
  {
    name: 'generate',
    arg: 'none',
    help: 'Propose a reassignment of the topics in --topics-to-move-json-file onto --broker-list.',
  },
  { name: 'execute', arg: 'none', help: 'Start the reassignment in --reassignment-json-file.' },
  {
    name: 'verify',
    arg: 'none',
    help: 'Report whether the reassignment in --reassignment-json-file has finished.',
  },
  {
    name: 'cancel',
    arg: 'none',
    help: 'Cancel the reassignments in --reassignment-json-file that are still running.',
  },
  {
    name: 'additional',
    arg: 'none',
    help: 'With --execute: start more reassignments while others are running.',
  },
  { name: 'list', arg: 'none', help: 'List reassignments in progress.' },
  { name: 'topics-to-move-json-file', arg: 'required', help: '{"topics":[{"topic":"t"}],"version":1}' },
  { name: 'reassignment-json-file', arg: 'required', help: 'A plan as printed by --generate.' },
  { name: 'broker-list', arg: 'required', help: 'Target broker ids, e.g. "1,2,3".' },
  {
    name: 'throttle',
    arg: 'required',
    type: 'long',
    help: 'Replication throttle in B/s (accepted, not simulated).',
  },
  { name: 'preserve-throttles', arg: 'none', help: 'Accepted.' },
  { name: 'disable-rack-aware', arg: 'none', help: 'Accepted (the simulation has no racks).' },
];

type Move = { topic: string; partition: number; replicas: number[] };

const reassigning = (p: PartitionView): boolean =>
  p.addingReplicas.length > 0 || p.removingReplicas.length > 0;

function planJson(moves: Move[]): string {
  const partitions = moves.map(
    (m) =>
      `{"topic":"${m.topic}","partition":${m.partition},"replicas":[${m.replicas.join(',')}],"log_dirs":[${m.replicas.map(() => '"any"').join(',')}]}`,
  );
  return `{"version":1,"partitions":[${partitions.join(',')}]}`;
}

export function parsePlan(text: string): Move[] | string {
  let js: unknown;
  try {
    js = JSON.parse(text);
  } catch {
    return 'Unable to parse the reassignment JSON';
  }
  const list = (js as { partitions?: unknown })?.partitions;
  if (!Array.isArray(list)) return 'Partition reassignment list cannot be empty';
  const moves: Move[] = [];
  for (const e of list) {
    const { topic, partition, replicas } = (e ?? {}) as {
      topic?: unknown;
      partition?: unknown;
      replicas?: unknown;
    };
    if (
      typeof topic !== 'string' ||
      typeof partition !== 'number' ||
      !Array.isArray(replicas) ||
      !replicas.every((r) => Number.isInteger(r))
    ) {
      return 'Each entry needs "topic", "partition" and "replicas" (broker ids)';
    }
    if (new Set(replicas).size !== replicas.length)
      return `Replica assignment has duplicate replicas: ${topic}-${partition}`;
    if (moves.some((m) => m.topic === topic && m.partition === partition))
      return `Reassignment contains duplicate topic partitions: ${topic}-${partition}`;
    moves.push({ topic, partition, replicas: replicas as number[] });
  }
  if (moves.length === 0) return 'Partition reassignment list cannot be empty';
  return moves;
}

/** Round-robin replica placement (AdminUtils-style, rack-unaware, start index 0, deterministic). */
export function proposeAssignment(partitions: number, rf: number, brokers: number[]): number[][] {
  const sorted = brokers.slice().sort((a, b) => a - b);
  const n = sorted.length;
  const result: number[][] = [];
  for (let p = 0; p < partitions; p++) {
    const first = p % n;
    const shift = 1 + (Math.floor(p / n) % Math.max(1, n - 1));
    const replicas = [sorted[first]];
    for (let j = 0; j < rf - 1; j++)
      replicas.push(sorted[(first + 1 + ((shift - 1 + j) % Math.max(1, n - 1))) % n]);
    result.push(replicas);
  }
  return result;
}

/** Throttles are cleared on every live broker plus the plan's targets (ReassignPartitionsCommand#clearAllThrottles). */
function clearThrottles(out: Output, ctx: ToolContext, moves: Move[]): void {
  const live = ctx.read
    .brokers()
    .filter((b) => b.state === 'online')
    .map((b) => b.id);
  const brokers = [...new Set([...live, ...moves.flatMap((m) => m.replicas)])].sort((a, b) => a - b);
  out.line(`Clearing broker-level throttles on brokers ${brokers.join(',')}`);
  for (const t of [...new Set(moves.map((m) => m.topic))].sort())
    out.line(`Clearing topic-level throttles on topic ${t}`);
}

const isMoving = (ctx: ToolContext, m: { topic: string; partition: number }): boolean => {
  const p = ctx.read.topic(m.topic)?.partitions.find((q) => q.partition === m.partition);
  return !!p && reassigning(p);
};

type GateRequest = Parameters<typeof passGate>[3][number];

const reassignClient = (o: ParsedOptions) => ({
  // ReassignPartitionsCommand#main: client.id defaults to reassign-partitions-tool.
  clientId: 'reassign-partitions-tool',
  kind: 'admin' as const,
  commandConfig: commandConfigOf(o),
});

/** Admin#describeTopics: Metadata for the named topics (DESCRIBE on each). */
function metadataOf(ctx: ToolContext, topics: string[]): GateRequest {
  return {
    api: 'Metadata',
    topics: [...new Set(topics)],
    allowAutoTopicCreation: false,
    autoCreateTopicsEnable: false,
    existingTopics: ctx.read.topics().map((t) => t.name),
  };
}

/**
 * The tool's Admin calls through the security path: ListPartitionReassignments needs DESCRIBE on the
 * cluster, describeTopics DESCRIBE on each topic (security.html "Operations and Resources on
 * Protocols"). A refused call fails its future, which main prints as "Error: " + the message, then the
 * stack trace (its first line only here). Null when allowed.
 */
function gateAdmin(
  o: ParsedOptions,
  ctx: ToolContext,
  out: Output,
  requests: GateRequest[],
): CommandOutput | null {
  const g = passGate(ctx, o, reassignClient(o), requests);
  if (g.ok) return null;
  for (const l of g.lines.slice(0, -1)) out.warn(l);
  const e = adminException(g);
  out.fail(`Error: ${e}`);
  return out.fail(`java.util.concurrent.ExecutionException: ${e}`).result();
}

/**
 * AlterPartitionReassignments needs ALTER on the cluster (ControllerApis#handleAlterPartitionReassignments);
 * a refusal fails every partition's future, and the tool ends with a TerseException listing them.
 */
function gateAlter(
  o: ParsedOptions,
  ctx: ToolContext,
  out: Output,
  moves: Move[],
  what: 'reassigning' | 'cancelling',
): CommandOutput | null {
  const g = passGate(ctx, o, reassignClient(o), [{ api: 'AlterPartitionReassignments' }]);
  if (g.ok) return null;
  const message = exceptionMessage(adminException(g));
  const parts = moves.map((m) => `${m.topic}-${m.partition}: ${message}`);
  const head =
    what === 'reassigning'
      ? 'Error reassigning partition(s):'
      : `Error cancelling partition reassignment${moves.length === 1 ? '' : 's'} for:`;
  return out.fail([head, ...parts].join('\n')).result();
}

export function makeReassignTool(): ToolDef {
  const readFile = (path: string | undefined, out: Output, ctx: ToolContext): string | null => {
    const text = path ? ctx.read.file(path) : null;
    if (text === null)
      out.fail(
        `Error: java.nio.file.NoSuchFileException: ${path ?? ''} (write it first with: cat > ${path ?? 'FILE'} <<EOF ... EOF)`,
      );
    return text;
  };
  const run = (args: string[], ctx: ToolContext): CommandOutput => {
    const out = new Output();
    const start = toolPrologue(
      args,
      SPECS,
      'This tool helps to move topic partitions between replicas.',
      out,
    );
    if (start.kind === 'done') return start.output;
    const o = start.options;
    const actions = ['generate', 'execute', 'verify', 'cancel', 'list'].filter((a) => o.has(a));
    if (actions.length !== 1)
      return out
        .fail('Command must include exactly one action: --generate, --execute, --verify, --cancel, or --list')
        .result();
    const refused = (requests: GateRequest[]) => gateAdmin(o, ctx, out, requests);
    const alterRefused = (moves: Move[], what: 'reassigning' | 'cancelling') =>
      gateAlter(o, ctx, out, moves, what);
    if (o.has('list')) {
      const r = refused([{ api: 'ListPartitionReassignments' }]);
      if (r !== null) return r;
      const moving = ctx.read
        .topics()
        .flatMap((t) => t.partitions.filter(reassigning).map((p) => ({ t: t.name, p })));
      if (moving.length === 0) return out.line('No partition reassignments found.').result();
      out.line('Current partition reassignments:');
      for (const m of moving) {
        out.line(
          `${m.t}-${m.p.partition}: replicas: ${m.p.replicas.join(',')}. adding: ${m.p.addingReplicas.join(',')}. removing: ${m.p.removingReplicas.join(',')}.`,
        );
      }
      return out.result();
    }
    if (o.has('generate')) {
      if (!o.has('topics-to-move-json-file'))
        return out.fail('Missing required argument "[topics-to-move-json-file]"').result();
      if (!o.has('broker-list')) return out.fail('Missing required argument "[broker-list]"').result();
      const text = readFile(o.value('topics-to-move-json-file'), out, ctx);
      if (text === null) return out.result();
      let names: string[];
      try {
        const js = JSON.parse(text) as { topics?: Array<{ topic?: unknown }> };
        names = (js.topics ?? []).map((t) => String(t.topic));
      } catch {
        return out.fail('Error: Unable to parse the topics-to-move JSON').result();
      }
      const ids = (o.value('broker-list') ?? '').split(',').map((s) => s.trim());
      if (ids.some((s) => !/^\d+$/.test(s)))
        return out.fail(`Error: Invalid broker list: ${o.value('broker-list')}`).result();
      const brokers = [...new Set(ids.map(Number))];
      const r = refused([metadataOf(ctx, names)]);
      if (r !== null) return r;
      const current: Move[] = [];
      const proposed: Move[] = [];
      for (const name of names) {
        const t = ctx.read.topic(name);
        if (!t) return out.fail(`Error: Topic ${name} not found`).result();
        const rf = t.partitions[0]?.replicas.length ?? 1;
        if (rf > brokers.length)
          return out
            .fail(`Error: Replication factor: ${rf} larger than available brokers: ${brokers.length}.`)
            .result();
        const sorted = t.partitions.slice().sort((a, b) => a.partition - b.partition);
        const plan = proposeAssignment(sorted.length, rf, brokers);
        sorted.forEach((p, i) => {
          current.push({ topic: name, partition: p.partition, replicas: p.replicas });
          proposed.push({ topic: name, partition: p.partition, replicas: plan[i] });
        });
      }
      out.line('Current partition replica assignment');
      out.line(planJson(current));
      out.line();
      out.line('Proposed partition reassignment configuration');
      out.line(planJson(proposed));
      return out.result();
    }
    if (!o.has('reassignment-json-file'))
      return out.fail('Missing required argument "[reassignment-json-file]"').result();
    const text = readFile(o.value('reassignment-json-file'), out, ctx);
    if (text === null) return out.result();
    const moves = parsePlan(text);
    if (typeof moves === 'string') return out.fail(`Error: ${moves}`).result();
    for (const m of moves) {
      const t = ctx.read.topic(m.topic);
      if (!t?.partitions.some((p) => p.partition === m.partition)) {
        return out.fail(`Error: Topic ${m.topic} not found`).result();
      }
      const known = new Set(ctx.read.brokers().map((b) => b.id));
      const unknown = m.replicas.filter((r) => !known.has(r));
      if (unknown.length > 0) return out.fail(`Error: Unknown broker id(s): ${unknown.join(',')}`).result();
    }
    if (o.has('cancel')) {
      const r = refused([{ api: 'ListPartitionReassignments' }]);
      if (r !== null) return r;
      const active = moves.filter((m) => isMoving(ctx, m));
      if (active.length > 0) {
        const a = alterRefused(active, 'cancelling');
        if (a !== null) return a;
        const res = ctx.port.reassign(
          active.map((m) => ({ topic: m.topic, partition: m.partition, replicas: null })),
        );
        if (!res.ok)
          return out.fail(`Error: org.apache.kafka.common.errors.${errorText(res.error)}`).result();
        const names = active.map((m) => `${m.topic}-${m.partition}`);
        out.line(
          `Successfully cancelled partition reassignment${names.length === 1 ? '' : 's'} for: ${names.join(',')}`,
        );
      } else out.line('None of the specified partition reassignments are active.');
      out.line('None of the specified partition moves are active.');
      if (!o.has('preserve-throttles')) clearThrottles(out, ctx, moves);
      return out.result();
    }
    if (o.has('execute')) {
      const r = refused([{ api: 'ListPartitionReassignments' }]);
      if (r !== null) return r;
      const running = ctx.read.topics().some((t) => t.partitions.some(reassigning));
      if (running && !o.has('additional'))
        return out
          .fail(
            'Cannot execute because there is an existing partition assignment.  Use --additional to override this and create a new partition assignment in addition to the existing one.',
          )
          .result();
      const described = refused([
        metadataOf(
          ctx,
          moves.map((m) => m.topic),
        ),
      ]);
      if (described !== null) return described;
      const current = moves.map((m) => ({
        ...m,
        replicas:
          ctx.read.topic(m.topic)?.partitions.find((p) => p.partition === m.partition)?.replicas ?? [],
      }));
      out.line('Current partition replica assignment');
      out.line();
      out.line(planJson(current));
      out.line();
      out.line('Save this to use as the --reassignment-json-file option during rollback');
      const a = alterRefused(moves, 'reassigning');
      if (a !== null) return a;
      const res = ctx.port.reassign(moves);
      if (!res.ok) return out.fail(`Error: org.apache.kafka.common.errors.${errorText(res.error)}`).result();
      out.line(
        `Successfully started partition reassignment${moves.length === 1 ? '' : 's'} for ${moves.map((m) => `${m.topic}-${m.partition}`).join(',')}`,
      );
      return out.result();
    }
    // --verify: ReassignPartitionsCommand#findPartitionReassignmentStates lists the reassignments, then
    // describes the topics.
    const v = refused([
      { api: 'ListPartitionReassignments' },
      metadataOf(
        ctx,
        moves.map((m) => m.topic),
      ),
    ]);
    if (v !== null) return v;
    out.line('Status of partition reassignment:');
    let allDone = true;
    for (const m of moves) {
      const p = ctx.read.topic(m.topic)?.partitions.find((q) => q.partition === m.partition);
      const inProgress = !!p && reassigning(p);
      const matches =
        !!p && p.replicas.length === m.replicas.length && p.replicas.every((r, i) => r === m.replicas[i]);
      if (inProgress) {
        allDone = false;
        out.line(`Reassignment of partition ${m.topic}-${m.partition} is still in progress.`);
      } else if (matches) out.line(`Reassignment of partition ${m.topic}-${m.partition} is completed.`);
      else {
        allDone = false;
        out.line(
          `There is no active reassignment of partition ${m.topic}-${m.partition}, but replica set is ${p?.replicas.join(',') ?? ''} rather than ${m.replicas.join(',')}.`,
        );
      }
    }
    if (allDone && !o.has('preserve-throttles')) {
      out.line();
      clearThrottles(out, ctx, moves);
    }
    return out.result();
  };
  return {
    name: 'kafka-reassign-partitions.sh',
    aliases: ['kafka-reassign-partitions'],
    summary: 'Generate, execute and verify partition reassignment plans.',
    usage:
      'kafka-reassign-partitions.sh --topics-to-move-json-file topics.json --broker-list "1,2,3" --generate\n' +
      'kafka-reassign-partitions.sh --reassignment-json-file plan.json --execute | --verify | --cancel\n' +
      'kafka-reassign-partitions.sh --list\n' +
      '(write the JSON files first: cat > plan.json <<EOF ... EOF)',
    flags: SPECS.map((s) => `--${s.name}`),
    run,
  };
}

export const reassignTool: ToolDef = makeReassignTool();
