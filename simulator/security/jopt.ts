// A jopt-simple style long-option parser, as Kafka's CLI tools configure it (CommandDefaultOptions):
// abbreviations off unless asked, `--name value` or `--name=value`, an option with a required argument takes
// the next word whatever it looks like, an optional argument only when the next word is not an option.

export type JoptSpec = { name: string; arg: 'none' | 'required' | 'optional' };

export type OptionSet = {
  has(name: string): boolean;
  /** All values in order (jopt's valuesOf). */
  values(name: string): string[];
  /** The first value (jopt's valueOf on a single-valued option). */
  value(name: string): string | undefined;
  /** Option names in the order they were detected, once per occurrence (OptionSet#specs). */
  detected: string[];
};

export type JoptResult =
  | { ok: true; options: OptionSet }
  /** A joptsimple.OptionException thrown by OptionParser#parse (class simple name + message). */
  | { ok: false; exception: string; message: string };

export function parseJopt(
  args: readonly string[],
  specs: readonly JoptSpec[],
  allowAbbreviations = false,
): JoptResult {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const values = new Map<string, string[]>();
  const detected: string[] = [];
  const resolve = (raw: string): JoptSpec | undefined => {
    const exact = byName.get(raw);
    if (exact || !allowAbbreviations || raw === '') return exact;
    const m = specs.filter((s) => s.name.startsWith(raw));
    return m.length === 1 ? m[0] : undefined;
  };
  const looksLikeOption = (w: string) =>
    w.startsWith('-') && w !== '-' && resolve(w.replace(/^--?/, '').split('=')[0]) !== undefined;
  let i = 0;
  while (i < args.length) {
    const word = args[i++];
    if (word === '--') break;
    if (!word.startsWith('-') || word === '-') continue; // non-option arguments are accepted and ignored
    const body = word.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq >= 0 ? body.slice(0, eq) : body;
    const spec = resolve(name);
    if (!spec)
      return {
        ok: false,
        exception: 'UnrecognizedOptionException',
        message: `${name} is not a recognized option`,
      };
    detected.push(spec.name);
    const list = values.get(spec.name) ?? [];
    values.set(spec.name, list);
    if (spec.arg === 'none') {
      if (eq >= 0) {
        return {
          ok: false,
          exception: 'OptionException',
          message: `Option ${spec.name} does not take an argument`,
        };
      }
      continue;
    }
    if (eq >= 0) {
      list.push(body.slice(eq + 1));
      continue;
    }
    if (spec.arg === 'required') {
      if (i >= args.length) {
        return {
          ok: false,
          exception: 'OptionMissingRequiredArgumentException',
          message: `Option ${spec.name} requires an argument`,
        };
      }
      list.push(args[i++]);
    } else if (i < args.length && !looksLikeOption(args[i])) list.push(args[i++]);
  }
  return {
    ok: true,
    options: {
      has: (n) => values.has(n),
      values: (n) => [...(values.get(n) ?? [])],
      value: (n) => values.get(n)?.[0],
      detected,
    },
  };
}

/** The `Option "[x]" can't be used with option "[y]"` text of CommandLineUtils#checkInvalidArgs. */
export function cannotBeUsedWith(used: string, other: string): string {
  return `Option "[${used}]" can't be used with option "[${other}]"`;
}

/** What a tool run prints and its exit code. */
export type ToolOutput = { stdout: string; stderr: string; exitCode: number };

export const KAFKA_TOOLS_VERSION = '4.0.0';
