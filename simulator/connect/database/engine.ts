// The SQL engine port: SQLite compiled to WebAssembly (sql.js), handed to the synchronous simulator once a page
// (or a test) has loaded it. Nothing here imports sql.js at run time: the simulator's static import graph never
// reaches the library or its wasm, so pages without a database do not grow (loader.ts is the dynamic import).
// Not state: the same SQLite gives the same answers, so replays are unaffected; the database's truth in the
// simulation state is plain rows (snapshot.ts), and an instance is rebuilt from them whenever it is not in step.
import type { SqlJsStatic } from 'sql.js';

let installed: SqlJsStatic | null = null;

/** Hands the initialised sql.js module to the simulator (loader.ts does it after the dynamic import). */
export function installSqlite(sqlJs: SqlJsStatic): void {
  installed = sqlJs;
}

/** The installed sql.js module, or null before `loadSqlite()` resolved. */
export function installedSqlite(): SqlJsStatic | null {
  return installed;
}

/** The error text a command returns when a statement arrives before the engine (the page awaits the loader first). */
export const SQLITE_NOT_LOADED =
  'The SQLite engine (sql.js) is not loaded: await loadSqlite() before dispatching database commands';
