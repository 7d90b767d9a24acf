// kafka-get-offsets.sh — GetOffsetShell: `topic:partition:offset` per matching partition, sorted.
// --time -1/latest (high watermark), -2/earliest (log start), -3/max-timestamp, or a timestamp.

import { COMMON_FLAGS } from '../commonFlags';
import { type OptionSpec, parseLongOptions, renderHelp } from '../options';
import { type CommandOutput, Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';
import { KAFKA_VERSION } from './kafkaTopics';
import { commandConfigOf, passGate } from './securityGate';
import { compileIncludeList } from './topicFilter';

const SPECS: OptionSpec[] = [
  ...COMMON_FLAGS,
  { name: 'broker-list', arg: 'required', help: 'Deprecated alias of --bootstrap-server.' },
  { name: 'topic', arg: 'required', help: 'Topic name or regular expression (default: all topics).' },
  { name: 'partitions', arg: 'required', help: 'Comma-separated partition ids (default: all).' },
  { name: 'topic-partitions', arg: 'required', help: 'List of topic:partition-range, e.g. t1:0-2,t2.' },
  {
    name: 'time',
    arg: 'required',
    help: '-1 or latest, -2 or earliest, -3 or max-timestamp, or a timestamp in ms.',
  },
  { name: 'exclude-internal-topics', arg: 'none', help: 'Leave out internal topics.' },
  { name: 'command-config', arg: 'required', help: 'Admin client properties file (security settings).' },
];

function parseTime(raw: string): number | null {
  const v = raw.trim().toLowerCase();
  const words: Record<string, number> = {
    latest: -1,
    earliest: -2,
    'max-timestamp': -3,
    'earliest-local': -4,
    'latest-tiered': -5,
  };
  if (v in words) return words[v];
  if (/^-?\d+$/.test(v) && Number.isSafeInteger(Number(v))) return Number(v);
  return null;
}

type Filter = { topic: (t: string) => boolean; partition: (p: number) => boolean };

function parseTopicPartitions(spec: string): Filter[] | string {
  const filters: Filter[] = [];
  for (const part of spec.split(',')) {
    const m = /^([^:]*)(?::(\d*)(?:-(\d*))?)?$/.exec(part.trim());
    if (!m) return `Invalid topic-partition expression: ${part}`;
    const [, topicRe, lo, hi] = m;
    const allowed = compileIncludeList(topicRe === '' ? '.*' : topicRe);
    if (typeof allowed === 'string') return allowed;
    const isRange = part.includes('-') && part.includes(':');
    const from = lo === undefined || lo === '' ? 0 : Number(lo);
    const to =
      hi === undefined
        ? isRange
          ? Number.MAX_SAFE_INTEGER
          : lo === undefined || lo === ''
            ? Number.MAX_SAFE_INTEGER
            : Number(lo) + 1
        : hi === ''
          ? Number.MAX_SAFE_INTEGER
          : Number(hi);
    filters.push({ topic: allowed, partition: (p) => p >= from && p < to });
  }
  return filters;
}

export function runGetOffsets(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const parsed = parseLongOptions(args, SPECS);
  if (parsed.kind === 'error') return out.fail(parsed.message).result();
  const o = parsed.options;
  if (o.has('help'))
    return out.line(renderHelp('An interactive shell for getting topic-partition offsets.', SPECS)).result();
  if (o.has('version')) return out.line(KAFKA_VERSION).result();
  if (o.has('topic-partitions') && (o.has('topic') || o.has('partitions'))) {
    return out.fail('--topic-partitions cannot be used with --topic or --partitions').result();
  }
  const time = parseTime(o.value('time') ?? '-1');
  if (time === null) {
    return out
      .fail(
        `Malformed time argument ${o.value('time')}. Please use -1 or latest / -2 or earliest / -3 or max-timestamp, or a specified long format timestamp`,
      )
      .result();
  }
  let filters: Filter[];
  if (o.has('topic-partitions')) {
    const f = parseTopicPartitions(o.value('topic-partitions') ?? '');
    if (typeof f === 'string') return out.fail(f).result();
    filters = f;
  } else {
    const allowed = compileIncludeList(o.value('topic') ?? '.*');
    if (typeof allowed === 'string') return out.fail(allowed).result();
    let partitionOk: (p: number) => boolean = () => true;
    if (o.has('partitions')) {
      const ids = (o.value('partitions') ?? '').split(',').map((s) => s.trim());
      if (ids.some((s) => !/^\d+$/.test(s)))
        return out.fail(`Invalid partition list: ${o.value('partitions')}`).result();
      const set = new Set(ids.map(Number));
      partitionOk = (p) => set.has(p);
    }
    filters = [{ topic: allowed, partition: partitionOk }];
  }
  // GetOffsetShell#listPartitionInfos: Admin#listTopics (Metadata for all topics: the ones without
  // DESCRIBE are silently left out, so they never match), then Admin#listOffsets (ListOffsets: DESCRIBE
  // on each topic, once per partition).
  const admin = { clientId: 'adminclient-1', kind: 'admin' as const, commandConfig: commandConfigOf(o) };
  const existing = ctx.read.topics().map((t) => t.name);
  const listing = passGate(ctx, o, admin, [
    {
      api: 'Metadata',
      topics: null,
      allowAutoTopicCreation: false,
      autoCreateTopicsEnable: false,
      existingTopics: existing,
    },
  ]);
  if (!listing.ok) return out.fail(`Error occurred: ${listing.exception}`).result();
  const visible = new Set(listing.authorizedTopics ?? existing);
  const rows: Array<[string, number, number | null]> = [];
  for (const t of ctx.read.topics().filter((x) => visible.has(x.name))) {
    if (o.has('exclude-internal-topics') && t.internal) continue;
    for (const p of t.partitions) {
      if (!filters.some((f) => f.topic(t.name) && f.partition(p.partition))) continue;
      rows.push([t.name, p.partition, ctx.read.offsetForTime(t.name, p.partition, time)]);
    }
  }
  if (rows.length === 0)
    return out.fail('Could not match any topic-partitions with the specified filters').result();
  const offsets = passGate(ctx, o, admin, [{ api: 'ListOffsets', topics: rows.map((r) => r[0]) }]);
  if (!offsets.ok) {
    // Each refused partition is skipped with the cause's message (GetOffsetShell#fetchOffsets).
    for (const [t, p] of rows)
      out.fail(`Skip getting offsets for topic-partition ${t}-${p} due to error: ${offsets.exception}`);
    return out.result();
  }
  rows.sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] < b[0] ? -1 : 1));
  for (const [t, p, off] of rows) out.line(`${t}:${p}:${off === null ? '' : off}`);
  return out.result();
}

export const getOffsetsTool: ToolDef = {
  name: 'kafka-get-offsets.sh',
  aliases: ['kafka-get-offsets'],
  summary: 'Print topic:partition:offset for latest (-1), earliest (-2) or a timestamp.',
  usage:
    'kafka-get-offsets.sh --bootstrap-server localhost:9092 --topic T [--partitions 0,1] [--time -1|-2|-3|TIMESTAMP]',
  flags: SPECS.map((s) => `--${s.name}`),
  run: runGetOffsets,
};
