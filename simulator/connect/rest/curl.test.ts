import { describe, expect, it } from 'vitest';
import { formatCurlResponse, parseCurlArgs } from './curl';
import { handleConnectRequest } from './handler';
import { SIMULATED_PLUGINS } from './plugins';
import { cluster, FILE_SOURCE_CONFIG } from './rest.testkit';

const run = (args: string[]) => {
  const p = parseCurlArgs(args);
  if (!p.ok) throw new Error(p.stderr);
  const r = handleConnectRequest(cluster(), p.command.request, SIMULATED_PLUGINS);
  return { r, out: formatCurlResponse(r, p.command.include) };
};

describe('curl against the Connect REST API', () => {
  const body = JSON.stringify({ name: 'f', config: FILE_SOURCE_CONFIG });

  it('-X POST -H Content-Type: application/json -d … creates; the body is compact JSON as Jackson writes it', () => {
    const { r, out } = run([
      '-s',
      '-X',
      'POST',
      '-H',
      'Content-Type: application/json',
      '--data',
      body,
      'http://localhost:8083/connectors',
    ]);
    expect(r.status).toBe(201);
    expect(out).toBe(
      '{"name":"f","config":{"connector.class":"FileStreamSource","file":"/tmp/in.txt","topic":"lines","name":"f"},"tasks":[],"type":"source"}',
    );
  });

  it('-i prints the status line and headers, with the absolute Location', () => {
    const { out } = run([
      '-i',
      '-H',
      'Content-Type: application/json',
      '-d',
      body,
      'localhost:8083/connectors',
    ]);
    expect(out.split('\r\n').slice(0, 3)).toEqual([
      'HTTP/1.1 201 Created',
      'Location: http://localhost:8083/connectors/f',
      'Content-Type: application/json',
    ]);
  });

  it('-d without a Content-Type header sends application/x-www-form-urlencoded, which Connect refuses with 415', () => {
    const { r, out } = run(['-d', body, 'http://localhost:8083/connectors']);
    expect(r.status).toBe(415);
    expect(out).toBe('{"error_code":415,"message":"HTTP 415 Unsupported Media Type"}');
  });

  it('no -X and no data is a GET; the query string reaches the handler', () => {
    const p = parseCurlArgs(['http://localhost:8083/connectors?expand=status']);
    expect(p.ok && p.command.request).toEqual({
      method: 'GET',
      path: '/connectors?expand=status',
      headers: { Host: 'localhost:8083' },
    });
  });

  it('usage errors are curl\'s: "no URL specified!", "option --x: is unknown" (exit 2)', () => {
    expect(parseCurlArgs(['-s'])).toEqual({
      ok: false,
      stderr: "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information",
      exitCode: 2,
    });
    const p = parseCurlArgs(['--frobnicate', 'localhost:8083']);
    expect(!p.ok && p.stderr.split('\n')[0]).toBe('curl: option --frobnicate: is unknown');
  });

  it('a 204 prints nothing', () => {
    const p = parseCurlArgs(['-X', 'DELETE', 'http://localhost:8083/connectors/f']);
    if (!p.ok) throw new Error(p.stderr);
    const created = handleConnectRequest(
      cluster(),
      { method: 'POST', path: '/connectors', body, headers: { 'Content-Type': 'application/json' } },
      SIMULATED_PLUGINS,
    );
    const r = handleConnectRequest(created.newState, p.command.request, SIMULATED_PLUGINS);
    expect(r.status).toBe(204);
    expect(formatCurlResponse(r, false)).toBe('');
  });
});
