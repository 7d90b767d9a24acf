// `promtool query instant [--time TIME] SERVER EXPR` and `promtool query range [--start S] [--end E] [--step D]
// SERVER EXPR` (Prometheus' cmd/promtool/query.go): HTTP clients of the query API (/api/v1/query and
// /api/v1/query_range), printing the result as prometheus/common's model values do: `metric{a="1", b="2"} => 3
// @[60]` per sample. Errors: `query error: <errorType>: <message>`, exit 1. `promtool check rules` is in
// promtoolRules.ts.
import { goFloatF } from '../../simulator';
import { type CommandOutput, Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';
import { parseRulesLint, runCheckRules } from './promtoolRules';

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

const USAGE = [
  'usage: promtool <command> [<flags>] [<args> ...]',
  '',
  'Tooling for the Prometheus monitoring system.',
  '',
  'Commands (in the simulation):',
  '  check rules [--lint=duplicate-rules|all|none] [--lint-fatal] <rule-files>...',
  '  query instant [--time=TIME] <server> <expr>',
  '  query range [--start=START] [--end=END] [--step=STEP] <server> <expr>',
].join('\n');

/** Go's time.ParseDuration (kingpin's Duration flag): units ns, us, µs, ms, s, m, h; "0" alone needs none. */
export function goDuration(s: string): { ok: true; ms: number } | { ok: false; error: string } {
  if (s === '0') return { ok: true, ms: 0 };
  const unit: Record<string, number> = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3,
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
  };
  const re = /(\d+(?:\.\d*)?|\.\d+)([^\d.]*)/y;
  let ms = 0;
  let i = 0;
  const body = s.replace(/^[+-]/, '');
  const quoted = JSON.stringify(s);
  if (body === '') return { ok: false, error: `time: invalid duration ${quoted}` };
  while (i < body.length) {
    re.lastIndex = i;
    const m = re.exec(body);
    if (!m) return { ok: false, error: `time: invalid duration ${quoted}` };
    if (!m[2]) return { ok: false, error: `time: missing unit in duration ${quoted}` };
    if (!(m[2] in unit))
      return { ok: false, error: `time: unknown unit ${JSON.stringify(m[2])} in duration ${quoted}` };
    ms += Number(m[1]) * unit[m[2]];
    i = re.lastIndex;
  }
  return { ok: true, ms: s.startsWith('-') ? -ms : ms };
}

/** promtool's parseTime: a float of Unix seconds, or RFC 3339; virtual time is Unix time from 0. */
function parseTime(s: string): number | null {
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s) * 1000;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s)) {
    const t = Date.parse(s);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

/** client_golang formats times and steps as seconds with Go's shortest 'f' formatting. */
const seconds = (ms: number) => goFloatF(ms / 1000);

type Flags = Record<string, string>;

/** kingpin's flag parsing for the query commands: --flag=value or --flag value, then the positionals. */
function parseArgs(
  rest: readonly string[],
  allowed: readonly string[],
): { ok: true; flags: Flags; positional: string[] } | { ok: false; error: string } {
  const flags: Flags = {};
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const eq = /^--([a-z-]+)=(.*)$/s.exec(a);
    const bare = /^--([a-z-]+)$/.exec(a);
    if (eq && allowed.includes(eq[1])) flags[eq[1]] = eq[2];
    else if (bare && allowed.includes(bare[1])) {
      const v = rest[++i];
      if (v === undefined) return { ok: false, error: `expected argument for flag '--${bare[1]}'` };
      flags[bare[1]] = v;
    } else if (a.startsWith('--')) return { ok: false, error: `unknown long flag '${a.split('=')[0]}'` };
    else if (a.startsWith('-') && a !== '-')
      return { ok: false, error: `unknown short flag '${a.slice(0, 2)}'` };
    else positional.push(a);
  }
  if (positional.length < 1) return { ok: false, error: "required argument 'server' not provided" };
  if (positional.length < 2) return { ok: false, error: "required argument 'expr' not provided" };
  if (positional.length > 2) return { ok: false, error: `unexpected ${positional[2]}` };
  return { ok: true, flags, positional };
}

const usageError = (out: Output, msg: string) => out.fail(`promtool: error: ${msg}, try --help`).result();

function runQuery(kind: 'instant' | 'range', rest: string[], ctx: ToolContext, out: Output): CommandOutput {
  const parsed = parseArgs(rest, kind === 'instant' ? ['time'] : ['start', 'end', 'step', 'header']);
  if (!parsed.ok) return usageError(out, parsed.error);
  const [server, expr] = parsed.positional;
  const url = /^(https?):\/\/([^/:]+)(?::(\d+))?\/?$/.exec(server);
  if (!url) return usageError(out, `invalid URL "${server}"`);
  const host = url[2];
  const port = Number(url[3] ?? (url[1] === 'https' ? 443 : 80));
  const apiPath = kind === 'instant' ? '/api/v1/query' : '/api/v1/query_range';
  const params: Record<string, string> = { query: expr };
  if (kind === 'instant') {
    if (parsed.flags.time !== undefined) {
      const t = parseTime(parsed.flags.time);
      if (t === null)
        return out
          .fail(
            `error parsing evaluation time: cannot parse ${JSON.stringify(parsed.flags.time)} to a valid timestamp`,
          )
          .result();
      params.time = seconds(t);
    }
  } else {
    // cmd/promtool/query.go QueryRange: end defaults to now, start to end − 5m, step to range/250 (≥ 1 s).
    let step = 0;
    if (parsed.flags.step !== undefined) {
      const d = goDuration(parsed.flags.step);
      if (!d.ok) return usageError(out, d.error);
      step = d.ms;
    }
    let end = ctx.read.now();
    if (parsed.flags.end !== undefined) {
      const t = parseTime(parsed.flags.end);
      if (t === null)
        return out
          .fail(
            `error parsing end time: cannot parse ${JSON.stringify(parsed.flags.end)} to a valid timestamp`,
          )
          .result();
      end = t;
    }
    let start = end - 5 * 60_000;
    if (parsed.flags.start !== undefined) {
      const t = parseTime(parsed.flags.start);
      if (t === null)
        return out
          .fail(
            `error parsing start time: cannot parse ${JSON.stringify(parsed.flags.start)} to a valid timestamp`,
          )
          .result();
      start = t;
    }
    if (!(start < end)) return out.fail('start time is not before end time').result();
    if (step === 0) step = Math.max(Math.floor((end - start) / 1000 / 250), 1) * 1000;
    Object.assign(params, { start: seconds(start), end: seconds(end), step: seconds(step) });
  }
  const api = `${url[1]}://${host}${url[3] ? `:${url[3]}` : ''}${apiPath}`;
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
  const res = endpoint.handle('GET', apiPath, params);
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

function runPromtool(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const [group, cmd, ...rest] = args;
  if (group === '--help' || group === '-h' || group === undefined) return out.line(USAGE).result();
  if (group === 'check') {
    if (cmd !== 'rules')
      return usageError(
        out,
        cmd === undefined ? 'expected command but got nothing' : `expected command but got "${cmd}"`,
      );
    // --lint (default duplicate-rules) and --lint-fatal, as kingpin takes them: --lint=X or --lint X.
    const files: string[] = [];
    let lintValue = 'duplicate-rules';
    let fatal = false;
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i];
      if (a === '--lint-fatal') fatal = true;
      else if (a.startsWith('--lint=')) lintValue = a.slice('--lint='.length);
      else if (a === '--lint') {
        if (rest[i + 1] === undefined) return usageError(out, "expected argument for flag '--lint'");
        lintValue = rest[++i];
      } else if (a.startsWith('-')) return usageError(out, `unknown long flag '${a}'`);
      else files.push(a);
    }
    const lint = parseRulesLint(lintValue, fatal, out);
    // Without files promtool reads the rules from standard input (checkRulesFromStdin).
    if (files.length === 0)
      return runCheckRules(null, () => (ctx.input ?? []).join('\n'), out, lint).result();
    return runCheckRules(files, (p) => ctx.read.file(p), out, lint).result();
  }
  if (group !== 'query') return usageError(out, `expected command but got "${group}"`);
  if (cmd !== 'instant' && cmd !== 'range')
    return usageError(
      out,
      cmd === undefined ? 'expected command but got nothing' : `expected command but got "${cmd}"`,
    );
  return runQuery(cmd, rest, ctx, out);
}

export const promtoolTool: ToolDef = {
  name: 'promtool',
  aliases: [],
  helpGroup: 'other',
  summary:
    "Prometheus' command-line tool: query instant / query range against the HTTP API, check rules on a rule file.",
  usage:
    'promtool query instant [--time TIME] http://localhost:9090 EXPR\npromtool query range [--start S] [--end E] [--step 15s] http://localhost:9090 EXPR\npromtool check rules [--lint=duplicate-rules|none] [--lint-fatal] FILE...',
  flags: ['--time', '--start', '--end', '--step', '--lint', '--lint-fatal'],
  subcommands: ['query', 'check'],
  readsStdin: (args) =>
    args[0] === 'check' && args[1] === 'rules' && args.slice(2).every((a) => a.startsWith('--lint')),
  run: runPromtool,
};
