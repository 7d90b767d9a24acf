// A tiny grep for pipelines such as `curl -s localhost:9404/metrics | grep underreplicated`: -i, -v, -c, -E, -F,
// -w; basic regular expressions by default (+ ? | ( ) { } are literal unless -E), exit 1 when nothing matched.
import type { ToolOutput } from './types';

export function grep(args: readonly string[], input: string): ToolOutput {
  let ignoreCase = false;
  let invert = false;
  let count = false;
  let extended = false;
  let fixed = false;
  let word = false;
  let pattern: string | null = null;
  for (const a of args) {
    if (pattern === null && a.startsWith('-') && a.length > 1) {
      for (const f of a.slice(1)) {
        if (f === 'i') ignoreCase = true;
        else if (f === 'v') invert = true;
        else if (f === 'c') count = true;
        else if (f === 'E') extended = true;
        else if (f === 'F') fixed = true;
        else if (f === 'w') word = true;
        else
          return {
            stdout: '',
            stderr: `grep: invalid option -- '${f}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`,
            exitCode: 2,
          };
      }
    } else if (pattern === null) pattern = a;
  }
  if (pattern === null)
    return {
      stdout: '',
      stderr: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
      exitCode: 2,
    };
  let source: string;
  if (fixed) source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  else if (extended) source = pattern;
  // BRE: \+ \? \| \( \) \{ \} are the operators; the bare characters are literals.
  else
    source = pattern
      .split(/(\\[+?|(){}])/)
      .map((part) => (/^\\[+?|(){}]$/.test(part) ? part[1] : part.replace(/[+?|(){}]/g, '\\$&')))
      .join('');
  if (word) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  let re: RegExp;
  try {
    re = new RegExp(source, ignoreCase ? 'i' : '');
  } catch {
    return { stdout: '', stderr: 'grep: Unmatched ( or \\(\n', exitCode: 2 };
  }
  const lines = input.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const hits = lines.filter((l) => re.test(l) !== invert);
  if (count) return { stdout: `${hits.length}\n`, stderr: '', exitCode: hits.length > 0 ? 0 : 1 };
  return { stdout: hits.map((l) => `${l}\n`).join(''), stderr: '', exitCode: hits.length > 0 ? 0 : 1 };
}
