// `streams`: a simulation command that runs Kafka Streams applications (their DSL text comes from a
// here-document; see simulator/streams/README.md for the language). Its own syntax, exactly:
//   streams topology [--java] <<EOF … EOF            print Topology#describe() (and the Java code), run nothing
//   streams create APP [--config k=v]… <<EOF … EOF   define application.id APP (group id APP)
//   streams start APP [--instance NAME]              start an instance (KafkaStreams#start)
//   streams stop APP --instance NAME                 KafkaStreams#close(): commit, then stop
//   streams crash APP --instance NAME                the process dies without committing
//   streams list | streams describe APP | streams store APP STORE
import { checkStreamsDsl, type ReadModel, type StreamsAppView } from '../../simulator';
import { columns, widthOf } from '../format';
import { parseLongOptions } from '../options';
import { type CommandOutput, Output } from '../output';
import { errorLabel } from '../sim/clusterCommands';
import type { ToolContext, ToolDef } from '../tool';
import { streamsJoinGate, streamsRunGate } from './streamsStartGate';

const VERBS = ['topology', 'create', 'start', 'stop', 'crash', 'list', 'describe', 'store'] as const;

const USAGE = [
  'streams topology [--java] <<EOF ... EOF          print Topology#describe() of DSL text (runs nothing)',
  'streams create APP [--config k=v]... <<EOF ... EOF   define a Streams application (application.id = APP)',
  '    configs: processing.guarantee=at_least_once|exactly_once_v2, commit.interval.ms, statestore.cache.max.bytes,',
  '      num.stream.threads, num.standby.replicas, repartition.purge.interval.ms',
  'streams start APP [--instance NAME] [--command-config FILE]   start an instance (num.stream.threads threads); waits',
  '    for the rebalance. FILE: the security settings of its Properties (security.protocol, sasl.*, ssl.*)',
  'streams stop APP --instance NAME         KafkaStreams#close(): commit, then stop',
  'streams crash APP --instance NAME        the process dies without committing',
  'streams list | streams describe APP | streams store APP STORE',
  'DSL: one statement per line, e.g. stream orders | filter value.amount > 100 | to big-orders',
].join('\n');

function dslOf(ctx: ToolContext): string | null {
  return ctx.input === null ? null : ctx.input.join('\n');
}

/** How long `streams start` lets the virtual clock run for the rebalance, and in which steps. */
const START_WAIT_MS = 15_000;
const START_STEP_MS = 100;

function fmtTime(t: number): string {
  return t < 0 ? '-' : String(t);
}

function describeApp(out: Output, a: StreamsAppView, read: ReadModel): void {
  const group = read.group(a.applicationId);
  out.line(
    `Application ${a.applicationId}: ${a.state}  processing.guarantee=${a.guarantee}  commit.interval.ms=${a.commitIntervalMs}  statestore.cache.max.bytes=${a.cacheMaxBytes}${a.numStreamThreads > 1 ? `  num.stream.threads=${a.numStreamThreads}` : ''}${a.numStandbyReplicas > 0 ? `  num.standby.replicas=${a.numStandbyReplicas}` : ''}`,
  );
  if (a.error) out.line(`Error: ${a.error}`);
  out.line(
    `Consumer group: ${a.applicationId} (${a.groupState}, generation ${a.generation}; members: kafka-consumer-groups.sh --describe --group ${a.applicationId} --members)${group ? ` (committed offsets: ${group.offsets.map((o) => `${o.topic}-${o.partition}=${o.offset}`).join(', ') || 'none'})` : ''}`,
  );
  out.line();
  if (a.instances.length === 0) out.line(`No instances. Start one: streams start ${a.applicationId}`);
  else {
    // One row per stream thread (each is a consumer group member); a stopped instance keeps its state directory.
    const rows = a.instances.flatMap((i) =>
      i.threads.map((th) => [
        i.name,
        i.inGroup || i.status === 'RUNNING' ? i.status : `${i.status} (left the group)`,
        th.name,
        th.tasks.join(',') || '-',
        th.standbys.join(',') || '-',
      ]),
    );
    const heads = ['INSTANCE', 'STATUS', 'THREAD', 'ACTIVE-TASKS', 'STANDBY-TASKS'];
    const w = heads.map((h, i) =>
      widthOf(
        h.length,
        rows.map((r) => r[i]),
      ),
    );
    out.line(columns(heads, w).trimEnd());
    for (const r of rows) out.line(columns(r, w).trimEnd());
  }
  if (a.tasks.length > 0) {
    out.line();
    const rows = a.tasks.map((t) => [
      t.id,
      t.owner ?? '-',
      t.status,
      t.restore.length ? t.restore.map((r) => `${r.store} ${r.restored}/${r.total}`).join(', ') : '-',
      fmtTime(t.streamTime),
      String(t.processed),
      String(t.droppedRecords),
      Object.entries(t.positions)
        .map(([k, v]) => `${k}@${v}`)
        .join(','),
    ]);
    const heads = [
      'TASK',
      'OWNER',
      'STATUS',
      'RESTORE',
      'STREAM-TIME',
      'PROCESSED',
      'DROPPED-RECORDS',
      'POSITIONS',
    ];
    const w = heads.map((h, i) =>
      widthOf(
        h.length,
        rows.map((r) => r[i]),
      ),
    );
    out.line(columns(heads, w).trimEnd());
    for (const r of rows) out.line(columns(r, w).trimEnd());
  }
  if (a.internalTopics.length > 0) {
    out.line();
    out.line(
      `Internal topics: ${a.internalTopics.map((t) => `${t.name} (${t.partitions === null ? 'not created yet' : `${t.partitions} partition${t.partitions === 1 ? '' : 's'}`})`).join(', ')}`,
    );
  }
  out.line();
  out.write(a.describe);
}

function instanceOf(
  args: string[],
  verb: string,
  ctx: ToolContext,
  app: StreamsAppView,
  out: Output,
): { instance: string; commandConfig: string | null } | null {
  const parsed = parseLongOptions(args, [
    { name: 'instance', arg: 'required', help: '' },
    ...(verb === 'start' ? [{ name: 'command-config', arg: 'required' as const, help: '' }] : []),
  ]);
  if (parsed.kind === 'error') {
    out.fail(`streams ${verb}: ${parsed.message}`);
    return null;
  }
  if (parsed.options.nonOptions.length > 0) {
    out.fail(`streams ${verb}: unexpected argument '${parsed.options.nonOptions[0]}'`);
    return null;
  }
  const commandConfig = parsed.options.value('command-config') ?? null;
  const given = parsed.options.value('instance');
  if (given) return { instance: given, commandConfig };
  if (verb === 'start') {
    for (let n = 1; ; n++)
      if (!app.instances.some((i) => i.name === `instance-${n}` && i.status === 'RUNNING'))
        return { instance: `instance-${n}`, commandConfig };
  }
  const running = app.instances.filter((i) => i.status === 'RUNNING');
  if (running.length === 1) return { instance: running[0].name, commandConfig };
  out.fail(
    `streams ${verb}: say which instance with --instance NAME (running: ${running.map((i) => i.name).join(', ') || 'none'})`,
  );
  void ctx;
  return null;
}

function run(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const [verb, ...rest] = args;
  if (!verb || !(VERBS as readonly string[]).includes(verb))
    return out.fail(`streams: unknown action '${verb ?? ''}'. Use:\n${USAGE}`).result();

  if (verb === 'list') {
    const apps = ctx.read.streamsApps();
    if (apps.length === 0)
      return out.line('No Kafka Streams applications. Define one: streams create APP <<EOF').result();
    for (const a of apps)
      out.line(
        `${a.applicationId} ${a.state} (${a.instances.filter((i) => i.status === 'RUNNING').length} running instances, ${a.tasks.length} tasks)`,
      );
    return out.result();
  }

  if (verb === 'topology') {
    const parsed = parseLongOptions(rest, [{ name: 'java', arg: 'none', help: '' }]);
    if (parsed.kind === 'error') return out.fail(`streams topology: ${parsed.message}`).result();
    const dsl = dslOf(ctx);
    if (dsl === null)
      return out
        .fail('streams topology: give the DSL text in a here-document: streams topology <<EOF')
        .result();
    const checked = checkStreamsDsl(dsl);
    if (!checked.ok) return out.fail(checked.error).result();
    out.write(checked.describe);
    if (parsed.options.has('java')) out.line().line(checked.java);
    return out.result();
  }

  const [appId, ...more] = rest;
  if (!appId) return out.fail(`streams ${verb}: missing application id. Usage:\n${USAGE}`).result();

  if (verb === 'create') {
    const parsed = parseLongOptions(more, [{ name: 'config', arg: 'required', help: '' }]);
    if (parsed.kind === 'error') return out.fail(`streams create: ${parsed.message}`).result();
    if (parsed.options.nonOptions.length > 0)
      return out.fail(`streams create: unexpected argument '${parsed.options.nonOptions[0]}'`).result();
    const configs: Record<string, string> = {};
    for (const c of parsed.options.values('config')) {
      const eq = c.indexOf('=');
      if (eq <= 0) return out.fail(`streams create: --config takes key=value, got '${c}'`).result();
      configs[c.slice(0, eq)] = c.slice(eq + 1);
    }
    const dsl = dslOf(ctx);
    if (dsl === null)
      return out
        .fail(`streams create: give the DSL text in a here-document: streams create ${appId} <<EOF`)
        .result();
    const r = ctx.port.streamsCreate(appId, dsl, configs);
    if (!r.ok)
      return out
        .fail(
          r.error.code === 'INVALID_REQUEST' ? r.error.message : `${errorLabel(r.error)}: ${r.error.message}`,
        )
        .result();
    out.line(
      `Created Kafka Streams application ${appId} (application.id=${appId}, group.id=${appId}): ${r.data.subtopologies} sub-topolog${r.data.subtopologies === 1 ? 'y' : 'ies'}.`,
    );
    if (r.data.internalTopics.length > 0)
      out.line(`Internal topics (created at the first start): ${r.data.internalTopics.join(', ')}`);
    return out.result();
  }

  const app = ctx.read.streamsApp(appId);
  if (!app)
    return out.fail(`streams ${verb}: no Kafka Streams application '${appId}' (streams list)`).result();

  if (verb === 'describe') {
    if (more.length > 0) return out.fail(`streams describe: unexpected argument '${more[0]}'`).result();
    describeApp(out, app, ctx.read);
    return out.result();
  }

  if (verb === 'store') {
    const [store, ...extra] = more;
    if (!store)
      return out
        .fail(
          `streams store: missing store name (stores: ${app.stores.map((s) => s.name).join(', ') || 'none'})`,
        )
        .result();
    if (extra.length > 0) return out.fail(`streams store: unexpected argument '${extra[0]}'`).result();
    const spec = app.stores.find((s) => s.name === store);
    if (!spec)
      return out
        .fail(
          `streams store: no store '${store}' in ${appId} (stores: ${app.stores.map((s) => s.name).join(', ') || 'none'})`,
        )
        .result();
    out.line(`Store ${store} (${spec.type}${spec.changelog ? `, changelog ${spec.changelog}` : ''})`);
    // A global table: every instance's GlobalStreamThread holds a full copy.
    for (const i of app.instances) {
      const st = i.status === 'RUNNING' ? i.global?.stores.find((x) => x.name === store) : undefined;
      if (!st) continue;
      out.line(
        `global copy on ${i.name} (${i.global?.thread}): ${st.rows.length} entr${st.rows.length === 1 ? 'y' : 'ies'}`,
      );
      for (const row of st.rows) out.line(`  ${row.key} = ${row.value}`);
    }
    for (const t of app.tasks) {
      const st = t.stores.find((s) => s.name === store);
      if (!st) continue;
      out.line(
        `task ${t.id} (${t.owner ?? 'unassigned'}): ${st.rows.length} entr${st.rows.length === 1 ? 'y' : 'ies'}`,
      );
      for (const row of st.rows)
        out.line(
          `  ${row.window ? `[${row.key}@${row.window.start}/${row.window.end}]` : row.key} = ${row.value}`,
        );
    }
    return out.result();
  }

  const picked = instanceOf(more, verb, ctx, app, out);
  if (picked === null) return out.result();
  const { instance, commandConfig } = picked;
  // Under security the instance's clients authenticate and are authorized before it joins, and again once
  // its producers exist (streamsStartGate.ts); a refusal shuts the client down as Kafka Streams does.
  const gateRun = { app, instance, commandConfig, bootstrapServer: null };
  if (verb === 'start') {
    const refused = streamsJoinGate(ctx, gateRun);
    if (refused) return refusedStart(out, refused, appId, instance, false);
  }
  const r = ctx.port.streamsInstance(verb as 'start' | 'stop' | 'crash', appId, instance);
  if (!r.ok) return out.fail(`${errorLabel(r.error)}: ${r.error.message}`).result();
  if (verb === 'start') {
    const joined = ctx.read.streamsApp(appId);
    const refused = joined ? streamsRunGate(ctx, { ...gateRun, app: joined }) : null;
    if (refused) {
      ctx.port.streamsInstance('stop', appId, instance);
      return refusedStart(out, refused, appId, instance, true);
    }
    // Like an application that calls KafkaStreams#start() and waits for RUNNING: the clock runs through the
    // group's join phase (group.initial.rebalance.delay.ms, the members' next heartbeats), but not through a
    // dead member's session timeout, which the learner advances to on purpose.
    const started = ctx.read.now();
    const blocked = () =>
      ctx.read.streamsApp(appId)?.instances.some((i) => i.inGroup && i.status !== 'RUNNING') ?? false;
    for (let waited = 0; waited < START_WAIT_MS; waited += START_STEP_MS) {
      if (ctx.read.streamsApp(appId)?.state !== 'REBALANCING' || blocked()) break;
      ctx.port.advanceClock(START_STEP_MS);
    }
    const after = ctx.read.streamsApp(appId);
    const mine = after?.instances.find((i) => i.name === instance);
    const took = ctx.read.now() - started;
    const threads = mine?.threads ?? [];
    out.line(
      `Started ${instance} of ${appId} (${threads.length === 1 ? `thread ${mine?.thread}` : `${threads.length} threads`}); ${took > 0 ? `the rebalance took ${took / 1000} s of virtual time; ` : ''}state ${after?.state}; active tasks: ${mine?.tasks.join(', ') || 'none'}.`,
    );
    if (after?.state === 'REBALANCING' && blocked())
      out.line(
        `The join phase waits for members that stopped heartbeating (${after.instances
          .filter((i) => i.inGroup && i.status !== 'RUNNING')
          .map((i) => i.name)
          .join(', ')}): the group removes them after session.timeout.ms=45000 (clock advance 45s).`,
      );
  } else if (verb === 'stop') {
    out.line(
      `Closed ${instance} of ${appId} after a commit. Its tasks move when the group drops the member (session.timeout.ms=45000: clock advance 45s).`,
    );
  } else {
    out.line(
      `${instance} of ${appId} crashed without committing. The group drops it after session.timeout.ms=45000 (clock advance 45s).`,
    );
  }
  return out.result();
}

function refusedStart(
  out: Output,
  lines: string[],
  appId: string,
  instance: string,
  joined: boolean,
): CommandOutput {
  for (const l of lines) out.fail(l);
  out.fail(
    `${instance} of ${appId} is in state ERROR: ${joined ? 'its members left the group' : 'it never joined the group'}; grant the ACLs it needs and start it again.`,
  );
  return out.result();
}

export const streamsTool: ToolDef = {
  name: 'streams',
  aliases: [],
  summary:
    'Run Kafka Streams applications: define one from DSL text, start/stop/crash instances, describe it.',
  usage: USAGE,
  flags: ['--instance', '--config', '--java', '--command-config'],
  subcommands: [...VERBS],
  readsStdin: (args) => args[0] === 'create' || args[0] === 'topology',
  run,
};
