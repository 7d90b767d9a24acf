// Simulation command for network faults between producers and brokers (not a Kafka tool). Exactly:
//   network drop-next request|response [--producer NAME] [--count N]   (deterministic: lose the next ones)
//   network loss [--request-rate R] [--response-rate R]                 (seeded random loss, 0..1; 0 0 = off)
//   network status

import { parseIntStrict } from '../format';
import { errorText } from '../kafkaErrors';
import { parseLongOptions } from '../options';
import { type CommandOutput, Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';

const VERBS = ['drop-next', 'loss', 'status'] as const;
const USAGE =
  'network drop-next request|response [--producer NAME] [--count N] | ' +
  'network loss [--request-rate R] [--response-rate R] | network status';

const pct = (rate: number): string => `${Math.round(rate * 1000) / 10}%`;

function parseRate(text: string | undefined, flag: string): number | string | undefined {
  if (text === undefined) return undefined;
  const v = /^(?:\d+(?:\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
  if (!(v >= 0 && v <= 1)) return `network loss: ${flag} must be a number between 0 and 1, got '${text}'`;
  return v;
}

function dropNext(args: string[], ctx: ToolContext, out: Output): CommandOutput {
  const [what, ...rest] = args;
  if (what !== 'request' && what !== 'response')
    return out
      .fail(`network drop-next: say what to lose: request or response (got '${what ?? ''}')`)
      .result();
  const parsed = parseLongOptions(rest, [
    { name: 'producer', arg: 'required', help: '' },
    { name: 'count', arg: 'required', help: '' },
  ]);
  if (parsed.kind === 'error') return out.fail(`network drop-next: ${parsed.message}`).result();
  const o = parsed.options;
  if (o.nonOptions.length > 0)
    return out.fail(`network drop-next: unexpected argument '${o.nonOptions[0]}'`).result();
  const countText = o.value('count');
  const count = countText === undefined ? 1 : parseIntStrict(countText);
  if (count === null || count < 1 || count > 1000)
    return out
      .fail(`network drop-next: --count must be a whole number from 1 to 1000, got '${countText}'`)
      .result();
  const producer = o.value('producer') ?? null;
  if (producer !== null && !ctx.port.clientNames('producer').includes(producer))
    return out
      .fail(`network drop-next: no producer named '${producer}' (create it with producer create)`)
      .result();
  const res = ctx.port.dropNext(what, producer, count);
  if (!res.ok) return out.fail(`${errorText(res.error)}`).result();
  const whom = producer === null ? 'any producer' : `producer ${producer}`;
  const noun = what === 'request' ? 'produce request' : 'produce response';
  return out
    .line(`The next ${count === 1 ? noun : `${count} ${noun}s`} from ${whom} will be lost on the network.`)
    .result();
}

function loss(args: string[], ctx: ToolContext, out: Output): CommandOutput {
  const parsed = parseLongOptions(args, [
    { name: 'request-rate', arg: 'required', help: '' },
    { name: 'response-rate', arg: 'required', help: '' },
  ]);
  if (parsed.kind === 'error') return out.fail(`network loss: ${parsed.message}`).result();
  const o = parsed.options;
  if (o.nonOptions.length > 0)
    return out.fail(`network loss: unexpected argument '${o.nonOptions[0]}'`).result();
  if (!o.has('request-rate') && !o.has('response-rate'))
    return out.fail('network loss: give --request-rate R and/or --response-rate R (0 to 1)').result();
  const req = parseRate(o.value('request-rate'), '--request-rate');
  if (typeof req === 'string') return out.fail(req).result();
  const resp = parseRate(o.value('response-rate'), '--response-rate');
  if (typeof resp === 'string') return out.fail(resp).result();
  const res = ctx.port.setNetworkLoss(req, resp);
  if (!res.ok) return out.fail(`${errorText(res.error)}`).result();
  const n = ctx.read.network();
  if (n.requestLossRate === 0 && n.responseLossRate === 0)
    return out.line('Random network loss is off.').result();
  return out
    .line(
      `Random network loss: ${pct(n.requestLossRate)} of produce requests, ${pct(n.responseLossRate)} of responses (seeded).`,
    )
    .result();
}

function status(args: string[], ctx: ToolContext, out: Output): CommandOutput {
  if (args.length > 0) return out.fail(`network status: unexpected argument '${args[0]}'`).result();
  const n = ctx.read.network();
  out.line(
    `Random loss: ${pct(n.requestLossRate)} of produce requests, ${pct(n.responseLossRate)} of responses.`,
  );
  if (n.pendingDrops.length === 0) return out.line('No drops pending.').result();
  for (const d of n.pendingDrops)
    out.line(
      `Pending: drop the next ${d.remaining} produce ${d.what}${d.remaining === 1 ? '' : 's'} from ${d.producer === null ? 'any producer' : `producer ${d.producer}`}.`,
    );
  return out.result();
}

function runNetwork(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const [verb, ...rest] = args;
  switch (verb) {
    case 'drop-next':
      return dropNext(rest, ctx, out);
    case 'loss':
      return loss(rest, ctx, out);
    case 'status':
      return status(rest, ctx, out);
    default:
      return out.fail(`network: unknown action '${verb ?? ''}'. Use: ${USAGE}`).result();
  }
}

export const networkTool: ToolDef = {
  name: 'network',
  aliases: [],
  summary: 'Lose produce requests or responses on the network (deterministic or seeded random).',
  usage:
    'network drop-next request|response [--producer NAME] [--count N]\n' +
    'network loss [--request-rate R] [--response-rate R]    (0 to 1; both 0 turns loss off)\n' +
    'network status',
  flags: ['--producer', '--count', '--request-rate', '--response-rate'],
  subcommands: [...VERBS],
  run: runNetwork,
};
