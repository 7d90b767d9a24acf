// curl's own behaviour in the console, against a stand-in service: argument rules, exit codes and messages of
// curl 8 (src/tool_getparam.c usage errors exit 2; CURLE_COULDNT_RESOLVE_HOST 6, CURLE_COULDNT_CONNECT 7,
// CURLE_HTTP_RETURNED_ERROR 22 with --fail), and what each service receives.
import { describe, expect, it } from 'vitest';
import { consoleFor } from '@/kafka-cli';
import type { HttpRequest, HttpService } from '@/kafka-cli/http/types';
import { parseCurl, runCurl } from '@/kafka-cli/tools/curl';
import { Simulation } from '@/simulator';

const seen: HttpRequest[] = [];
const echo: HttpService = {
  name: 'echo',
  hosts: ['localhost', 'echo'],
  port: 8083,
  handle: (req) => {
    seen.push(req);
    if (req.path === '/missing')
      return { status: 404, headers: { 'content-type': 'application/json' }, body: '{"error_code":404}' };
    return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' };
  },
};
const stopped: HttpService = { name: 'down', hosts: ['localhost'], port: 8081, handle: () => null };

function curl(line: string, files: Record<string, string> = {}) {
  const ctx = { port: null as never, read: null as never, input: null };
  const parsed = parseCurl(line.split(' ').filter(Boolean).slice(1), (p) => files[p] ?? null);
  if (!parsed.ok) return parsed.output;
  return runCurl(parsed.curl, ctx, [echo, stopped]);
}

describe('curl in the console', () => {
  it('GET prints the body as the server sent it; -i adds the status line and headers', () => {
    expect(curl('curl -s http://localhost:8083/connectors')).toEqual({
      stdout: '{"ok":true}',
      stderr: '',
      exitCode: 0,
    });
    expect(curl('curl -i localhost:8083/').stdout).toBe(
      'HTTP/1.1 200 OK\ncontent-type: application/json\ncontent-length: 11\n\n{"ok":true}',
    );
  });
  it("-d makes a POST with curl's default form content type unless -H sets one; -X overrides the method", () => {
    seen.length = 0;
    curl('curl -d {"a":1} http://localhost:8083/connectors');
    curl('curl -X PUT -H Content-Type:application/json -d {} http://localhost:8083/x/config');
    expect(seen.map((r) => [r.method, r.headers['content-type'], r.body])).toEqual([
      ['POST', 'application/x-www-form-urlencoded', '{"a":1}'],
      ['PUT', 'application/json', '{}'],
    ]);
  });
  it('-d @file reads a scratch file and drops its newlines; -G moves the data into the query', () => {
    seen.length = 0;
    curl('curl -d @c.json localhost:8083/connectors', { 'c.json': '{\n"name":"s"\n}' });
    curl('curl -G --data-urlencode query=up{job="kafka"} localhost:8083/api/v1/query');
    expect(seen[0].body).toBe('{"name":"s"}');
    expect([seen[1].method, seen[1].query]).toEqual(['GET', { query: 'up{job="kafka"}' }]);
  });
  it('exit codes: 6 unknown host, 7 nothing listening, 22 with --fail on 404, 2 for usage errors', () => {
    expect(curl('curl http://nowhere:8083/')).toMatchObject({
      exitCode: 6,
      stderr: 'curl: (6) Could not resolve host: nowhere',
    });
    expect(curl('curl localhost:8081/subjects')).toMatchObject({
      exitCode: 7,
      stderr: "curl: (7) Failed to connect to localhost port 8081 after 0 ms: Couldn't connect to server",
    });
    expect(curl('curl -sf localhost:8083/missing')).toEqual({ stdout: '', stderr: '', exitCode: 22 });
    expect(curl('curl -f localhost:8083/missing').stderr).toBe(
      'curl: (22) The requested URL returned error: 404',
    );
    expect(curl('curl localhost:8083/missing').stdout).toBe('{"error_code":404}');
    expect(curl('curl --bogus localhost')).toMatchObject({ exitCode: 2 });
    expect(curl('curl -s').stderr).toMatch(/^curl: no URL specified!/);
  });
  it('is a console tool: with no service running, the connection is refused', () => {
    const s = consoleFor(new Simulation({ brokers: 1, seed: 1 }));
    expect(s.run('curl -s -S http://localhost:9999/').exitCode).toBe(7);
  });
});
