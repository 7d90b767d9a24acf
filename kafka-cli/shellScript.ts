import type { Scenario } from '../simulator';
import { tokenizeLine } from './tokenizer';

// Turns a scenario into a shell script an instructor can run against a real cluster. Real Kafka tools pass
// through (with the bootstrap server made explicit); simulation-only lines become comments saying what to do
// by hand, and where a real tool does the same job (sending or reading a record) the nearest command is given.

const KAFKA_TOOL = /^kafka-[a-z-]+(\.sh)?$/;

function quote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function flagValue(tokens: string[], flag: string): string | undefined {
  const index = tokens.indexOf(flag);
  return index >= 0 ? tokens[index + 1] : undefined;
}

/** Real equivalents of the simulator's client commands, where one exists. */
function realEquivalent(tokens: string[]): string[] | null {
  const [area, verb] = tokens;
  if (area === 'producer' && verb === 'send') {
    const topic = tokens[3];
    const key = flagValue(tokens, '--key');
    const partition = flagValue(tokens, '--partition');
    const isNull = tokens.includes('--null');
    const value = isNull ? '' : tokens[tokens.length - 1];
    if (partition !== undefined || isNull) {
      const flags = [
        `-t ${quote(topic)}`,
        partition !== undefined ? `-p ${partition}` : '',
        key ? `-k ${quote(key)}` : '',
        isNull ? '-Z' : '',
      ];
      return [`echo ${quote(value)} | kcat -b "$BOOTSTRAP" -P ${flags.filter(Boolean).join(' ')}`];
    }
    if (key !== undefined) {
      return [
        `echo ${quote(`${key}:${value}`)} | kafka-console-producer.sh --bootstrap-server "$BOOTSTRAP" --topic ${quote(topic)} --property parse.key=true --property key.separator=:`,
      ];
    }
    return [
      `echo ${quote(value)} | kafka-console-producer.sh --bootstrap-server "$BOOTSTRAP" --topic ${quote(topic)}`,
    ];
  }
  if (area === 'consumer' && verb === 'create') {
    const group = flagValue(tokens, '--group');
    const topics = flagValue(tokens, '--topics');
    if (group && topics) {
      return [
        `# run in its own terminal, it keeps consuming: kafka-console-consumer.sh --bootstrap-server "$BOOTSTRAP" --group ${quote(group)} --topic ${quote(topics.split(',')[0])} --property print.key=true`,
      ];
    }
  }
  return null;
}

const SIMULATION_HINTS: Record<string, (tokens: string[]) => string> = {
  broker: (tokens) => {
    const id = tokens[2] ?? '';
    switch (tokens[1]) {
      case 'stop':
        return `stop the broker with node.id=${id} (e.g. kill its process or stop its service)`;
      case 'start':
        return `start the broker with node.id=${id} again`;
      case 'isolate':
        return `cut broker ${id} off the network (e.g. a firewall rule on its listener and controller ports)`;
      case 'heal':
        return `restore broker ${id}'s network`;
      case 'add':
        return 'start a new broker with a fresh node.id, formatted with the cluster id';
      default:
        return 'no real equivalent';
    }
  },
  clock: (tokens) => `wait ${tokens[2] ?? ''} of real time`,
  producer: () => 'run this in your producer application',
  streams: () =>
    'run this topology in your Kafka Streams application (StreamsBuilder, KafkaStreams#start/close)',
  consumer: () => 'run this in your consumer application',
  sim: () => 'no real equivalent',
};

export function scenarioToShellScript(scenario: Scenario): string {
  const out: string[] = [
    '#!/usr/bin/env bash',
    `# ${scenario.title}`,
    `# ${scenario.summary}`,
    '#',
    '# Generated from a Kafka Roadmap classroom scenario. Kafka CLI lines run as they are against the cluster',
    '# in $BOOTSTRAP; lines marked [simulator only] have no single real command and say what to do by hand.',
    'set -euo pipefail',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion, not a JS template
    'BOOTSTRAP="${BOOTSTRAP:-localhost:9092}"',
    '',
  ];
  // The here-document body of a simulator-only command (streams create APP <<EOF) stays simulator-only.
  let simulatorHeredoc: string | null = null;
  const emit = (line: string) => {
    if (simulatorHeredoc !== null) {
      out.push(`# [simulator only] ${line}`);
      if (line === simulatorHeredoc) simulatorHeredoc = null;
      return;
    }
    const [first, ...rest] = line.split('\n');
    const parsed = tokenizeLine(first);
    if (parsed.kind === 'error' || parsed.tokens.length === 0) {
      out.push(`# [could not read] ${first}`);
      return;
    }
    const tokens = parsed.tokens;
    const tool = tokens[0];
    if (KAFKA_TOOL.test(tool) || tool === 'kcat') {
      const hasBootstrap = tokens.includes('--bootstrap-server') || tokens.includes('-b');
      const withServer = hasBootstrap
        ? first
        : tool === 'kcat'
          ? first.replace(/^kcat/, 'kcat -b "$BOOTSTRAP"')
          : first.replace(/^(\S+)/, `$1 --bootstrap-server "$BOOTSTRAP"`);
      out.push(withServer.replace(/^kafka-([a-z-]+)(?!\.sh)(\s|$)/, 'kafka-$1.sh$2'), ...rest);
      return;
    }
    out.push(`# [simulator only] ${line.replace(/\n/g, ' ')}`);
    if (parsed.heredoc && rest.length === 0) simulatorHeredoc = parsed.heredoc.delimiter;
    const hint = SIMULATION_HINTS[tool];
    if (hint) out.push(`#   on a real cluster: ${hint(tokens)}`);
    const real = realEquivalent(tokens);
    if (real) out.push(...real);
  };
  if (scenario.setup.length > 0) {
    out.push('# --- Starting cluster ---');
    scenario.setup.forEach(emit);
    out.push('');
  }
  scenario.steps.forEach((step, index) => {
    out.push(`# --- Step ${index + 1}: ${step.title} ---`);
    for (const sentence of step.narration.split('\n')) out.push(`# ${sentence}`);
    step.commands.forEach(emit);
    out.push('');
  });
  return `${out.join('\n')}\n`;
}
