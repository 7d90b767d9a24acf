// The simulator is synchronous, but the Schema Registry parses schemas with avsc, protobufjs and ajv, which a page
// loads with a dynamic import on first use. A console line that reaches the registry waits for them: null when it
// can run now, else the promise to run it after (the learner's first `curl …:8081` works, not curl's (7)).
import { needsSchemaFormats, needsSqlite } from '@/kafka-cli';
import { installedSqlite, loadSqlite, schemaRegistry } from '@/simulator';

export function schemaLibrariesPending(lines: readonly string[]): Promise<unknown> | null {
  const pending: Promise<unknown>[] = [];
  if (needsSchemaFormats(lines) && !schemaRegistry.installedSchemaFormats())
    pending.push(schemaRegistry.loadSchemaFormats());
  // SQLite (sql.js) for the Connect database: a `sqlite3` line or a JDBC connector waits for it the same way
  if (needsSqlite(lines) && !installedSqlite()) pending.push(loadSqlite());
  return pending.length === 0 ? null : Promise.all(pending);
}

/**
 * Runs console lines in order, each once the libraries it needs are loaded: a line typed while they load waits
 * behind the one that started the load, so the transcript keeps the order the learner typed.
 */
export class SchemaAwareQueue {
  private tail: Promise<unknown> | null = null;

  run(line: string, execute: () => void): void {
    const wait = this.tail ?? schemaLibrariesPending([line]);
    if (!wait) {
      execute();
      return;
    }
    // A failed load runs the line anyway: the tool then says the libraries are not loaded.
    const next = wait.then(execute, execute);
    this.tail = next;
    void next.then(() => {
      if (this.tail === next) this.tail = null;
    });
  }

  /** A line is waiting for the libraries. */
  get waiting(): boolean {
    return this.tail !== null;
  }
}
