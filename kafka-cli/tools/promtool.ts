// `promtool query instant [--time TIME] SERVER EXPR` (Prometheus' cmd/promtool): an HTTP client of the query API
// (POST /api/v1/query), printing the result as prometheus/common's model values do: `metric{a="1", b="2"} => 3
// @[60]` per sample. Errors: `query error: <errorType>: <message>`, exit 1.
import { goFloatF } from '../../simulator';
import { type CommandOutput, Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';

type Labels = Record<string, string>;

/** model.Metric#String: the name, then the other labels sorted as `k="v"` joined by ", " (`{}` when none). */
export function metricString(labels: Labels): string {
  const name = labels.__name__ ?? '';
  const rest = Object.keys(labels)
    .filter((k) => k !== '__name__')
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`);
  if (rest.length === 0) return name === '' ? '{}' : name;
  return `${name}{${rest.join(', ')}}`;
}

/** model.SamplePair#String: `value @[seconds]` (both with Go's shortest 'f' formatting). */
const pair = ([t, v]: [number, string]) => `${goFloatF(Number(v))} @[${goFloatF(t)}]`;

type ApiBody =
  | { status: 'success'; data: { resultType: string; result: unknown }; warnings?: string[] }
  | { status: 'error'; errorType: string; error: string };

function formatResult(data: { resultType: string; result: unknown }): string[] {
  switch (data.resultType) {
    case 'vector':
      return (data.result as Array<{ metric: Labels; value: [number, string] }>).map(
        (s) => `${metricString(s.metric)} => ${pair(s.value)}`,
      );
    case 'matrix':
      return (data.result as Array<{ metric: Labels; values: Array<[number, string]> }>).map(
        (s) => `${metricString(s.metric)} =>\n${s.values.map(pair).join('\n')}`,
      );
    case 'scalar':
      return [`scalar: ${pair(data.result as [number, string])}`];
    default:
      return [String((data.result as [number, string])[1])];
  }
}

const USAGE =
  'usage: promtool query instant [<flags>] <server> <expr>\n\nRun instant query.\n\nFlags:\n  --time=TIME  Query evaluation time (RFC3339 or Unix timestamp).';

function runPromtool(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const [group, cmd, ...rest] = args;
  if (group === '--help' || group === undefined) return out.line(USAGE).result();
  if (group !== 'query')
    return out.fail(`promtool: error: expected command but got "${group}", try --help`).result();
  if (cmd !== 'instant')
    return out
      .fail(
        `promtool: error: ${cmd === undefined ? 'expected command' : `unexpected ${cmd}`}; the simulation has: promtool query instant <server> <expr>`,
      )
      .result();
  let time: string | null = null;
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a.startsWith('--time=')) time = a.slice('--time='.length);
    else if (a === '--time') {
      time = rest[++i] ?? null;
      if (time === null)
        return out.fail("promtool: error: expected argument for flag '--time', try --help").result();
    } else if (a.startsWith('-') && a !== '-')
      return out.fail(`promtool: error: unknown long flag '${a}', try --help`).result();
    else positional.push(a);
  }
  if (positional.length < 1)
    return out.fail("promtool: error: required argument 'server' not provided, try --help").result();
  if (positional.length < 2)
    return out.fail("promtool: error: required argument 'expr' not provided, try --help").result();
  if (positional.length > 2)
    return out.fail(`promtool: error: unexpected ${positional[2]}, try --help`).result();
  const [server, expr] = positional;
  const url = /^(https?):\/\/([^/:]+)(?::(\d+))?\/?$/.exec(server);
  if (!url) return out.fail(`promtool: error: invalid URL "${server}", try --help`).result();
  const host = url[2];
  const port = Number(url[3] ?? (url[1] === 'https' ? 443 : 80));
  const api = `${url[1]}://${host}${url[3] ? `:${url[3]}` : ''}/api/v1/query`;
  const ip = host === 'localhost' ? '127.0.0.1' : host;
  const endpoint = ctx.read.monitoring().http(host, port);
  if (endpoint === null || endpoint.kind !== 'http')
    return out
      .fail(
        endpoint?.kind === 'unknown-host'
          ? `query error: Post "${api}": dial tcp: lookup ${host}: no such host`
          : `query error: Post "${api}": dial tcp ${ip}:${port}: connect: connection refused`,
      )
      .result();
  const res = endpoint.handle(
    'GET',
    '/api/v1/query',
    time === null ? { query: expr } : { query: expr, time },
  );
  let body: ApiBody;
  try {
    body = JSON.parse(res.body) as ApiBody;
  } catch {
    return out.fail(`query error: server returned HTTP status ${res.status}`).result();
  }
  if (body.status === 'error') return out.fail(`query error: ${body.errorType}: ${body.error}`).result();
  for (const w of body.warnings ?? []) out.warn(`Warning: ${w}`);
  for (const l of formatResult(body.data)) out.line(l);
  return out.result();
}

export const promtoolTool: ToolDef = {
  name: 'promtool',
  aliases: [],
  helpGroup: 'other',
  summary: "Prometheus' command-line tool: promtool query instant SERVER EXPR runs a PromQL query.",
  usage: 'promtool query instant [--time TIME] http://localhost:9090 EXPR',
  flags: ['--time'],
  subcommands: ['query'],
  run: runPromtool,
};
