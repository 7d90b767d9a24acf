// kafka-streams-application-reset.sh (org.apache.kafka.tools.StreamsResetter): with every instance stopped,
// reset the input topics' committed offsets of group <application.id> (--to-earliest by default) and delete the
// application's internal topics (names starting with `<application.id>-` and ending in -changelog or
// -repartition). --dry-run prints the plan and changes nothing.
import { COMMON_FLAGS } from '../commonFlags';
import { type OptionSpec, parseLongOptions, renderHelp } from '../options';
import { type CommandOutput, Output } from '../output';
import { errorLabel } from '../sim/clusterCommands';
import type { ToolContext, ToolDef } from '../tool';
import { streamsResetGate } from './streamsResetGate';

const SPECS: readonly OptionSpec[] = [
  ...COMMON_FLAGS,
  {
    name: 'application-id',
    arg: 'required',
    help: 'The Kafka Streams application ID (application.id).',
    argName: 'id',
  },
  {
    name: 'input-topics',
    arg: 'required',
    help: 'Comma-separated list of user input topics; their offsets are reset to the earliest offset by default.',
    argName: 'list',
  },
  {
    name: 'command-config',
    arg: 'required',
    help: 'Property file with the Admin and consumer client configs (security settings).',
    argName: 'file',
  },
  { name: 'to-earliest', arg: 'none', help: 'Reset offsets to earliest offset.' },
  { name: 'to-latest', arg: 'none', help: 'Reset offsets to latest offset.' },
  {
    name: 'dry-run',
    arg: 'none',
    help: 'Display the actions that would be performed without executing the reset commands.',
  },
  {
    name: 'force',
    arg: 'none',
    help: 'Force the removal of members of the consumer group (stopped members with a long session timeout).',
  },
];

const SUMMARY =
  "This tool helps to quickly reset an application in order to reprocess its data from scratch: it resets the input topics' offsets of the application's group and deletes its internal topics.";

function run(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const parsed = parseLongOptions(args, SPECS);
  if (parsed.kind === 'error') return out.fail(parsed.message).result();
  const o = parsed.options;
  if (o.has('help')) return out.write(renderHelp(SUMMARY, SPECS)).result();
  if (o.has('version')) return out.line('4.0.0').result();
  const app = o.value('application-id');
  if (!app) return out.fail('Missing required option(s) [application-id]').result();
  if (o.has('to-earliest') && o.has('to-latest'))
    return out.fail('Option "[to-earliest]" can\'t be used with option "[to-latest]"').result();
  const inputTopics = (o.value('input-topics') ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  const dryRun = o.has('dry-run');
  const opts = { app, toEarliest: !o.has('to-latest'), force: o.has('force') };
  const gate = streamsResetGate(ctx, {
    app,
    commandConfig: o.value('command-config') ?? null,
    bootstrapServer: o.value('bootstrap-server') ?? null,
  });
  if (gate.kind === 'refused') return out.fail(`ERROR: ${gate.exception}`).result();
  // Admin#listTopics: a topic the principal may not describe is "not found", and is not inferred internal.
  const visible = (t: string) =>
    ctx.read.topic(t) !== undefined && (gate.kind === 'open' || gate.describable(t));
  const missing = inputTopics.filter((t) => !visible(t));
  const found = inputTopics.filter(visible);
  // Under security: a dry run first (what the tool sees), then the run with what the principal may do.
  const plan = ctx.port.streamsReset({
    ...opts,
    inputTopics: found,
    dryRun: dryRun || gate.kind === 'gated',
    ...(gate.kind === 'gated'
      ? {
          deleteOnly: ctx.read
            .topics()
            .map((t) => t.name)
            .filter(gate.describable),
        }
      : {}),
  });
  // The consumer's commitSync (OffsetCommit: READ on the group and each topic) and Admin#deleteTopics.
  const live = gate.kind === 'gated' && plan.ok && !dryRun;
  const commitRefused = live && found.length > 0 ? gate.commit(found) : null;
  const deletable = live && commitRefused === null ? gate.deletable(plan.data.deletedTopics) : null;
  const r =
    deletable === null
      ? plan
      : ctx.port.streamsReset({ ...opts, inputTopics: found, dryRun, deleteOnly: deletable });
  if (!r.ok) {
    return out
      .fail(
        `ERROR: java.lang.${errorLabel(r.error) === 'IllegalStateException' ? 'IllegalStateException' : errorLabel(r.error)}: ${r.error.message}`,
      )
      .result();
  }
  if (o.has('force') && !dryRun) out.line(`Force deleting all active members in the group: ${app}`);
  if (dryRun)
    out.line('----Dry run displays the actions which will be performed when running Streams Reset Tool----');
  if (inputTopics.length === 0) out.line('No input or intermediate topics specified. Skipping seek.');
  else {
    out.line(`Reset-offsets for input topics [${inputTopics.join(', ')}]`);
    if (missing.length > 0) {
      out.line('Following input topics are not found, skipping them');
      for (const t of missing) out.line(`Topic: ${t}`);
      out.code = 1; // StreamsResetter returns EXIT_CODE_ERROR when an input topic is not found
    }
    if (r.data.offsets.length > 0) {
      out.line(`Following input topics offsets will be reset to (for consumer group ${app})`);
      for (const x of r.data.offsets)
        out.line(`Topic: ${x.topic} Partition: ${x.partition} Offset: ${x.offset}`);
    }
    if (commitRefused !== null) return out.fail(`ERROR: ${commitRefused}`).result();
    // With no input topic left to reset the tool returns before its "Done." (the consumer would refuse an
    // empty subscription).
    if (found.length > 0) out.line('Done.');
  }
  const inferred = plan.ok ? plan.data.deletedTopics : [];
  out.line(`Deleting inferred internal topics [${inferred.join(', ')}]`);
  const undeleted = deletable === null ? [] : inferred.filter((t) => !deletable.includes(t));
  if (undeleted.length > 0) {
    // StreamsResetter#doDelete: each failed future is reported, then the run fails.
    for (const t of undeleted)
      out
        .fail(`ERROR: deleting topic ${t}`)
        .fail(
          'java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.TopicAuthorizationException: Topic authorization failed.',
        );
    return out
      .fail('ERROR: java.lang.RuntimeException: Encountered an error deleting one or more topics')
      .result();
  }
  out.line('Done.');
  return out.result();
}

export const streamsResetTool: ToolDef = {
  name: 'kafka-streams-application-reset.sh',
  aliases: ['kafka-streams-application-reset'],
  summary: 'Reset a Kafka Streams application: rewind its input offsets and delete its internal topics.',
  usage:
    'kafka-streams-application-reset.sh --application-id ID [--input-topics T1,T2] [--to-earliest | --to-latest] [--dry-run] [--force]',
  flags: SPECS.map((s) => `--${s.name}`),
  run,
};
