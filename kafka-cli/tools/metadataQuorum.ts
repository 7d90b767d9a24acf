// kafka-metadata-quorum.sh — MetadataQuorumCommand (Kafka 4.0): `describe --status` and `describe --replication`
// over the simulated KRaft quorum (DescribeQuorum, KIP-595 / KIP-836). The simulation's quorum is static
// (controller.quorum.voters, kraft.version 0), so directory ids are absent and add/remove-controller (KIP-853)
// are refused with that reason.

import { type ArgSpec, parseSubcommandArgs, prettyPrintTable, usageError } from '../argparse';
import { type CommandOutput, Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';
import { adminException, passGate } from './securityGate';

const PROG = 'kafka-metadata-quorum';
const USAGE =
  '[-h] (--bootstrap-server BOOTSTRAP_SERVER | --bootstrap-controller BOOTSTRAP_CONTROLLER) [--command-config COMMAND_CONFIG] {describe,add-controller,remove-controller} ...';
const GLOBAL: ArgSpec[] = [
  { name: 'bootstrap-server', kind: 'value' },
  { name: 'bootstrap-controller', kind: 'value' },
  { name: 'command-config', kind: 'value' },
];
const COMMANDS = [
  {
    name: 'describe',
    args: [
      { name: 'status', kind: 'switch' },
      { name: 'replication', kind: 'switch' },
      { name: 'human-readable', kind: 'switch' },
    ],
  },
  { name: 'add-controller', args: [{ name: 'dry-run', kind: 'switch' }] },
  {
    name: 'remove-controller',
    args: [
      { name: 'controller-id', kind: 'value', type: 'int' },
      { name: 'controller-directory-id', kind: 'value' },
      { name: 'dry-run', kind: 'switch' },
    ],
  },
] as const satisfies ReadonlyArray<{ name: string; args: readonly ArgSpec[] }>;

/** Uuid.ZERO_UUID as Uuid#toString prints it: a static quorum's voters have no directory id. */
const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';

/** Errors.NOT_LEADER_OR_FOLLOWER: KafkaRaftClient answers DescribeQuorum so when it is not the leader. */
const NO_LEADER =
  'org.apache.kafka.common.errors.NotLeaderOrFollowerException: For requests intended only for the leader, this error indicates that the broker is not the current leader. For requests intended for any replica, this error indicates that the broker is not a replica of the topic partition.';

function describeQuorum(
  ctx: ToolContext,
  status: boolean,
  replication: boolean,
  human: boolean,
  out: Output,
): CommandOutput {
  if (status && replication)
    return out
      .fail('Only one of --status or --replication should be specified with describe sub-command')
      .result();
  if (!status && !replication)
    return out.fail('One of --status or --replication must be specified with describe sub-command').result();
  if (status && human)
    return out.fail('The option --human-readable is only supported along with --replication').result();
  const q = ctx.read.quorum();
  const leader = q.replicas.find((r) => r.nodeId === q.leaderId);
  if (q.leaderId === null || !leader) return out.fail(NO_LEADER).result();
  const voters = q.replicas.filter((r) => r.role === 'voter');
  const observers = q.replicas.filter((r) => r.role === 'observer');
  if (replication) {
    const now = ctx.read.now();
    const ts = (t: number) => (human ? `${now - t} ms ago` : String(t));
    const row = (r: (typeof q.replicas)[number], role: string) => [
      String(r.nodeId),
      ZERO_UUID,
      String(r.logEndOffset),
      String(leader.logEndOffset - r.logEndOffset),
      ts(r.lastFetchTimestamp),
      ts(r.lastCaughtUpTimestamp),
      role,
    ];
    const rows = [
      row(leader, 'Leader'),
      ...voters.filter((v) => v.nodeId !== leader.nodeId).map((v) => row(v, 'Follower')),
      ...observers.map((o) => row(o, 'Observer')),
    ];
    const headers = [
      'NodeId',
      'DirectoryId',
      'LogEndOffset',
      'Lag',
      'LastFetchTimestamp',
      'LastCaughtUpTimestamp',
      'Status',
    ];
    return out.line(prettyPrintTable(headers, rows)).result();
  }
  // The voter with the smallest log end offset (the first on a tie, as Stream#min keeps it).
  const maxLag = voters.reduce((a, b) => (b.logEndOffset < a.logEndOffset ? b : a));
  const lagTime = maxLag === leader ? 0 : leader.lastCaughtUpTimestamp - maxLag.lastCaughtUpTimestamp;
  const node = (r: (typeof q.replicas)[number]) =>
    r.endpoint
      ? `{"id": ${r.nodeId}, "directoryId": null, "endpoints": ["${r.endpoint}"]}`
      : `{"id": ${r.nodeId}, "directoryId": null}`;
  return out
    .line(`ClusterId:              ${ctx.read.clusterId()}`)
    .line(`LeaderId:               ${q.leaderId}`)
    .line(`LeaderEpoch:            ${q.epoch}`)
    .line(`HighWatermark:          ${q.highWatermark}`)
    .line(`MaxFollowerLag:         ${leader.logEndOffset - maxLag.logEndOffset}`)
    .line(`MaxFollowerLagTimeMs:   ${lagTime}`)
    .line(`CurrentVoters:          [${voters.map(node).join(', ')}]`)
    .line(`CurrentObservers:       [${observers.map(node).join(', ')}]`)
    .result();
}

export function runMetadataQuorum(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  if (args.includes('-h') || args.includes('--help'))
    return out
      .line(`usage: ${PROG} ${USAGE}`)
      .line('')
      .line('This tool describes kraft metadata quorum status.')
      .result();
  const parsed = parseSubcommandArgs(args, GLOBAL, COMMANDS);
  if (!parsed.ok) return out.fail(usageError(PROG, USAGE, parsed.message)).result();
  if (parsed.global.has('bootstrap-server') && parsed.global.has('bootstrap-controller'))
    return out
      .fail(
        usageError(
          PROG,
          USAGE,
          'argument --bootstrap-controller: not allowed with argument --bootstrap-server',
        ),
      )
      .result();
  if (parsed.command === null) return out.fail(usageError(PROG, USAGE, 'too few arguments')).result();
  const configFile = parsed.global.get('command-config');
  if (typeof configFile === 'string' && ctx.read.file(configFile) === null)
    return out.fail(`Properties file ${configFile} does not exists!`).result();
  if (parsed.command === 'describe') {
    // Admin#describeMetadataQuorum: DescribeQuorum needs DESCRIBE on the Cluster
    // (ControllerApis#handleDescribeQuorum); mainNoExit prints the ExecutionException's message and its trace.
    const bs = parsed.global.get('bootstrap-server') ?? parsed.global.get('bootstrap-controller');
    const gate = passGate(
      ctx,
      null,
      {
        clientId: 'adminclient-1',
        kind: 'admin',
        commandConfig: typeof configFile === 'string' ? configFile : null,
        bootstrapServer: typeof bs === 'string' ? bs : null,
      },
      [{ api: 'DescribeQuorum' }],
    );
    if (!gate.ok) {
      const e = adminException(gate);
      return out.fail(e).fail(`java.util.concurrent.ExecutionException: ${e}`).result();
    }
    return describeQuorum(
      ctx,
      parsed.args.has('status'),
      parsed.args.has('replication'),
      parsed.args.has('human-readable'),
      out,
    );
  }
  return out
    .fail(
      `${parsed.command}: the simulated quorum is static (controller.quorum.voters, kraft.version 0); adding and removing controllers needs a dynamic quorum (KIP-853), which the simulation does not model.`,
    )
    .result();
}

export const metadataQuorumTool: ToolDef = {
  name: 'kafka-metadata-quorum.sh',
  aliases: ['kafka-metadata-quorum'],
  summary: 'Describe the KRaft controller quorum: leader, epoch, high watermark, voters and observers.',
  usage:
    'kafka-metadata-quorum.sh --bootstrap-server localhost:9092 describe --status | --replication [--human-readable]',
  flags: [
    '--bootstrap-server',
    '--bootstrap-controller',
    '--command-config',
    '--status',
    '--replication',
    '--human-readable',
  ],
  subcommands: ['describe'],
  run: runMetadataQuorum,
};
