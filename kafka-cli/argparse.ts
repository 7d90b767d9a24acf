// The few argparse4j behaviours the newer Kafka tools (MetadataQuorumCommand, TransactionsCommand) show a
// learner: `--name value` / `--name=value` options, one sub-command, and argparse4j's error shape
// (`usage: …` then `<prog>: error: <message>` on stderr, exit 1; ArgumentParserImpl#handleError).

export type ArgSpec = { name: string; kind: 'value' | 'switch'; type?: 'int' };

export type SubcommandSpec = { name: string; args: readonly ArgSpec[] };

export type ArgParse =
  | {
      ok: true;
      /** Options before the sub-command, then the sub-command's own. */
      global: ReadonlyMap<string, string | true>;
      command: string | null;
      args: ReadonlyMap<string, string | true>;
    }
  | { ok: false; message: string };

function takeOptions(
  words: readonly string[],
  start: number,
  specs: readonly ArgSpec[],
  stopAtPositional: boolean,
): { values: Map<string, string | true>; next: number } | { error: string } {
  const values = new Map<string, string | true>();
  let i = start;
  while (i < words.length) {
    const w = words[i];
    if (!w.startsWith('--')) {
      if (stopAtPositional) break;
      return { error: `unrecognized arguments: '${w}'` };
    }
    const eq = w.indexOf('=');
    const name = (eq < 0 ? w : w.slice(0, eq)).slice(2);
    const spec = specs.find((s) => s.name === name);
    if (!spec) return { error: `unrecognized arguments: '${w}'` };
    if (spec.kind === 'switch') {
      values.set(name, true);
      i++;
      continue;
    }
    const v = eq >= 0 ? w.slice(eq + 1) : words[i + 1];
    if (v === undefined) return { error: `argument --${name}: expected one argument` };
    if (spec.type === 'int' && !/^-?\d+$/.test(v))
      return { error: `argument --${name}: could not convert '${v}' to Integer (For input string: "${v}")` };
    values.set(name, v);
    i += eq >= 0 ? 1 : 2;
  }
  return { values, next: i };
}

/** Parses `[global options] COMMAND [command options]`. */
export function parseSubcommandArgs(
  words: readonly string[],
  global: readonly ArgSpec[],
  commands: readonly SubcommandSpec[],
): ArgParse {
  const g = takeOptions(words, 0, global, true);
  if ('error' in g) return { ok: false, message: g.error };
  const name = words[g.next];
  if (name === undefined) return { ok: true, global: g.values, command: null, args: new Map() };
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    const choices = commands.map((c) => `'${c.name}'`).join(', ');
    return { ok: false, message: `argument COMMAND: invalid choice: '${name}' (choose from ${choices})` };
  }
  const a = takeOptions(words, g.next + 1, cmd.args, false);
  if ('error' in a) return { ok: false, message: a.error };
  return { ok: true, global: g.values, command: name, args: a.values };
}

/** What argparse4j prints for a usage error. */
export function usageError(prog: string, usage: string, message: string): string {
  return `usage: ${prog} ${usage}\n${prog}: error: ${message}`;
}

/** ToolsUtils#prettyPrintTable: each column padded to its widest value, every value followed by a tab. */
export function prettyPrintTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (row: readonly string[]) => row.map((v, i) => `${v.padEnd(widths[i])}\t`).join('');
  return [line(headers), ...rows.map(line)].join('\n');
}
