// A kafka-console-consumer.sh typed in the browser console without --max-messages or --timeout-ms keeps running,
// as the real tool does (ConsoleConsumer polls until it is stopped): it prints the records readable now, then the
// records that arrive while the console's clock moves, until Ctrl-C, when it prints `Processed a total of N
// messages` (ConsoleConsumer#process, reported from its shutdown hook). Scripts, presets and challenge checks run
// the tool one-shot instead (it stops when nothing more is readable), so only the console starts this.
//
// Everything it changes goes through ordinary console lines, so the command log replays it: without a group it
// changes nothing (a throwaway group with auto-commit off, only reads); with --group it is a named consumer of the
// simulation (`consumer create`, `consumer poll`, `consumer close`), which is what the one-shot tool does inside
// one line. Simplification: the partitions followed without a group are those of the topics when it starts and
// those it finds later (started at the log end, or the log start with --from-beginning), with no metadata delay.

import type { Isolation, ReadModel, RecordView } from '../simulator';
import { parseLongOptions } from './options';
import type { CommandOutput } from './output';
import { commandKey } from './session';
import { tokenizeLine } from './tokenizer';
import { parseProperties } from './tools/connectWorkers';
import { CONSOLE_CONSUMER_OPTIONS, formatRecord, props } from './tools/consoleConsumer';
import { compileIncludeList } from './tools/topicFilter';

/** Where the followed consumer runs its lines: the console's controller (so each line joins the log). */
export type FollowHost = { run(line: string): CommandOutput; read(): ReadModel };

/** How much one consumer poll may return (max.poll.records default, ConsumerConfig). */
const MAX_POLL_RECORDS = 500;
/**
 * With nothing to read the group consumer still polls this often (virtual ms): auto-commit runs inside poll() every
 * auto.commit.interval.ms (5000 by default, ConsumerConfig), as in the real tool's endless poll loop, and the member
 * stays far inside max.poll.interval.ms (300000).
 */
const IDLE_POLL_MS = 5_000;
const JOIN_WAIT_MS = 60_000;
const JOIN_STEP_MS = 500;
const SIMPLE_NAME = /^[A-Za-z0-9._-]+$/;

type Plan = {
  formatter: Record<string, string>;
  isolation: Isolation;
  fromBeginning: boolean;
  /** Which topics it reads (the --topic, or the --include pattern's current matches). */
  topics: (read: ReadModel) => string[];
  partition: number | null;
  group: { id: string; autoCommit: boolean; reset: 'earliest' | 'latest' | 'none' } | null;
};

const isTrue = (v: string | undefined): boolean => (v ?? '').trim().toLowerCase() === 'true';

/**
 * Would this typed line keep running in a terminal? A console consumer without --max-messages and --timeout-ms,
 * on a single cluster without security (the quota and authorization paths stay one-shot) whose options the
 * one-shot tool accepts: returns its plan, else null (the line then runs one-shot, and prints any error itself).
 */
function planOf(line: string, read: ReadModel): Plan | null {
  const tok = tokenizeLine(line);
  if (tok.kind !== 'ok' || tok.heredoc !== null || tok.tokens.length === 0) return null;
  if (commandKey(tok.tokens[0]) !== 'kafka-console-consumer') return null;
  const parsed = parseLongOptions(tok.tokens.slice(1), CONSOLE_CONSUMER_OPTIONS);
  if (parsed.kind !== 'ok') return null;
  const o = parsed.options;
  if (o.nonOptions.length > 0 || o.has('help') || o.has('version')) return null;
  if (o.has('max-messages') || o.has('timeout-ms')) return null;
  if (o.has('command-config') || o.has('consumer.config')) return null;
  if (read.security().configured || read.clusters() !== null) return null;
  if (o.has('topic') === o.has('include')) return null;
  const consumerProps = props(o.values('consumer-property'));
  const groupId = o.value('group') ?? consumerProps['group.id'] ?? null;
  if (o.has('group') && consumerProps['group.id'] !== undefined && consumerProps['group.id'] !== groupId)
    return null;
  const isolation = o.value('isolation-level') ?? consumerProps['isolation.level'] ?? 'read_uncommitted';
  if (isolation !== 'read_uncommitted' && isolation !== 'read_committed') return null;
  const resetProp = consumerProps['auto.offset.reset'];
  const reset = resetProp ?? (o.has('from-beginning') ? 'earliest' : 'latest');
  if (reset !== 'earliest' && reset !== 'latest' && reset !== 'none') return null;
  if (resetProp !== undefined && o.has('from-beginning') && resetProp !== 'earliest') return null;
  let formatter: Record<string, string> = {};
  if (o.has('formatter-config')) {
    const text = read.file(o.value('formatter-config') ?? '');
    if (text === null) return null;
    formatter = parseProperties(text);
  }
  formatter = { ...formatter, ...props([...o.values('property'), ...o.values('formatter-property')]) };
  let topics: (r: ReadModel) => string[];
  if (o.has('topic')) {
    const name = o.value('topic') ?? '';
    if (read.topic(name) === null) return null;
    topics = () => [name];
  } else {
    const allowed = compileIncludeList(o.value('include') ?? '');
    if (typeof allowed === 'string') return null;
    topics = (r) =>
      r
        .topics()
        .filter((t) => !t.internal && allowed(t.name))
        .map((t) => t.name);
  }
  const partition = o.has('partition') ? (o.int('partition') ?? null) : null;
  if (o.has('partition')) {
    // Assign mode: one partition, no group, an optional start offset (ConsoleConsumerOptions checks).
    if (
      partition === null ||
      groupId !== null ||
      !o.has('topic') ||
      (o.has('from-beginning') && o.has('offset'))
    )
      return null;
    if (read.partition(o.value('topic') ?? '', partition ?? -1) === null) return null;
    // A start offset is handled by the one-shot first read; the follow continues from where it ended.
  } else if (o.has('offset')) return null;
  if (groupId !== null && !SIMPLE_NAME.test(groupId)) return null;
  const group =
    groupId === null
      ? null
      : {
          id: groupId,
          autoCommit:
            consumerProps['enable.auto.commit'] === undefined
              ? true
              : isTrue(consumerProps['enable.auto.commit']),
          reset: reset as 'earliest' | 'latest' | 'none',
        };
  return {
    formatter,
    isolation,
    fromBeginning: reset === 'earliest',
    topics,
    partition,
    group,
  };
}

const PROCESSED = /(?:^|\n)Processed a total of (\d+) messages\n?$/;

/** A console consumer that keeps running: `tick` after the clock moved, `stop` on Ctrl-C. */
export class FollowingConsumer {
  private total = 0;
  private stopped = false;
  /** Without a group: the next offset to read of each followed partition ("topic-partition"). */
  private readonly positions = new Map<string, number>();
  private lastPollAt = 0;

  private constructor(
    private readonly host: FollowHost,
    private readonly plan: Plan,
    /** With a group: the simulation's consumer that is this tool. */
    private readonly consumer: string | null,
  ) {}

  /**
   * Start the typed line as a running consumer, or null when it would not keep running (then run it as usual).
   * `output` is what it printed before the first tick (its start, and the records readable now).
   */
  static start(host: FollowHost, line: string): { follow: FollowingConsumer; output: CommandOutput } | null {
    const plan = planOf(line, host.read());
    if (plan === null) return null;
    if (plan.group === null) {
      // Read-only: the one-shot tool reads what is there now (from its start offset), the follow goes on from the end.
      const first = host.run(line.trim());
      const m = first.stderr.match(PROCESSED);
      if (first.exitCode !== 0 || !m) return { follow: FollowingConsumer.done(host, plan), output: first };
      const follow = new FollowingConsumer(host, plan, null);
      follow.total = Number(m[1]);
      follow.discover(false);
      const stderr = first.stderr.slice(0, m.index ?? 0);
      return { follow, output: { stdout: first.stdout, stderr, exitCode: 0 } };
    }
    const read = host.read();
    const taken = new Set(read.consumers().map((c) => c.name));
    let n = 1;
    while (taken.has(`console-consumer-${n}`)) n++;
    const name = `console-consumer-${n}`;
    const g = plan.group;
    const topics = plan.topics(read);
    if (topics.length === 0) return null;
    const created = host.run(
      `consumer create ${name} --group ${g.id} --topics ${topics.join(',')} --assignor range --auto-commit ${g.autoCommit} --isolation-level ${plan.isolation} --offset-reset ${g.reset}`,
    );
    if (created.exitCode !== 0) return { follow: FollowingConsumer.done(host, plan), output: created };
    const follow = new FollowingConsumer(host, plan, name);
    // subscribe() then poll(): the member joins (a new group waits group.initial.rebalance.delay.ms).
    for (let waited = 0; !follow.assigned() && waited < JOIN_WAIT_MS; waited += JOIN_STEP_MS)
      host.run(`clock advance ${JOIN_STEP_MS}ms`);
    const out = follow.pollGroup(true);
    return { follow, output: { stdout: out.stdout, stderr: out.stderr, exitCode: 0 } };
  }

  private static done(host: FollowHost, plan: Plan): FollowingConsumer {
    const f = new FollowingConsumer(host, plan, null);
    f.stopped = true;
    return f;
  }

  get running(): boolean {
    return !this.stopped;
  }

  /** The simulation's consumer this tool is (with --group), for tests and views. */
  get consumerName(): string | null {
    return this.consumer;
  }

  private assigned(): boolean {
    return (this.host.read().consumer(this.consumer ?? '')?.assignment.length ?? 0) > 0;
  }

  /** Without a group: partitions not followed yet start at the log end (or start, with --from-beginning). */
  private discover(later: boolean): void {
    const read = this.host.read();
    for (const topic of this.plan.topics(read)) {
      const t = read.topic(topic);
      if (!t) continue;
      for (const p of t.partitions) {
        if (this.plan.partition !== null && p.partition !== this.plan.partition) continue;
        const key = `${topic}-${p.partition}`;
        if (this.positions.has(key)) continue;
        const end = this.plan.isolation === 'read_committed' ? p.lastStableOffset : p.highWatermark;
        this.positions.set(key, later && this.plan.fromBeginning ? p.logStartOffset : end);
      }
    }
  }

  /** After the clock moved (or anything else ran): the records that arrived since, formatted. */
  tick(): CommandOutput {
    if (this.stopped) return { stdout: '', stderr: '', exitCode: 0 };
    if (this.consumer !== null) return this.pollGroup(false);
    this.discover(true);
    const read = this.host.read();
    const printed: RecordView[] = [];
    for (const [key, from] of [...this.positions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const cut = key.lastIndexOf('-');
      const topic = key.slice(0, cut);
      const partition = Number(key.slice(cut + 1));
      const records = read.records(topic, partition, from, MAX_POLL_RECORDS, this.plan.isolation);
      if (records.length === 0) continue;
      printed.push(...records);
      this.positions.set(key, records[records.length - 1].offset + 1);
    }
    this.total += printed.length;
    const stdout = printed.map((r) => formatRecord(r, this.plan.formatter)).join('');
    return { stdout: stdout.replace(/\n$/, ''), stderr: '', exitCode: 0 };
  }

  /** The group member polls while records are there (and now and then when idle, as the real loop keeps polling). */
  private pollGroup(first: boolean): CommandOutput {
    const name = this.consumer ?? '';
    let stdout = '';
    let stderr = '';
    const now = this.host.read().now();
    let polled = false;
    for (;;) {
      const read = this.host.read();
      if (!read.consumer(name)) break;
      const next = read.nextPoll(name, MAX_POLL_RECORDS);
      if (next.length === 0 && (polled || (!first && now - this.lastPollAt < IDLE_POLL_MS))) break;
      const r = this.host.run(`consumer poll ${name} --max ${MAX_POLL_RECORDS}`);
      polled = true;
      this.lastPollAt = now;
      if (r.exitCode !== 0) {
        stderr += r.stderr;
        break;
      }
      const after = this.host.read();
      for (const rec of next) {
        const full = after.records(rec.topic, rec.partition, rec.offset, 1, this.plan.isolation)[0];
        stdout += formatRecord(full?.offset === rec.offset ? full : rec, this.plan.formatter);
      }
      this.total += next.length;
      if (next.length === 0) break;
    }
    return { stdout: stdout.replace(/\n$/, ''), stderr: stderr.replace(/\n$/, ''), exitCode: 0 };
  }

  /** Ctrl-C: the consumer closes (committing its positions when auto-commit is on) and reports the count. */
  stop(): CommandOutput {
    if (this.stopped) return { stdout: '', stderr: '', exitCode: 0 };
    this.stopped = true;
    let stderr = '';
    if (this.consumer !== null && this.host.read().consumer(this.consumer)) {
      const closed = this.host.run(`consumer close ${this.consumer}`);
      if (closed.exitCode !== 0) stderr += `${closed.stderr.replace(/\n$/, '')}\n`;
    }
    stderr += `Processed a total of ${this.total} messages`;
    return { stdout: '', stderr, exitCode: 0 };
  }
}
