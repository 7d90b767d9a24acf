// The playground's first Schema Registry command: the registry's libraries load on first use, and the console
// waits for them instead of answering curl's (7) "Failed to connect" while they load.
import { describe, expect, it } from 'vitest';
import { schemaRegistry } from '@/simulator';
import { SimController } from './SimController';
import { SchemaAwareQueue, schemaLibrariesPending } from './schemaLibraries';

const empty = { seed: 42, brokers: 3, setup: [] as string[] };

describe('console lines that reach the Schema Registry wait for avsc, protobufjs and ajv', () => {
  it('before the load, a first curl to 8081 run directly fails to connect (7); through the queue it is answered', async () => {
    expect(schemaRegistry.installedSchemaFormats()).toBeNull();
    expect(schemaLibrariesPending(['kafka-topics --list'])).toBeNull();
    const direct = new SimController(empty).run('curl -s http://localhost:8081/subjects');
    expect(direct.exitCode).toBe(7);

    const c = new SimController(empty);
    const queue = new SchemaAwareQueue();
    const results: Array<{ line: string; stdout: string; exitCode: number }> = [];
    const run = (line: string) =>
      queue.run(line, () => {
        const r = c.run(line);
        results.push({ line, stdout: r.stdout, exitCode: r.exitCode });
      });
    run('curl -s http://localhost:8081/subjects');
    // typed while the libraries load: it waits behind the first line, even though it needs nothing
    run('kafka-topics --list');
    expect(queue.waiting).toBe(true);
    expect(results).toEqual([]);
    await schemaRegistry.loadSchemaFormats();
    await new Promise((r) => setTimeout(r, 0));
    expect(results.map((r) => [r.line, r.exitCode])).toEqual([
      ['curl -s http://localhost:8081/subjects', 0],
      ['kafka-topics --list', 0],
    ]);
    expect(results[0].stdout).toBe('[]');
    expect(queue.waiting).toBe(false);
    // once loaded, lines run at once
    expect(schemaLibrariesPending(['curl -s http://localhost:8081/subjects'])).toBeNull();
  });
  it('the registry’s simulation commands need the libraries too', async () => {
    const { needsSchemaFormats } = await import('@/kafka-cli');
    expect(needsSchemaFormats(['schema-registry restart', 'kafka-topics --list'])).toBe(true);
    expect(needsSchemaFormats(['avro-app read --topic t --reader-schema \'"string"\''])).toBe(true);
    expect(needsSchemaFormats(['kafka-topics --list'])).toBe(false);
  });
});
