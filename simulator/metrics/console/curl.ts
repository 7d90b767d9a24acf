// `curl` for the monitoring endpoints: argument parsing into a request (curl's own error texts and exit codes)
// and execution against an endpoint resolver. HTTP only; -s -S -f -i -G -X -d --data-urlencode -H -L accepted.
import type { Endpoint, ToolOutput } from './types';

export type CurlRequest = {
  method: string;
  host: string;
  port: number;
  path: string;
  query: Record<string, string>;
  silent: boolean;
  showError: boolean;
  fail: boolean;
  include: boolean;
};

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";

function usage(message: string, exitCode = 2): { ok: false; out: ToolOutput } {
  return { ok: false, out: { stdout: '', stderr: `curl: ${message}\n${TRY}`, exitCode } };
}

const WITH_ARG = new Set([
  '-X',
  '--request',
  '-d',
  '--data',
  '--data-raw',
  '--data-urlencode',
  '-H',
  '--header',
  '-o',
  '--output',
  '-m',
  '--max-time',
  '-w',
  '--write-out',
  '-u',
  '--user',
  '-A',
  '--user-agent',
]);
const FLAGS = new Set([
  '-s',
  '--silent',
  '-S',
  '--show-error',
  '-f',
  '--fail',
  '-i',
  '--include',
  '-G',
  '--get',
  '-L',
  '--location',
  '-k',
  '--insecure',
  '--compressed',
  '-v',
  '--verbose',
  '-g',
  '--globoff',
]);

function decodeQuery(q: string, into: Record<string, string>): void {
  for (const part of q.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const k = eq < 0 ? part : part.slice(0, eq);
    const v = eq < 0 ? '' : part.slice(eq + 1);
    try {
      into[decodeURIComponent(k.replace(/\+/g, ' '))] = decodeURIComponent(v.replace(/\+/g, ' '));
    } catch {
      into[k] = v;
    }
  }
}

/** `--data-urlencode name=content`: the content is URL-encoded (curl's rules for `=content` and `name=content`). */
function urlencodeData(d: string): string {
  const eq = d.indexOf('=');
  if (eq < 0) return encodeURIComponent(d);
  return `${d.slice(0, eq)}=${encodeURIComponent(d.slice(eq + 1))}`;
}

export function parseCurlArgs(
  tokens: readonly string[],
): { ok: true; request: CurlRequest } | { ok: false; out: ToolOutput } {
  let method: string | null = null;
  let url: string | null = null;
  const data: string[] = [];
  let get = false;
  const req = { silent: false, showError: false, fail: false, include: false };
  const expanded: string[] = [];
  for (const t of tokens) {
    // Combined short flags: -sS, -sf, -sG.
    if (/^-[a-zA-Z]{2,}$/.test(t) && [...t.slice(1)].every((c) => FLAGS.has(`-${c}`)))
      for (const c of t.slice(1)) expanded.push(`-${c}`);
    else expanded.push(t);
  }
  for (let i = 0; i < expanded.length; i++) {
    const t = expanded[i];
    if (t.startsWith('-') && t.length > 1) {
      if (WITH_ARG.has(t)) {
        const v = expanded[++i];
        if (v === undefined) return usage(`option ${t}: requires parameter`);
        if (t === '-X' || t === '--request') method = v;
        else if (t === '-d' || t === '--data' || t === '--data-raw') data.push(v);
        else if (t === '--data-urlencode') data.push(urlencodeData(v));
        continue;
      }
      if (!FLAGS.has(t)) return usage(`option ${t}: is unknown`);
      if (t === '-s' || t === '--silent') req.silent = true;
      if (t === '-S' || t === '--show-error') req.showError = true;
      if (t === '-f' || t === '--fail') req.fail = true;
      if (t === '-i' || t === '--include') req.include = true;
      if (t === '-G' || t === '--get') get = true;
      continue;
    }
    if (url !== null) continue; // curl fetches every URL given; the simulation takes the first
    url = t;
  }
  if (url === null) return usage('no URL specified!');
  let rest = url;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(rest);
  if (scheme) {
    if (scheme[1].toLowerCase() !== 'http')
      return {
        ok: false,
        out: {
          stdout: '',
          stderr: req.silent && !req.showError ? '' : `curl: (1) Protocol "${scheme[1]}" not supported\n`,
          exitCode: 1,
        },
      };
    rest = rest.slice(scheme[0].length);
  }
  const slash = rest.search(/[/?]/);
  const hostPort = slash < 0 ? rest : rest.slice(0, slash);
  let pathAndQuery = slash < 0 ? '/' : rest.slice(slash);
  if (!pathAndQuery.startsWith('/')) pathAndQuery = `/${pathAndQuery}`;
  const m = /^([a-zA-Z0-9.-]+)(?::(\d*))?$/.exec(hostPort);
  if (!m || m[1] === '')
    return {
      ok: false,
      out: { stdout: '', stderr: 'curl: (3) URL rejected: Malformed input to a URL function\n', exitCode: 3 },
    };
  const port = m[2] === undefined || m[2] === '' ? 80 : Number(m[2]);
  if (port > 65535)
    return {
      ok: false,
      out: {
        stdout: '',
        stderr: 'curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535\n',
        exitCode: 3,
      },
    };
  const q = pathAndQuery.indexOf('?');
  const path = q < 0 ? pathAndQuery : pathAndQuery.slice(0, q);
  const query: Record<string, string> = {};
  if (q >= 0) decodeQuery(pathAndQuery.slice(q + 1), query);
  for (const d of data) decodeQuery(d, query);
  const finalMethod = method ?? (data.length > 0 && !get ? 'POST' : 'GET');
  return { ok: true, request: { method: finalMethod, host: m[1].toLowerCase(), port, path, query, ...req } };
}

const REASONS: Record<number, string> = {
  200: 'OK',
  204: 'No Content',
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  422: 'Unprocessable Entity',
  503: 'Service Unavailable',
};

/** Run a parsed request against whatever the resolver says listens at host:port. */
export function executeCurl(req: CurlRequest, resolve: (host: string, port: number) => Endpoint): ToolOutput {
  const quietErrors = req.silent && !req.showError;
  const ep = resolve(req.host, req.port);
  if (ep.kind === 'unknown-host')
    return {
      stdout: '',
      stderr: quietErrors ? '' : `curl: (6) Could not resolve host: ${req.host}\n`,
      exitCode: 6,
    };
  if (ep.kind === 'refused')
    return {
      stdout: '',
      stderr: quietErrors
        ? ''
        : `curl: (7) Failed to connect to ${req.host} port ${req.port} after 0 ms: Couldn't connect to server\n`,
      exitCode: 7,
    };
  const res = ep.handle(req.method, req.path, req.query);
  if (req.fail && res.status >= 400)
    return {
      stdout: '',
      stderr: quietErrors ? '' : `curl: (22) The requested URL returned error: ${res.status}\n`,
      exitCode: 22,
    };
  const head = req.include
    ? `HTTP/1.1 ${res.status} ${REASONS[res.status] ?? ''}\r\nContent-Type: ${res.contentType}\r\n\r\n`
    : '';
  return { stdout: head + res.body, stderr: '', exitCode: 0 };
}

export function runCurl(
  tokens: readonly string[],
  resolve: (host: string, port: number) => Endpoint,
): ToolOutput {
  const parsed = parseCurlArgs(tokens);
  if (!parsed.ok) return parsed.out;
  return executeCurl(parsed.request, resolve);
}
