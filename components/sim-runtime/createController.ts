// The one place a SimController is built for a page: loaded with a dynamic import by useSimController, so the
// simulator and the console (the bulk of the site's JavaScript) arrive after the page is up and only on pages
// that run a simulation.
import { needsSchemaFormats, needsSqlite } from '@/kafka-cli';
import { installedSqlite, loadSqlite, schemaRegistry } from '@/simulator';
import { SimController, type SimInitSpec } from './SimController';

/** `later`: lines that will run on it afterwards (a scenario's steps), so their libraries load first too. */
export async function createController(
  spec: SimInitSpec,
  later: readonly string[] = [],
): Promise<SimController> {
  // The simulator is synchronous: a simulation that uses the Schema Registry loads its parsers (avsc, protobufjs,
  // ajv; a dynamic import, so only such pages download them) before the first line runs.
  const lines = [...spec.setup, ...(spec.lines ?? []), ...later];
  if (needsSchemaFormats(lines) && !schemaRegistry.installedSchemaFormats()) {
    await schemaRegistry.loadSchemaFormats();
  }
  // A Connect simulation with a database loads SQLite (sql.js and its wasm) the same way.
  if (needsSqlite(lines) && !installedSqlite()) await loadSqlite();
  return new SimController(spec);
}
