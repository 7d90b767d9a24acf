// The curl subset a Connect lesson uses (`curl -s -X POST -H 'Content-Type: application/json' -d '{…}'
// http://localhost:8083/connectors`), parsed into a ConnectRequest, and the response printed as curl prints it.
import type { ConnectRequest, ConnectResponse, HttpMethod } from './types';

export interface CurlCommand {
  request: ConnectRequest;
  /** `-i`: print the status line and headers before the body. */
  include: boolean;
  host: string;
  port: number;
}

export type CurlParse = { ok: true; command: CurlCommand } | { ok: false; stderr: string; exitCode: number };

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information";
const fail = (line: string, exitCode = 2): CurlParse => ({ ok: false, stderr: `${line}\n${TRY}`, exitCode });

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const WITH_VALUE: Record<string, string> = {
  '-X': 'method',
  '--request': 'method',
  '-H': 'header',
  '--header': 'header',
  '-d': 'data',
  '--data': 'data',
  '--data-raw': 'data',
  '--data-binary': 'data',
};
const FLAGS = new Set(['-s', '--silent', '-S', '--show-error', '-sS', '-i', '--include', '-si', '-is']);

/** Parses curl's arguments (after the `curl` token). Data makes the method POST unless `-X` says otherwise, and
 * comes with curl's default `Content-Type: application/x-www-form-urlencoded` unless a header sets another. */
export function parseCurlArgs(tokens: string[]): CurlParse {
  let method: string | null = null;
  const headers: Record<string, string> = {};
  const data: string[] = [];
  let include = false;
  let url: string | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const short = t.length > 2 && /^-[XHd]/.test(t) ? t.slice(0, 2) : t;
    const kind = WITH_VALUE[short];
    if (kind) {
      const value = short !== t ? t.slice(2) : tokens[++i];
      if (value === undefined) return fail(`curl: option ${t}: requires parameter`);
      if (kind === 'method') method = value;
      else if (kind === 'header') {
        const colon = value.indexOf(':');
        if (colon > 0) headers[value.slice(0, colon).trim()] = value.slice(colon + 1).trim();
      } else {
        if (value.startsWith('@') && short !== '--data-raw') {
          // Simplified: the simulated console has no files to read a body from.
          return {
            ok: false,
            stderr: `curl: reading data from a file (${value}) is not simulated; pass the JSON inline`,
            exitCode: 26,
          };
        }
        data.push(value);
      }
    } else if (FLAGS.has(t)) {
      if (t.includes('i')) include = true;
    } else if (t.startsWith('-')) {
      return fail(`curl: option ${t}: is unknown`);
    } else if (url === null) {
      url = t;
    }
  }
  if (url === null) return fail('curl: no URL specified!');
  const m = /^(?:(https?):\/\/)?([^/:?]+)(?::(\d+))?(\/[^\s]*)?$/.exec(url);
  if (!m)
    return { ok: false, stderr: `curl: (3) URL rejected: Malformed input to a URL function`, exitCode: 3 };
  const port = m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80;
  const upper = (method ?? (data.length > 0 ? 'POST' : 'GET')).toUpperCase();
  if (!METHODS.includes(upper as HttpMethod)) {
    return {
      ok: false,
      stderr: `curl: method ${upper} is not supported by the simulated Connect REST server`,
      exitCode: 2,
    };
  }
  if (data.length > 0 && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  const hostHeader = m[3] ? `${m[2]}:${m[3]}` : m[2];
  return {
    ok: true,
    command: {
      request: {
        method: upper as HttpMethod,
        path: m[4] ?? '/',
        headers: { Host: hostHeader, ...headers },
        // curl joins several -d values with '&'.
        ...(data.length > 0 ? { body: data.join('&') } : {}),
      },
      include,
      host: m[2],
      port,
    },
  };
}

/** Jetty's reason phrases (`HttpStatus.Code`). */
const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  415: 'Unsupported Media Type',
  500: 'Server Error',
};

/** What curl writes to stdout: the body as Jackson writes it (compact JSON, no trailing newline), preceded with `-i`
 * by the status line and headers. Simplified: Date, Server and other Jetty headers are left out. */
export function formatCurlResponse(res: ConnectResponse, include: boolean): string {
  const body = res.body === undefined ? '' : JSON.stringify(res.body);
  if (!include) return body;
  const lines = [`HTTP/1.1 ${res.status} ${REASONS[res.status] ?? ''}`.trimEnd()];
  for (const [k, v] of Object.entries(res.headers)) lines.push(`${k}: ${v}`);
  if (res.status !== 204) lines.push(`Content-Length: ${new TextEncoder().encode(body).length}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}
