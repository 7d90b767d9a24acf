// `curl` against the simulated registry: argument parsing into a `RegistryRequest` and printing the response as
// curl does (the body as the server sent it, no trailing newline; `-i` adds the status line and headers). The
// console has already split the command line into tokens (quotes removed).
import type { RegistryHttpResponse } from '../rest';
import type { RegistryRequest } from '../types';

export interface CurlCommand {
  request: RegistryRequest;
  url: string;
  host: string;
  port: number;
  include: boolean;
  silent: boolean;
}

export type CurlParse = { ok: true; command: CurlCommand } | { ok: false; stderr: string; exitCode: number };

const REASONS: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
};

const TAKES_VALUE = new Set([
  '-X',
  '--request',
  '-H',
  '--header',
  '-d',
  '--data',
  '--data-raw',
  '--data-binary',
  '--data-ascii',
  '--json',
  '-u',
  '--user',
  '-o',
  '--output',
  '-w',
  '--write-out',
]);

/** Parses `curl [options] URL`. */
export function parseCurlArgs(tokens: string[]): CurlParse {
  const args = tokens[0] === 'curl' ? tokens.slice(1) : tokens;
  let method: string | null = null;
  const headers: Record<string, string> = {};
  const data: string[] = [];
  let json = false;
  let url: string | null = null;
  let include = false;
  let silent = false;
  for (let i = 0; i < args.length; i++) {
    let a = args[i];
    let value: string | undefined;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    if (eq > 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    } else if (/^-[XHd].+/.test(a)) {
      value = a.slice(2);
      a = a.slice(0, 2);
    }
    if (TAKES_VALUE.has(a) && value === undefined) {
      value = args[++i];
      if (value === undefined) {
        return {
          ok: false,
          exitCode: 2,
          stderr: `curl: option ${a}: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n`,
        };
      }
    }
    switch (a) {
      case '-X':
      case '--request':
        method = String(value);
        break;
      case '-H':
      case '--header': {
        const colon = String(value).indexOf(':');
        if (colon > 0)
          headers[String(value).slice(0, colon).trim()] = String(value)
            .slice(colon + 1)
            .trim();
        break;
      }
      case '-d':
      case '--data':
      case '--data-raw':
      case '--data-binary':
      case '--data-ascii':
        if (String(value).startsWith('@') && a !== '--data-raw') {
          return {
            ok: false,
            exitCode: 26,
            stderr: `Warning: Couldn't read data from file "${String(value).slice(1)}", this makes an empty POST.\n`,
          };
        }
        data.push(String(value));
        break;
      case '--json':
        data.push(String(value));
        json = true;
        break;
      case '-i':
      case '--include':
        include = true;
        break;
      case '-s':
      case '--silent':
        silent = true;
        break;
      case '-v':
      case '--verbose':
      case '-S':
      case '--show-error':
      case '-f':
      case '--fail':
      case '-L':
      case '--location':
      case '-u':
      case '--user':
      case '-o':
      case '--output':
      case '-w':
      case '--write-out':
        break;
      default:
        if (a.startsWith('-')) {
          return {
            ok: false,
            exitCode: 2,
            stderr: `curl: option ${a}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`,
          };
        }
        url = a;
    }
  }
  if (!url)
    return {
      ok: false,
      exitCode: 2,
      stderr: "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
    };
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?(\/[^#]*)?$/.exec(url);
  if (!m)
    return { ok: false, exitCode: 3, stderr: `curl: (3) URL using bad/illegal format or missing URL\n` };
  const host = m[2];
  const port = m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80;
  const path = m[4] ?? '/';
  if (data.length > 0) {
    // curl's defaults: --data sends POST with application/x-www-form-urlencoded; --json sets JSON headers.
    const hasType = Object.keys(headers).some((k) => k.toLowerCase() === 'content-type');
    if (!hasType) headers['Content-Type'] = json ? 'application/json' : 'application/x-www-form-urlencoded';
    if (json && !Object.keys(headers).some((k) => k.toLowerCase() === 'accept'))
      headers.Accept = 'application/json';
  }
  const request: RegistryRequest = {
    method: method ?? (data.length > 0 ? 'POST' : 'GET'),
    path,
    headers,
    ...(data.length > 0 ? { body: data.join('&') } : {}),
  };
  return { ok: true, command: { request, url, host, port, include, silent } };
}

/** curl's error when nothing listens at the address (curl 7.88 wording). */
export function curlConnectionRefused(host: string, port: number): { stderr: string; exitCode: number } {
  return {
    stderr: `curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server\n`,
    exitCode: 7,
  };
}

/** What curl prints for a response: the body as sent (no newline added), with `-i` the status line and headers. */
export function formatCurlResponse(
  response: Pick<RegistryHttpResponse, 'status' | 'bodyText'>,
  command: Pick<CurlCommand, 'include'>,
): string {
  if (!command.include) return response.bodyText;
  const length = new TextEncoder().encode(response.bodyText).length;
  return `HTTP/1.1 ${response.status} ${REASONS[response.status] ?? ''}\r\nContent-Type: application/vnd.schemaregistry.v1+json\r\nContent-Length: ${length}\r\n\r\n${response.bodyText}`;
}
