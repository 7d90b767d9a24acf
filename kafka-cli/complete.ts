// Tab completion for the console: command names, flags, sub-commands, topic and group names,
// config names. Pure: given the line up to the cursor, returns the word being completed and the
// candidates, sorted.

import { topicConfigNames } from '../simulator';
import type { ConsoleSession } from './session';

export type Completion = {
  /** Index in the line where the word being completed starts. */
  from: number;
  /** The partial word. */
  prefix: string;
  candidates: string[];
};

const TOPIC_FLAGS = new Set(['--topic', '-t', '--entity-name', '--topics', '--include']);
const GROUP_FLAGS = new Set(['--group']);
const CONFIG_FLAGS = new Set(['--config', '--add-config', '--delete-config']);

function splitWords(line: string): { words: string[]; current: string; from: number } {
  // Completion works on plain whitespace-separated words; quoting is rare in what learners complete.
  const m = /(\S*)$/.exec(line);
  const current = m ? m[1] : '';
  const from = line.length - current.length;
  const words = line
    .slice(0, from)
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  return { words, current, from };
}

export function complete(session: ConsoleSession, line: string): Completion {
  try {
    return completeUnsafe(session, line);
  } catch {
    return { from: line.length, prefix: '', candidates: [] };
  }
}

function completeUnsafe(session: ConsoleSession, line: string): Completion {
  const { words, current, from } = splitWords(line);
  const pick = (all: Iterable<string>): Completion => ({
    from,
    prefix: current,
    candidates: [...new Set(all)].filter((c) => c.startsWith(current)).sort(),
  });
  if (words.length === 0) {
    // Canonical names first (kafka-topics.sh, kcat); aliases only when no canonical name fits.
    const names = pick(session.tools.map((t) => t.name));
    return names.candidates.length > 0 ? names : pick(session.tools.flatMap((t) => t.aliases));
  }
  const tool = session.tool(words[0]);
  if (!tool) return pick([]);
  const prev = words[words.length - 1];
  const topics = (): string[] =>
    session
      .read()
      .topics()
      .map((t) => t.name);
  const groups = (): string[] =>
    session
      .read()
      .groups()
      .map((g) => g.groupId);
  // Several clusters: `--bootstrap-server we<Tab>` → west:9092, `cluster use <Tab>` → the cluster names.
  const clusters = (): string[] => (session.read().clusters() ?? []).map((c) => c.name);
  if (prev === '--bootstrap-server' || prev === '--broker-list' || (tool.name === 'kcat' && prev === '-b'))
    return pick(clusters().map((c) => `${c}:9092`));
  if (tool.name === 'cluster' && words[1] === 'use' && words.length === 2) return pick(clusters());
  if (tool.name === 'region' && words.length === 2) return pick(clusters());
  if (TOPIC_FLAGS.has(prev)) return pick(topics());
  if (GROUP_FLAGS.has(prev)) return pick(groups());
  if (CONFIG_FLAGS.has(prev)) {
    const names = topicConfigNames();
    return pick(prev === '--delete-config' ? names : names.map((n) => `${n}=`));
  }
  if (prev === '--entity-type') return pick(['topics']);
  if (prev === '--election-type') return pick(['preferred', 'unclean']);
  if (prev === '--assignor') return pick(['range', 'roundrobin', 'sticky', 'cooperative-sticky']);
  if (prev === '--isolation-level') return pick(['read_uncommitted', 'read_committed']);
  if (prev === '--offset-reset') return pick(['earliest', 'latest', 'none']);
  if (prev === '--acks') return pick(['0', '1', 'all']);
  if (prev === '--property') {
    return pick([
      'parse.key=true',
      'key.separator=',
      'print.key=true',
      'print.partition=true',
      'print.offset=true',
      'print.timestamp=true',
      'print.headers=true',
    ]);
  }
  if (tool.name === 'network' && words[1] === 'drop-next') {
    if (words.length === 2) return pick(['request', 'response']);
    if (prev === '--producer') return pick(session.port.clientNames('producer'));
  }
  if (prev === 'help' && words.length === 1) return pick(session.tools.map((t) => t.name));
  // Sub-command position for simulation commands.
  if (words.length === 1 && tool.subcommands) return pick(tool.subcommands);
  // `producer VERB NAME` / `consumer VERB NAME`: names of open clients (not for create, which names a new one).
  if ((tool.name === 'producer' || tool.name === 'consumer') && words.length === 2 && words[1] !== 'create') {
    return pick(session.port.clientNames(tool.name));
  }
  // `producer send NAME TOPIC`: the topic is the 4th word.
  if (tool.name === 'producer' && words[1] === 'send' && words.length === 3) return pick(topics());
  if (current.startsWith('-') || current === '')
    return pick(current === '' && tool.flags.length === 0 ? [] : tool.flags);
  return pick([]);
}

/** The longest common prefix of the candidates (what a shell inserts on the first Tab). */
export function commonPrefix(candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  let p = candidates[0];
  for (const c of candidates) {
    while (!c.startsWith(p)) p = p.slice(0, -1);
  }
  return p;
}
