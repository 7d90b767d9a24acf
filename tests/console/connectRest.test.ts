// The Connect REST API through the console's curl (kafka-cli/http/connect.ts on port 8083): Connect's codes and
// bodies (ConnectorsResource, ConnectExceptionMapper), Jackson's compact JSON, Jersey's 415 for a form body.
import { describe, expect, it } from 'vitest';
import { consoleFor, createConsole } from '@/kafka-cli';
import { Simulation } from '@/simulator';

const FILE_SOURCE = JSON.stringify({
  name: 'f',
  config: { 'connector.class': 'FileStreamSource', file: '/tmp/in.txt', topic: 'lines' },
});

function session() {
  const s = createConsole({ brokers: 3, seed: 42 });
  s.runScript('connect-distributed.sh config/connect-distributed.properties');
  return s;
}

const run = (s: ReturnType<typeof createConsole>, line: string) => s.runScript(line)[0];

describe('curl against the Connect REST API (port 8083)', () => {
  it("-X POST -H 'Content-Type: application/json' -d … creates (201); the body is compact JSON as Jackson writes it", () => {
    const s = session();
    const r = run(
      s,
      `curl -s -X POST -H 'Content-Type: application/json' --data '${FILE_SOURCE}' http://localhost:8083/connectors`,
    );
    expect(r.stdout).toBe(
      '{"name":"f","config":{"connector.class":"FileStreamSource","file":"/tmp/in.txt","topic":"lines","name":"f"},"tasks":[],"type":"source"}',
    );
  });

  it('-i prints the status line and headers, with the absolute Location (JAX-RS resolves it against the base URI)', () => {
    const s = session();
    const r = run(
      s,
      `curl -i -H 'Content-Type: application/json' -d '${FILE_SOURCE}' localhost:8083/connectors`,
    );
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      'HTTP/1.1 201 Created',
      'Location: http://localhost:8083/connectors/f',
      'Content-Type: application/json',
    ]);
  });

  it('-d without a Content-Type header sends application/x-www-form-urlencoded, which Connect refuses with 415', () => {
    const s = session();
    const r = run(s, `curl -s -d '${FILE_SOURCE}' http://localhost:8083/connectors`);
    expect(r.stdout).toBe('{"error_code":415,"message":"HTTP 415 Unsupported Media Type"}');
    expect(s.read().connect().connectors).toEqual([]);
  });

  it('the query string reaches the handler: GET /connectors?expand=status', () => {
    const s = session();
    run(s, `curl -s -H 'Content-Type: application/json' -d '${FILE_SOURCE}' localhost:8083/connectors`);
    const r = run(s, 'curl -s localhost:8083/connectors?expand=status');
    expect(JSON.parse(r.stdout).f.status.connector.state).toBe('RUNNING');
  });

  it('a 204 prints nothing; an unknown connector is 404 "Connector x not found"', () => {
    const s = session();
    run(s, `curl -s -H 'Content-Type: application/json' -d '${FILE_SOURCE}' localhost:8083/connectors`);
    expect(run(s, 'curl -s -X DELETE http://localhost:8083/connectors/f')).toMatchObject({
      stdout: '',
      exitCode: 0,
    });
    expect(run(s, 'curl -s localhost:8083/connectors/f').stdout).toBe(
      '{"error_code":404,"message":"Connector f not found"}',
    );
  });

  it('-f turns a 4xx into curl exit 22; with no worker running nothing listens on 8083 (exit 7)', () => {
    const s = session();
    expect(run(s, 'curl -sf localhost:8083/connectors/nope').exitCode).toBe(22);
    const cold = createConsole({ brokers: 3, seed: 42 });
    expect(run(cold, 'curl localhost:8083/').stderr).toBe(
      "curl: (7) Failed to connect to localhost port 8083 after 0 ms: Couldn't connect to server",
    );
  });

  it("a missing required config is refused with AbstractHerder#maybeAddConfigErrors' 400 and nothing is created", () => {
    const s = session();
    const r = run(
      s,
      `curl -s -X PUT -H 'Content-Type: application/json' -d '{"connector.class": "io.confluent.connect.s3.S3SinkConnector", "topics": "t"}' localhost:8083/connectors/s3/config`,
    );
    const body = JSON.parse(r.stdout);
    expect(body.error_code).toBe(400);
    expect(body.message).toMatch(
      /^Connector configuration is invalid and contains the following \d+ error\(s\):/,
    );
    expect(s.read().connect().connectors).toEqual([]);
  });

  it('every REST call is a command in the simulation log, so replay reproduces it', () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    const s = consoleFor(sim);
    s.runScript('connect-distributed.sh config/connect-distributed.properties');
    run(s, `curl -s -H 'Content-Type: application/json' -d '${FILE_SOURCE}' localhost:8083/connectors`);
    expect(sim.log.filter((c) => c.type === 'connectRest')).toHaveLength(1);
    expect(JSON.stringify(Simulation.replay(sim.init, sim.log).state)).toBe(JSON.stringify(sim.state));
  });
});
