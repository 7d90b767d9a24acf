// kubectl against the simulated Strimzi cluster `my-cluster` (node pools `controller` and `broker`, pods
// <cluster>-<pool>-<node id>). Exactly two verbs:
//   kubectl annotate strimzipodset|pod NAME strimzi.io/manual-rolling-update="true"
//     (Strimzi's manual rolling update: the cluster operator rolls the pods in KafkaRoller's order)
//   kubectl get pods   (the simulation prints NAME, READY and STATUS)
import { columns, widthOf } from '../format';
import { errorText } from '../kafkaErrors';
import { type CommandOutput, Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';

const ANNOTATION = 'strimzi.io/manual-rolling-update';
const CLUSTER = 'my-cluster';
const PODSET_KINDS = new Set(['strimzipodset', 'strimzipodsets', 'sps', 'strimzipodset.core.strimzi.io']);
const POD_KINDS = new Set(['pod', 'pods', 'po']);

const podsOf = (ctx: ToolContext) => ctx.read.production().pods;

function annotate(args: string[], ctx: ToolContext, out: Output): CommandOutput {
  const [kindRaw, name, ...annotations] = args;
  const kind = (kindRaw ?? '').toLowerCase();
  if (!kind || !name)
    return out.fail('error: you must specify the type of resource to annotate and its name').result();
  const isPodSet = PODSET_KINDS.has(kind);
  if (!isPodSet && !POD_KINDS.has(kind))
    return out
      .fail(
        `error: the server doesn't have a resource type "${kindRaw}" (the simulation knows strimzipodset and pod)`,
      )
      .result();
  if (annotations.length === 0) return out.fail('error: at least one annotation update is required').result();
  const pods = podsOf(ctx);
  const sets = [`${CLUSTER}-broker`, `${CLUSTER}-controller`];
  if (isPodSet && !sets.includes(name))
    return out
      .fail(`Error from server (NotFound): strimzipodsets.core.strimzi.io "${name}" not found`)
      .result();
  const pod = pods.find((p) => p.name === name);
  if (!isPodSet && !pod) return out.fail(`Error from server (NotFound): pods "${name}" not found`).result();
  const roll = annotations.some((a) => a === `${ANNOTATION}=true`);
  const bad = annotations.find((a) => !/^[A-Za-z0-9./_-]+(=.*|-)$/.test(a));
  if (bad) return out.fail(`error: invalid annotation format: ${bad}`).result();
  const label = isPodSet ? `strimzipodset.core.strimzi.io/${name}` : `pod/${name}`;
  if (roll) {
    const scope = isPodSet
      ? name.endsWith('-broker')
        ? ({ kind: 'brokers' } as const)
        : ({ kind: 'controllers' } as const)
      : ({ kind: 'node', id: pod?.id ?? -1 } as const);
    const r = ctx.port.rollingRestart(scope, `${ANNOTATION}=true on ${label}`);
    if (!r.ok) return out.fail(errorText(r.error)).result();
    out.line(`${label} annotated`);
    out.warn(
      `(simulation) the cluster operator rolls ${r.data.map((id) => pods.find((p) => p.id === id)?.name ?? id).join(' → ')}; advance the clock to watch it.`,
    );
    return out.result();
  }
  return out.line(`${label} annotated`).result();
}

function get(args: string[], ctx: ToolContext, out: Output): CommandOutput {
  const [kind] = args;
  if (!kind || !POD_KINDS.has(kind.toLowerCase()))
    return out.fail(`error: the simulation answers kubectl get pods only (got '${kind ?? ''}')`).result();
  const pods = podsOf(ctx);
  const rows = pods.map((p) => [p.name, p.ready ? '1/1' : '0/1', p.status]);
  const widths = [
    widthOf(
      4,
      rows.map((r) => r[0]),
    ) + 2,
    7,
    null,
  ];
  out.line(columns(['NAME', 'READY', 'STATUS'], widths).trimEnd());
  for (const r of rows) out.line(columns(r, widths).trimEnd());
  return out.result();
}

function runKubectl(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const [verb, ...rest] = args;
  const positional = rest.filter((a) => !a.startsWith('-'));
  switch (verb) {
    case 'annotate':
      return annotate(positional, ctx, out);
    case 'get':
      return get(positional, ctx, out);
    default:
      return out
        .fail(
          `error: unknown command "${verb ?? ''}" for "kubectl" (the simulation knows annotate and get pods)`,
        )
        .result();
  }
}

export const kubectlTool: ToolDef = {
  name: 'kubectl',
  aliases: [],
  summary: 'Kubernetes with Strimzi: annotate a StrimziPodSet or pod for a rolling restart; list the pods.',
  usage:
    'kubectl annotate strimzipodset my-cluster-broker strimzi.io/manual-rolling-update="true"\n' +
    'kubectl annotate pod my-cluster-broker-2 strimzi.io/manual-rolling-update="true"\n' +
    "kubectl get pods   (NAME, READY and STATUS of my-cluster's pods)",
  flags: [],
  subcommands: ['annotate', 'get'],
  run: runKubectl,
};
