// Name rules and error presentation for the DSL text: Kafka's own validation messages for topic names and
// Named names, typo suggestions, and the caret display the console prints.

import type { DslError } from './scanner';

/** org.apache.kafka.common.internals.Topic#validate. */
export function topicNameProblem(name: string): string | null {
  if (name.length === 0) return "Topic name is illegal, it can't be empty";
  if (name === '.' || name === '..') return 'Topic name cannot be "." or ".."';
  if (name.length > 249)
    return `Topic name is illegal, it can't be longer than 249 characters, topic name: ${name}`;
  if (!/^[a-zA-Z0-9._-]+$/.test(name)) {
    return `Topic name "${name}" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`;
  }
  return null;
}

/** org.apache.kafka.streams.kstream.Named#validate (a TopologyException in Kafka). */
export function namedProblem(name: string): string | null {
  if (name.length === 0) return "Invalid topology: Name is illegal, it can't be empty";
  if (name === '.' || name === '..') return 'Invalid topology: Name cannot be "." or ".."';
  if (name.length > 249)
    return `Invalid topology: Name is illegal, it can't be longer than 249 characters, name: ${name}`;
  if (!/^[a-zA-Z0-9._-]+$/.test(name)) {
    return `Invalid topology: Name "${name}" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`;
  }
  return null;
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(
        d[j] + 1,
        d[j - 1] + 1,
        prev + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1),
      );
      prev = tmp;
    }
  }
  return d[b.length];
}

/** The closest known word when it is a likely typo. */
export function suggest(word: string, known: string[]): string | null {
  let best: string | null = null;
  let bestD = Number.POSITIVE_INFINITY;
  for (const k of known) {
    const d = distance(word, k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== null && bestD <= Math.max(1, Math.floor(word.length / 3)) ? best : null;
}

/** The error with the line and a caret under the column, as the console prints it. */
export function formatDslError(text: string, e: DslError): string {
  const line = text.split(/\r?\n/)[e.line - 1] ?? '';
  return `line ${e.line}, column ${e.column}: ${e.message}\n  ${line}\n  ${' '.repeat(Math.max(0, e.column - 1))}^`;
}
