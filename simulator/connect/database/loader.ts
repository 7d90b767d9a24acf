// Loads SQLite (sql.js, ~340 kB of gzipped wasm) with a dynamic import and installs it into the simulator. Only
// pages whose simulation uses the database call it (the Connect and patterns lessons, a playground preset with a
// `sqlite3` line). In the browser the wasm is fetched from the site's root, where the build copies it
// (next.config.mjs); under Node (Vitest, the CLI) sql.js finds the file beside itself in node_modules.
import type { SqlJsStatic } from 'sql.js';
import { installedSqlite, installSqlite } from './engine';

/** The file the browser build of sql.js asks for, served from the export's root. */
export const SQLITE_WASM_FILE = 'sql-wasm-browser.wasm';

let loading: Promise<SqlJsStatic> | null = null;

type InitSqlJs = (config?: { locateFile?: (file: string) => string }) => Promise<SqlJsStatic>;

/** Loads and installs sql.js (once; later calls share the same promise). */
export function loadSqlite(): Promise<SqlJsStatic> {
  const ready = installedSqlite();
  if (ready) return Promise.resolve(ready);
  if (!loading) {
    loading = import('sql.js')
      .then((mod) => {
        // CommonJS: the bundler hands back the function itself or a namespace with `default`
        const m = mod as unknown as { default?: InitSqlJs };
        const init = (typeof m.default === 'function' ? m.default : mod) as unknown as InitSqlJs;
        const inBrowser = typeof window !== 'undefined';
        return init(inBrowser ? { locateFile: (file) => `/${file}` } : undefined);
      })
      .then((sqlJs) => {
        installSqlite(sqlJs);
        return sqlJs;
      });
    // a failed load (offline) may be retried by the next caller
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}
