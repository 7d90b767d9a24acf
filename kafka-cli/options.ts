// Long-option parser that behaves like jopt-simple, the library Kafka's CLI tools use:
// `--name value` or `--name=value`, unique prefixes accepted, an option that takes an argument
// consumes the next word even when it starts with '-', and the same error wordings.

export type OptionSpec = {
  name: string;
  /**
   * 'none' = a switch; 'required' = takes exactly one argument; 'optional' = jopt-simple's withOptionalArg: the
   * next word is its argument unless it looks like an option.
   */
  arg: 'none' | 'required' | 'optional';
  /** Integer options are validated when parsed (jopt-simple converts with valueOf). */
  type?: 'int' | 'long' | 'string';
  /** Shown in --help; our own words. */
  help: string;
  argName?: string;
};

export type ParsedOptions = {
  has(name: string): boolean;
  /** Last value given for an option (jopt-simple's valueOf on a repeated option is an error; we take the last). */
  value(name: string): string | undefined;
  values(name: string): string[];
  int(name: string): number | undefined;
  /** Options in the order they were given. */
  given: string[];
  nonOptions: string[];
};

export type OptionsResult = { kind: 'ok'; options: ParsedOptions } | { kind: 'error'; message: string };

export function parseLongOptions(args: readonly string[], specs: readonly OptionSpec[]): OptionsResult {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const values = new Map<string, string[]>();
  const given: string[] = [];
  const nonOptions: string[] = [];
  let i = 0;
  while (i < args.length) {
    const word = args[i];
    i++;
    if (word === '--') {
      nonOptions.push(...args.slice(i));
      break;
    }
    if (!word.startsWith('-') || word === '-') {
      nonOptions.push(word);
      continue;
    }
    const body = word.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const rawName = eq >= 0 ? body.slice(0, eq) : body;
    const spec = resolve(rawName, byName);
    if (!spec) return { kind: 'error', message: `${rawName} is not a recognized option` };
    let arg: string | undefined;
    if (spec.arg === 'required') {
      if (eq >= 0) arg = body.slice(eq + 1);
      else if (i < args.length) {
        arg = args[i];
        i++;
      } else return { kind: 'error', message: `Option ${spec.name} requires an argument` };
      if ((spec.type === 'int' || spec.type === 'long') && !isJavaInteger(arg, spec.type)) {
        return { kind: 'error', message: `Cannot parse argument '${arg}' of option ${spec.name}` };
      }
    } else if (spec.arg === 'optional') {
      if (eq >= 0) arg = body.slice(eq + 1);
      else if (i < args.length && !args[i].startsWith('-')) {
        arg = args[i];
        i++;
      }
    } else if (eq >= 0) {
      return { kind: 'error', message: `Option ${spec.name} does not take an argument` };
    }
    if (!values.has(spec.name)) {
      values.set(spec.name, []);
      given.push(spec.name);
    }
    if (arg !== undefined) values.get(spec.name)!.push(arg);
  }
  const options: ParsedOptions = {
    has: (name) => values.has(name),
    value: (name) => {
      const v = values.get(name);
      return v && v.length > 0 ? v[v.length - 1] : undefined;
    },
    values: (name) => [...(values.get(name) ?? [])],
    int: (name) => {
      const v = values.get(name);
      return v && v.length > 0 ? Number(v[v.length - 1]) : undefined;
    },
    given,
    nonOptions,
  };
  return { kind: 'ok', options };
}

function resolve(raw: string, byName: Map<string, OptionSpec>): OptionSpec | undefined {
  const exact = byName.get(raw);
  if (exact) return exact;
  if (raw === '') return undefined;
  // jopt-simple accepts any unambiguous prefix of a long option.
  const matches = [...byName.values()].filter((s) => s.name.startsWith(raw));
  return matches.length === 1 ? matches[0] : undefined;
}

const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

function isJavaInteger(text: string, type: 'int' | 'long'): boolean {
  if (!/^[+-]?\d+$/.test(text)) return false;
  const n = Number(text);
  if (type === 'int') return n >= INT_MIN && n <= INT_MAX;
  return Number.isSafeInteger(n);
}

/** jopt-simple's `OptionSpec.toString()` is the option's names in brackets: `[topic]`. */
export function specLabel(name: string): string {
  return `[${name}]`;
}

/** The `Missing required argument "[topic]"` wording of Kafka's CommandLineUtils.checkRequiredArgs. */
export function missingRequired(name: string): string {
  return `Missing required argument "${specLabel(name)}"`;
}

/** The `Option "[x]" can't be used with option "[y]"` wording of CommandLineUtils.checkInvalidArgs. */
export function cannotCombine(used: string, other: string): string {
  return `Option "${specLabel(used)}" can't be used with option "${specLabel(other)}"`;
}

/** Render a `--help` table in the two-column layout jopt-simple prints (descriptions are ours). */
export function renderHelp(summary: string, specs: readonly OptionSpec[]): string {
  const rows = specs
    .slice()
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => {
      const left = s.arg === 'required' ? `--${s.name} <${s.argName ?? s.type ?? 'String'}>` : `--${s.name}`;
      return [left, s.help] as const;
    });
  const width = Math.max(40, ...rows.map(([l]) => l.length + 1));
  const lines = [summary, `${'Option'.padEnd(width)}Description`, `${'------'.padEnd(width)}-----------`];
  for (const [l, h] of rows) lines.push(l.padEnd(width) + h);
  return lines.join('\n');
}
