// MirrorMaker 2 in the console:
//   connect-mirror-maker.sh mm2.properties           start the enabled flow of a properties file (cat > …)
//   mirror status                                     flows, replication lag, offset syncs, checkpoints
//   mirror translate --group G --source ALIAS [--execute]
//       RemoteClusterUtils.translateOffsets(props, ALIAS, G): the group's checkpointed offsets on the remote
//       topics; --execute commits them for the group (an admin commit: the group must have no members)
//   region down ALIAS | region up ALIAS               a whole region is lost (the drill's disaster), or back
// The aliases are the simulation's clusters (cluster create west --first east); in a single-cluster
// simulation one cluster plays both regions (see simulator/mirror/types.ts).
import { parseMm2Config } from '../../simulator';
import { columns, tp, widthOf } from '../format';
import { errorText } from '../kafkaErrors';
import { parseLongOptions } from '../options';
import { type CommandOutput, Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';

const MM2_USAGE = 'usage: connect-mirror-maker [-h] [--clusters CLUSTER [CLUSTER ...]] mm2.properties';

function runMirrorMaker(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const files = args.filter((a) => !a.startsWith('-'));
  if (args.includes('-h') || args.includes('--help')) return out.line(MM2_USAGE).result();
  if (files.length === 0)
    return out.fail(`${MM2_USAGE}\nconnect-mirror-maker: error: too few arguments`).result();
  const path = files[0];
  const text = ctx.read.file(path);
  if (text === null)
    return out
      .fail(`connect-mirror-maker: ${path}: No such file (write it first: cat > ${path} <<EOF … EOF)`)
      .result();
  const parsed = parseMm2Config(text);
  if (!parsed.ok) {
    for (const e of parsed.errors) out.fail(`org.apache.kafka.common.config.ConfigException: ${e}`);
    return out.result();
  }
  for (const s of parsed.specs) {
    const r = ctx.port.startMirror(s);
    if (!r.ok) return out.fail(errorText(r.error)).result();
    const clusters = ctx.read.clusters() !== null;
    out.line(
      clusters
        ? `MirrorMaker 2 runs the flow ${s.source}->${s.target}: from cluster ${s.source} (${s.source}:9092) to cluster ${s.target} (${s.target}:9092).`
        : `MirrorMaker 2 runs the flow ${s.source}->${s.target} (simulation: one cluster plays both regions).`,
    );
    for (const t of r.data) out.line(`  ${t.topic} → ${t.remoteTopic}`);
    out.line(
      `  offset syncs: mm2-offset-syncs.${s.target}.internal${clusters ? ` on ${s.source}` : ''}, checkpoints: ${s.source}.checkpoints.internal${clusters ? ` on ${s.target}` : ''} (every 60 s)`,
    );
    if (clusters && (s.emitHeartbeats ?? true)) out.line(`  heartbeats: heartbeats on ${s.target}`);
    if (clusters && s.syncGroupOffsets)
      out.line(
        `  sync.group.offsets.enabled: translated offsets are committed on ${s.target} for groups with no active member there`,
      );
  }
  return out.result();
}

function status(ctx: ToolContext, out: Output): CommandOutput {
  const { flows, downRegions } = ctx.read.production().mirror;
  if (flows.length === 0)
    return out
      .line('No MirrorMaker 2 flow runs. Start one with connect-mirror-maker.sh mm2.properties.')
      .result();
  for (const f of flows) {
    out.line(
      `Flow ${f.name}: ${f.status === 'running' ? 'running' : `stopped (region ${f.status === 'source-down' ? f.source : f.target} is down)`}, offset.lag.max=${f.offsetLagMax}${f.policy === 'identity' ? ', IdentityReplicationPolicy' : ''}${f.syncGroupOffsets ? ', sync.group.offsets.enabled' : ''}${f.heartbeats === null ? '' : `, ${f.heartbeats} heartbeat${f.heartbeats === 1 ? '' : 's'}`}`,
    );
    const rows = f.partitions.map((p) => [
      tp(p.topic, p.partition),
      tp(p.remoteTopic, p.partition),
      String(p.sourceEnd),
      String(p.mirroredUpTo),
      String(p.lag),
      p.syncs
        .map((x) => `${x.upstream}→${x.downstream}`)
        .slice(0, 3)
        .join(' ') || '-',
    ]);
    const head = ['SOURCE', 'REMOTE', 'SOURCE-END', 'MIRRORED', 'LAG', 'LATEST-SYNCS'];
    const widths = head.map((h, i) =>
      i === head.length - 1
        ? null
        : widthOf(
            h.length,
            rows.map((r) => r[i]),
          ),
    );
    out.line(columns(head, widths));
    for (const r of rows) out.line(columns(r, widths));
    if (f.checkpoints.length > 0) {
      out.line('Checkpoints:');
      for (const c of f.checkpoints)
        out.line(
          `  ${c.group} ${tp(c.topic, c.partition)} upstream ${c.upstreamOffset} → offset ${c.offset}`,
        );
    }
  }
  if (downRegions.length > 0) out.line(`Regions down: ${downRegions.join(', ')}`);
  return out.result();
}

/**
 * MirrorSourceMetrics as a JMX client lists them: one kafka.connect.mirror:type=MirrorSourceConnector bean per
 * target, remote topic and partition, with its record-count, record-age-ms* and replication-latency-ms*.
 */
function metrics(ctx: ToolContext, out: Output): CommandOutput {
  const { flows } = ctx.read.production().mirror;
  let beans = 0;
  for (const f of flows)
    for (const p of f.partitions) {
      const m = p.metrics;
      if (!m) continue;
      beans++;
      out.line(
        `kafka.connect.mirror:type=MirrorSourceConnector,target=${f.target},topic=${p.remoteTopic},partition=${p.partition}`,
      );
      const attrs: Array<[string, number]> = [
        ['record-count', m.recordCount],
        ['record-age-ms', m.recordAgeMs],
        ['record-age-ms-min', m.recordAgeMsMin],
        ['record-age-ms-max', m.recordAgeMsMax],
        ['record-age-ms-avg', m.recordAgeMsAvg],
        ['replication-latency-ms', m.replicationLatencyMs],
        ['replication-latency-ms-min', m.replicationLatencyMsMin],
        ['replication-latency-ms-max', m.replicationLatencyMsMax],
        ['replication-latency-ms-avg', m.replicationLatencyMsAvg],
      ];
      for (const [name, value] of attrs) out.line(`  ${name} = ${javaDouble(value)}`);
    }
  if (beans === 0)
    out.line(
      flows.length === 0
        ? 'No MirrorMaker 2 flow runs. Start one with connect-mirror-maker.sh mm2.properties.'
        : 'No record mirrored yet: MirrorSourceMetrics registers a partition’s metrics with its first record.',
    );
  return out.result();
}

/** Kafka metrics are doubles: JMX prints 512.0, 533.3333333333334. */
function javaDouble(v: number): string {
  return Number.isInteger(v) ? `${v}.0` : String(v);
}

function translate(args: string[], ctx: ToolContext, out: Output): CommandOutput {
  const parsed = parseLongOptions(args, [
    { name: 'group', arg: 'required', help: '' },
    { name: 'source', arg: 'required', help: '' },
    { name: 'execute', arg: 'none', help: '' },
  ]);
  if (parsed.kind === 'error') return out.fail(`mirror translate: ${parsed.message}`).result();
  const o = parsed.options;
  const group = o.value('group');
  const source = o.value('source');
  if (!group || !source)
    return out.fail('mirror translate: give --group GROUP and --source CLUSTER_ALIAS').result();
  const flows = ctx.read.production().mirror.flows;
  if (!flows.some((f) => f.source === source))
    return out
      .fail(
        `mirror translate: no MirrorMaker 2 flow comes from '${source}' (flows: ${flows.map((f) => f.name).join(', ') || 'none'})`,
      )
      .result();
  const offsets = ctx.read.translateOffsets(group, source);
  if (offsets.length === 0)
    return out
      .fail(
        `mirror translate: no checkpoint for group ${group} in ${source}.checkpoints.internal yet (checkpoints are emitted every 60 s for groups with committed offsets)`,
      )
      .result();
  const rows = offsets.map((x) => [tp(x.topic, x.partition), String(x.upstreamOffset), String(x.offset)]);
  const head = ['REMOTE-PARTITION', 'UPSTREAM-OFFSET', 'TRANSLATED-OFFSET'];
  const widths = [
    widthOf(
      head[0].length,
      rows.map((r) => r[0]),
    ),
    head[1].length,
    null,
  ];
  out.line(columns(head, widths));
  for (const r of rows) out.line(columns(r, widths));
  if (!o.has('execute'))
    return out.line('(dry run: add --execute to commit these offsets for the group)').result();
  // The translated offsets are the target cluster's: the group commits them there.
  const target = flows.find((f) => f.source === source)?.target ?? '';
  const port = (ctx.read.clusters() && ctx.port.onCluster(target)) || ctx.port;
  const r = port.commitGroupOffsets(
    group,
    offsets.map((x) => ({ topic: x.topic, partition: x.partition, offset: x.offset })),
  );
  if (!r.ok) return out.fail(errorText(r.error)).result();
  return out
    .line(
      `Committed for group ${group}: ${offsets.map((x) => `${tp(x.topic, x.partition)}=${x.offset}`).join(', ')}.`,
    )
    .result();
}

function runMirror(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const [verb, ...rest] = args;
  if (verb === 'status') return status(ctx, out);
  if (verb === 'translate') return translate(rest, ctx, out);
  if (verb === 'metrics') return metrics(ctx, out);
  return out
    .fail(
      `mirror: unknown action '${verb ?? ''}'. Use: mirror status | mirror metrics | mirror translate --group G --source ALIAS [--execute]`,
    )
    .result();
}

function runRegion(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const [verb, alias, ...rest] = args;
  if ((verb !== 'down' && verb !== 'up') || !alias || rest.length > 0)
    return out.fail('region: use region down ALIAS | region up ALIAS').result();
  if (verb === 'up') {
    const up = ctx.port.regionUp(alias);
    if (!up.ok) return out.fail(errorText(up.error)).result();
    return out
      .line(
        `Region ${alias} is back${up.data.length ? `: ${up.data.join(', ')} resume${up.data.length === 1 ? 's' : ''} where ${up.data.length === 1 ? 'it' : 'they'} stopped` : ''}. Its crashed consumers stay down until started again.`,
      )
      .result();
  }
  const r = ctx.port.regionDown(alias);
  if (!r.ok) return out.fail(errorText(r.error)).result();
  return out
    .line(`Region ${alias} is down: its cluster, producers and consumers are unreachable.`)
    .line(
      `${r.data} committed record${r.data === 1 ? ' was' : 's were'} not mirrored yet: lost to the other region (the RPO).`,
    )
    .result();
}

export const mirrorMakerTool: ToolDef = {
  name: 'connect-mirror-maker.sh',
  aliases: ['connect-mirror-maker'],
  summary: 'MirrorMaker 2: replicate topics and translate group offsets between regions.',
  usage:
    'connect-mirror-maker.sh mm2.properties   (clusters = east, west / east->west.enabled = true / east->west.topics = orders)',
  flags: ['--help'],
  scope: 'simulation',
  run: runMirrorMaker,
};

export const mirrorTool: ToolDef = {
  name: 'mirror',
  aliases: [],
  summary: 'MirrorMaker 2 flows: status, and RemoteClusterUtils.translateOffsets for a group.',
  usage: 'mirror status | mirror metrics | mirror translate --group G --source ALIAS [--execute]',
  flags: ['--group', '--source', '--execute'],
  subcommands: ['status', 'metrics', 'translate'],
  scope: 'simulation',
  run: runMirror,
};

export const regionTool: ToolDef = {
  name: 'region',
  aliases: [],
  summary: 'Disaster drill: lose a whole region (its cluster and clients).',
  usage: 'region down ALIAS | region up ALIAS',
  flags: [],
  subcommands: ['down', 'up'],
  scope: 'simulation',
  run: runRegion,
};
