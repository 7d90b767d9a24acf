// curl, for the HTTP services a lesson runs beside the cluster (Connect's REST API on 8083, Schema Registry on
// 8081, a Prometheus endpoint…). One parser for every service; each service answers a plain HttpRequest.
// Messages and exit codes are curl 8's: (6) unknown host, (7) nothing listening, (22) --fail on a status ≥ 400,
// (2) a usage error, (3) a malformed URL, (1) an unsupported protocol.

import { HTTP_SERVICES } from '../http/services';
import type { HttpMethod, HttpRequest, HttpResponse, HttpService } from '../http/types';
import type { CommandOutput } from '../output';
import type { ToolContext, ToolDef } from '../tool';

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information";

const WITH_VALUE = new Set([
  '-X',
  '--request',
  '-H',
  '--header',
  '-d',
  '--data',
  '--data-raw',
  '--data-binary',
  '--data-urlencode',
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
  '--json',
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
const METHODS: readonly HttpMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

export type CurlInvocation = {
  readonly request: HttpRequest;
  readonly host: string;
  readonly port: number;
  readonly silent: boolean;
  readonly showError: boolean;
  readonly fail: boolean;
  readonly include: boolean;
};

export type CurlParse = { ok: true; curl: CurlInvocation } | { ok: false; output: CommandOutput };

const usage = (message: string): CurlParse => ({
  ok: false,
  output: { stdout: '', stderr: `curl: ${message}\n${TRY}`, exitCode: 2 },
});

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

/** `--data-urlencode name=content` encodes the content only (curl's rule for `name=content`). */
function urlencodeData(d: string): string {
  const eq = d.indexOf('=');
  return eq < 0 ? encodeURIComponent(d) : `${d.slice(0, eq)}=${encodeURIComponent(d.slice(eq + 1))}`;
}

/** Splits combined short flags as curl does: `-sS`, `-sf`, `-si`. */
function expandShortFlags(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (/^-[a-zA-Z]{2,}$/.test(t) && [...t.slice(1)].every((c) => FLAGS.has(`-${c}`)))
      for (const c of t.slice(1)) out.push(`-${c}`);
    else out.push(t);
  }
  return out;
}

/** Parses curl's arguments (after `curl`). `-d @file` reads a scratch file written with `cat > file <<EOF`. */
export function parseCurl(tokens: readonly string[], readFile: (path: string) => string | null): CurlParse {
  let method: string | null = null;
  let url: string | null = null;
  const data: string[] = [];
  const headers: Record<string, string> = {};
  let get = false;
  let json = false;
  const flags = { silent: false, showError: false, fail: false, include: false };
  const args = expandShortFlags(tokens);
  for (let i = 0; i < args.length; i++) {
    const t = args[i];
    if (!(t.startsWith('-') && t.length > 1)) {
      if (url === null) url = t; // curl fetches every URL given; the console takes the first
      continue;
    }
    if (!WITH_VALUE.has(t)) {
      if (!FLAGS.has(t)) return usage(`option ${t}: is unknown`);
      if (t === '-s' || t === '--silent') flags.silent = true;
      else if (t === '-S' || t === '--show-error') flags.showError = true;
      else if (t === '-f' || t === '--fail') flags.fail = true;
      else if (t === '-i' || t === '--include') flags.include = true;
      else if (t === '-G' || t === '--get') get = true;
      continue;
    }
    const v = args[++i];
    if (v === undefined) return usage(`option ${t}: requires parameter`);
    if (t === '-X' || t === '--request') method = v;
    else if (t === '-H' || t === '--header') {
      const colon = v.indexOf(':');
      if (colon > 0) headers[v.slice(0, colon).trim().toLowerCase()] = v.slice(colon + 1).trim();
    } else if (t === '--data-urlencode') data.push(urlencodeData(v));
    else if (t === '-d' || t === '--data' || t === '--data-binary' || t === '--json') {
      if (t === '--json') json = true;
      if (v.startsWith('@')) {
        const text = readFile(v.slice(1));
        if (text === null) {
          // curl warns and sends an empty body when the file cannot be read
          data.push('');
          continue;
        }
        // -d strips newlines from a file's content; --data-binary and --json keep them
        data.push(t === '-d' || t === '--data' ? text.replace(/[\r\n]/g, '') : text);
      } else data.push(v);
    } else if (t === '--data-raw') data.push(v);
  }
  if (url === null) return usage('no URL specified!');
  const parsedUrl = parseUrl(url, flags.silent && !flags.showError);
  if (!parsedUrl.ok) return parsedUrl;
  const { host, port, path, query } = parsedUrl;
  let body: string | null = null;
  if (get) decodeQuery(data.join('&'), query);
  else if (data.length > 0) body = data.join('&');
  if (body !== null && !('content-type' in headers))
    headers['content-type'] = json ? 'application/json' : 'application/x-www-form-urlencoded';
  if (json && !('accept' in headers)) headers.accept = 'application/json';
  const verb = (method ?? (body !== null ? 'POST' : 'GET')).toUpperCase();
  if (!(METHODS as readonly string[]).includes(verb)) return usage(`unsupported method ${verb}`);
  return {
    ok: true,
    curl: {
      request: { method: verb as HttpMethod, path, query, headers, body },
      host,
      port,
      ...flags,
    },
  };
}

type UrlParts = { ok: true; host: string; port: number; path: string; query: Record<string, string> };

function parseUrl(url: string, quiet: boolean): UrlParts | { ok: false; output: CommandOutput } {
  const failWith = (code: number, message: string) => ({
    ok: false as const,
    output: { stdout: '', stderr: quiet ? '' : `curl: (${code}) ${message}`, exitCode: code },
  });
  let rest = url;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(rest);
  if (scheme) {
    const s = scheme[1].toLowerCase();
    if (s === 'https')
      return failWith(35, 'OpenSSL/3.0.15: error:0A00010B:SSL routines::wrong version number');
    if (s !== 'http') return failWith(1, `Protocol "${scheme[1]}" not supported`);
    rest = rest.slice(scheme[0].length);
  }
  const slash = rest.search(/[/?]/);
  const hostPort = slash < 0 ? rest : rest.slice(0, slash);
  let pathAndQuery = slash < 0 ? '/' : rest.slice(slash);
  if (!pathAndQuery.startsWith('/')) pathAndQuery = `/${pathAndQuery}`;
  const m = /^([a-zA-Z0-9.-]+)(?::(\d*))?$/.exec(hostPort);
  if (!m) return failWith(3, 'URL rejected: Malformed input to a URL function');
  const port = m[2] === undefined || m[2] === '' ? 80 : Number(m[2]);
  if (port > 65535)
    return failWith(3, 'URL rejected: Port number was not a decimal number between 0 and 65535');
  const q = pathAndQuery.indexOf('?');
  const query: Record<string, string> = {};
  if (q >= 0) decodeQuery(pathAndQuery.slice(q + 1), query);
  return {
    ok: true,
    host: m[1].toLowerCase(),
    port,
    path: q < 0 ? pathAndQuery : pathAndQuery.slice(0, q),
    query,
  };
}

const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The status line and headers `-i` prints before the body. */
export function formatHead(res: HttpResponse): string {
  const lines = [`HTTP/1.1 ${res.status} ${REASONS[res.status] ?? ''}`.trimEnd()];
  for (const [k, v] of Object.entries(res.headers)) lines.push(`${k}: ${v}`);
  lines.push(`content-length: ${new TextEncoder().encode(res.body).length}`);
  return `${lines.join('\n')}\n\n`;
}

const KNOWN_HOSTS = new Set(['localhost', '127.0.0.1']);

/** Runs a parsed invocation against the services; `services` is injectable for tests. */
export function runCurl(
  curl: CurlInvocation,
  ctx: ToolContext,
  services: readonly HttpService[] = HTTP_SERVICES,
): CommandOutput {
  const quiet = curl.silent && !curl.showError;
  const hostKnown = KNOWN_HOSTS.has(curl.host) || services.some((s) => s.hosts.includes(curl.host));
  if (!hostKnown)
    return { stdout: '', stderr: quiet ? '' : `curl: (6) Could not resolve host: ${curl.host}`, exitCode: 6 };
  const service = services.find(
    (s) => s.port === curl.port && (s.hosts.includes(curl.host) || KNOWN_HOSTS.has(curl.host)),
  );
  const res = service?.handle(curl.request, ctx) ?? null;
  if (res === null)
    return {
      stdout: '',
      stderr: quiet
        ? ''
        : `curl: (7) Failed to connect to ${curl.host} port ${curl.port} after 0 ms: Couldn't connect to server`,
      exitCode: 7,
    };
  if (curl.fail && res.status >= 400)
    return {
      stdout: '',
      stderr: quiet ? '' : `curl: (22) The requested URL returned error: ${res.status}`,
      exitCode: 22,
    };
  const body = curl.request.method === 'HEAD' ? '' : res.body;
  return { stdout: (curl.include ? formatHead(res) : '') + body, stderr: '', exitCode: 0 };
}

export const curlTool: ToolDef = {
  name: 'curl',
  aliases: [],
  helpGroup: 'other',
  summary: 'HTTP requests to the services beside the cluster (Connect REST, Schema Registry, metrics).',
  usage:
    "curl [-s] [-S] [-f] [-i] [-X METHOD] [-H 'Name: value'] [-d DATA | -d @FILE | --json DATA] [-G] URL\n" +
    'Services answer on localhost at their usual ports when the simulation runs them.',
  flags: [...WITH_VALUE, ...FLAGS].filter((f) => f.startsWith('--')),
  run(args, ctx) {
    const parsed = parseCurl(args, (p) => ctx.read.file(p));
    return parsed.ok ? runCurl(parsed.curl, ctx) : parsed.output;
  },
};
