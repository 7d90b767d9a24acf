// One console session per simulation: the command table and the line runner (scratch files live in the
// simulation's workspace area, so a replayed command log has them too).
// `run` never throws: any unexpected exception becomes an error line and exit code 70 (EX_SOFTWARE),
// and the simulation is left as the last successful command made it.

import type { ReadModel } from '../simulator';
import { type CommandOutput, errorResult, Output } from './output';
import type { ClusterPort } from './port';
import { consumerTool, describeSend, producerTool } from './sim/clientCommands';
import { brokerTool, clockTool, controllerTool, simTool } from './sim/clusterCommands';
import { monitoringTool } from './sim/monitoringCommands';
import { clusterTool, portForLine } from './sim/multiCluster';
import { networkTool } from './sim/networkCommands';
import { rabbitTool } from './sim/rabbitCommands';
import { avroAppTool, schemaRegistryTool } from './sim/schemaRegistryCommands';
import { securityTool } from './sim/securityCommands';
import { shareTool } from './sim/shareCommands';
import { type ScriptEntry, splitScript, tokenizeLine } from './tokenizer';
import type { ToolContext, ToolDef } from './tool';
import { connectDistributedTool, connectStandaloneTool, connectWorkerTool } from './tools/connectWorkers';
import { consoleConsumerTool } from './tools/consoleConsumer';
import { consoleProducerTool } from './tools/consoleProducer';
import { consoleShareConsumerTool } from './tools/consoleShareConsumer';
import { consumerGroupsTool } from './tools/consumerGroups';
import { curlTool } from './tools/curl';
import { getOffsetsTool } from './tools/getOffsets';
import { kafkaAclsTool } from './tools/kafkaAcls';
import { kafkaConfigsTool } from './tools/kafkaConfigs';
import { kafkaJmxTool } from './tools/kafkaJmx';
import { kafkaTopicsTool } from './tools/kafkaTopics';
import { kcatTool } from './tools/kcat';
import { kubectlTool } from './tools/kubectl';
import { leaderElectionTool } from './tools/leaderElection';
import { metadataQuorumTool } from './tools/metadataQuorum';
import { mirrorMakerTool, mirrorTool, regionTool } from './tools/mirrorMaker';
import { promtoolTool } from './tools/promtool';
import { rabbitmqadminTool } from './tools/rabbitmqadmin';
import { rabbitmqctlTool } from './tools/rabbitmqctl';
import { reassignTool } from './tools/reassignPartitions';
import { SCHEMA_CONSOLE_TOOLS } from './tools/schemaConsole';
import { shareGroupsTool } from './tools/shareGroups';
import { sqlite3Tool } from './tools/sqlite3';
import { streamsTool } from './tools/streams';
import { streamsResetTool } from './tools/streamsReset';
import { transactionsTool } from './tools/transactions';

export type LineResult = CommandOutput & { line: string };

/** `bin/kafka-topics.sh`, `./kafka-topics`, `/opt/kafka/bin/kafka-topics.sh` -> `kafka-topics`. */
export function commandKey(word: string): string {
  const base = word.slice(word.lastIndexOf('/') + 1);
  return base.endsWith('.sh') ? base.slice(0, -3) : base;
}

function hasHeredoc(line: string): boolean {
  const tok = tokenizeLine(line);
  return tok.kind === 'ok' && tok.heredoc !== null;
}

function heredocDelimiter(line: string): string {
  const tok = tokenizeLine(line);
  return tok.kind === 'ok' && tok.heredoc ? tok.heredoc.delimiter : 'EOF';
}

/** A script entry as one block of text: the command line, with its here-document when it reads input. */
function blockOf(e: ScriptEntry): string {
  return e.input === null
    ? e.line
    : [hasHeredoc(e.line) ? e.line : `${e.line} <<EOF`, ...e.input, heredocDelimiter(e.line)].join('\n');
}

/** The groups of `help`, in the order it lists them, with their headings. */
export const HELP_GROUPS = [
  ['kafka', 'Kafka tools (the .sh suffix and --bootstrap-server are optional):'],
  ['other', 'Other tools:'],
  ['rabbitmq', 'RabbitMQ tools (one node, vhost /):'],
  ['simulation', 'Simulation commands:'],
] as const;

/** Where `help` lists a tool: its own group, else by name (Kafka's tools and kcat, RabbitMQ's, simulation). */
export function helpGroupOf(t: ToolDef): NonNullable<ToolDef['helpGroup']> {
  return (
    t.helpGroup ??
    (t.name.startsWith('kafka') || t.name === 'kcat'
      ? 'kafka'
      : t.name.startsWith('rabbitmq')
        ? 'rabbitmq'
        : 'simulation')
  );
}

export class ConsoleSession {
  readonly tools: ToolDef[];
  private readonly byKey = new Map<string, ToolDef>();

  constructor(readonly port: ClusterPort) {
    const help: ToolDef = {
      name: 'help',
      aliases: [],
      summary: 'List commands, or show the usage of one: help COMMAND.',
      usage: 'help [COMMAND]',
      flags: [],
      scope: 'simulation',
      run: (args) => this.help(args),
    };
    const cat: ToolDef = {
      name: 'cat',
      aliases: [],
      summary: 'Write a file from a here-document (cat > plan.json <<EOF) or print one.',
      usage: 'cat > FILE <<EOF\n...\nEOF\ncat FILE',
      flags: [],
      scope: 'simulation',
      readsStdin: (args) => args[0] === '>' || (args[0]?.startsWith('>') ?? false),
      run: (args, ctx) => this.cat(args, ctx),
    };
    this.tools = [
      kafkaTopicsTool,
      kafkaConfigsTool,
      kafkaAclsTool,
      consoleProducerTool,
      consoleConsumerTool,
      consumerGroupsTool,
      shareGroupsTool,
      consoleShareConsumerTool,
      getOffsetsTool,
      leaderElectionTool,
      reassignTool,
      metadataQuorumTool,
      transactionsTool,
      kafkaJmxTool,
      kcatTool,
      curlTool,
      promtoolTool,
      rabbitmqctlTool,
      rabbitmqadminTool,
      connectDistributedTool,
      connectStandaloneTool,
      sqlite3Tool,
      streamsResetTool,
      ...SCHEMA_CONSOLE_TOOLS,
      brokerTool,
      connectWorkerTool,
      schemaRegistryTool,
      avroAppTool,
      controllerTool,
      clockTool,
      networkTool,
      producerTool,
      consumerTool,
      monitoringTool,
      rabbitTool,
      shareTool,
      streamsTool,
      simTool,
      securityTool,
      // running Kafka in production: Strimzi, MirrorMaker 2, the disaster drill
      kubectlTool,
      mirrorMakerTool,
      mirrorTool,
      regionTool,
      clusterTool,
      cat,
      help,
    ];
    for (const t of this.tools) {
      this.byKey.set(commandKey(t.name), t);
      for (const a of t.aliases) this.byKey.set(commandKey(a), t);
    }
  }

  /** The simulation's read model as it is now. */
  read(): ReadModel {
    return this.port.read();
  }

  /** The tool a command word names, if any. */
  tool(word: string): ToolDef | undefined {
    return this.byKey.get(commandKey(word));
  }

  /** Does this command line read records from the following lines (producers, cat > f)? */
  readsStdin(tokens: string[]): boolean {
    if (tokens.length === 0) return false;
    const t = this.tool(tokens[0]);
    try {
      return t?.readsStdin?.(tokens.slice(1)) ?? false;
    } catch {
      return false;
    }
  }

  /** Does this raw command line read records from the following lines? (false on bad syntax) */
  readsStdinLine(line: string): boolean {
    const tok = tokenizeLine(line);
    return tok.kind === 'ok' && tok.heredoc === null && this.readsStdin(tok.tokens);
  }

  /**
   * Run a block of text as one step: usually one command, or one command with its here-document
   * lines. Outputs of several commands in a block are concatenated; the exit code is the first failure.
   */
  runBlock(block: string): CommandOutput {
    const results = this.port.step(String(block), () => this.entries(String(block)));
    const join = (xs: string[]) => xs.filter((x) => x !== '').join('\n');
    return {
      stdout: join(results.map((r) => r.stdout)),
      stderr: join(results.map((r) => r.stderr)),
      exitCode: results.find((r) => r.exitCode !== 0)?.exitCode ?? 0,
    };
  }

  /** Group script lines into blocks of one command each (with its here-document or EOF-ended input). */
  splitBlocks(lines: readonly string[]): string[] {
    try {
      return splitScript(lines, (t) => this.readsStdin(t)).map(blockOf);
    } catch {
      return [];
    }
  }

  /** Run one command line, with its standard input lines (or null). Never throws. */
  run(line: string, input: string[] | null = null): CommandOutput {
    try {
      const tok = tokenizeLine(String(line));
      if (tok.kind === 'error') return errorResult(`kafka-sim: ${tok.message}`, 2);
      if (tok.tokens.length === 0) return { stdout: '', stderr: '', exitCode: 0 };
      const [word, ...args] = tok.tokens;
      const tool = this.tool(word);
      if (!tool) return errorResult(`${word}: command not found (type 'help' for the list of commands)`, 127);
      // The special redirection form `cat > file` reaches cat as a token; the tokenizer rejects '>' elsewhere.
      const routed = portForLine(this.port, tool, args);
      if (!('port' in routed)) return routed;
      const port = routed.port;
      const ctx: ToolContext = {
        port,
        input,
        get read() {
          return port.read();
        },
      };
      port.beginLine();
      return this.withDeliveries(port, tool.run(routed.args, ctx));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return errorResult(`kafka-sim: internal error while running this command: ${message}`, 70);
    }
  }

  /** Run a script (text or lines): comments, blank lines, continuations and here-documents handled. */
  runScript(script: string | readonly string[]): LineResult[] {
    return this.entries(script, (e, run) => this.port.step(blockOf(e), run));
  }

  /** Run a script's entries in order; `around` wraps each run (runScript records each as a step). */
  private entries(
    script: string | readonly string[],
    around: (e: ScriptEntry, run: () => LineResult) => LineResult = (_e, run) => run(),
  ): LineResult[] {
    let entries: ScriptEntry[];
    try {
      // An entry may itself be a block (a command and its here-document, as a scenario step or a log holds it).
      const lines = (typeof script === 'string' ? [script] : script).flatMap((l) => l.split(/\r?\n/));
      entries = splitScript(lines, (tokens) => this.readsStdin(tokens));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return [{ line: '', ...errorResult(`kafka-sim: could not read the script: ${message}`, 2) }];
    }
    return entries.map((e) => around(e, () => ({ line: e.line, ...this.run(e.line, e.input) })));
  }

  /** Append delivery callbacks that fired during the command: `[p1] orders-0@5` or the send error. */
  private withDeliveries(port: ClusterPort, result: CommandOutput): CommandOutput {
    const reports = port.takeDeliveries();
    const logs = port.takeClientLogs();
    if (reports.length === 0 && logs.length === 0) return result;
    const ok = reports
      .filter((r) => r.result.kind === 'acked')
      .map((r) => `[${r.producer}] ${describeSend(r.result)}`);
    const bad = reports
      .filter((r) => r.result.kind === 'failed')
      .map((r) => `[${r.producer}] ${describeSend(r.result)}`);
    const join = (a: string, b: string[]) => [a, ...b].filter((x) => x !== '').join('\n');
    // The client's log lines happened before the final outcome the tool prints, so they come first on stderr.
    const stderr = [...logs, result.stderr, ...bad].filter((x) => x !== '').join('\n');
    return { stdout: join(result.stdout, ok), stderr, exitCode: result.exitCode };
  }

  private help(args: string[]): CommandOutput {
    const out = new Output();
    if (args.length > 0) {
      const t = this.tool(args[0]);
      if (!t) return out.fail(`help: no command '${args[0]}' (type 'help' for the list)`).result();
      out.line(`${t.name} — ${t.summary}`);
      out.line(t.usage);
      if (t.name.startsWith('kafka-')) out.line(`Run '${t.name} --help' for every option.`);
      return out.result();
    }
    const width = Math.max(...this.tools.map((t) => t.name.length)) + 2;
    const groupOf = helpGroupOf;
    for (const [group, title] of HELP_GROUPS) {
      const tools = this.tools.filter((t) => groupOf(t) === group);
      if (tools.length === 0) continue;
      out.line(title);
      for (const t of tools) out.line(`  ${t.name.padEnd(width)}${t.summary}`);
    }
    out.line(
      "Type 'help COMMAND' for its usage. Records for producers go on the lines after the command, ended by EOF.",
    );
    return out.result();
  }

  private cat(args: string[], ctx: ToolContext): CommandOutput {
    const out = new Output();
    if (args.length === 0)
      return out.fail('cat: missing FILE (cat FILE, or cat > FILE <<EOF ... EOF)').result();
    if (args[0] === '>' || args[0].startsWith('>')) {
      const path = args[0] === '>' ? args[1] : args[0].slice(1);
      if (!path) return out.fail('cat: missing file name after >').result();
      const written = ctx.port.writeFile(path, (ctx.input ?? []).join('\n'));
      if (!written.ok) return out.fail(`cat: ${path}: ${written.error.message}`).result();
      return out.result();
    }
    for (const path of args) {
      const text = ctx.read.file(path);
      if (text === null) out.fail(`cat: ${path}: No such file or directory`);
      else out.line(text);
    }
    return out.result();
  }
}
