// kafka-console-share-consumer.sh — ConsoleShareConsumer (Kafka 4.0, KIP-932 early access): a KafkaShareConsumer
// in share group --group (default console-share-consumer) that prints each record with DefaultMessageFormatter and
// acknowledges it ACCEPT, or REJECT with --reject, or RELEASE with --release. In the simulation it runs until
// nothing more is readable (as if stopped with --timeout-ms), leaves the group, and reports
// `Processed a total of N messages` on stderr like the real tool. Simplified: each record is acknowledged at once
// (the real client batches acknowledgements into its next ShareFetch or ShareAcknowledge).
import { COMMON_FLAGS } from '../commonFlags';
import type { OptionSpec } from '../options';
import { type CommandOutput, Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';
import { parseProperties } from './connectWorkers';
import { formatRecord } from './consoleConsumer';
import { toolPrologue } from './toolPrologue';

const SPECS: OptionSpec[] = [
  ...COMMON_FLAGS,
  { name: 'topic', arg: 'required', help: 'The topic to consume from.' },
  { name: 'group', arg: 'required', argName: 'share group id', help: 'The share group id of the consumer.' },
  {
    name: 'consumer-property',
    arg: 'required',
    argName: 'consumer_prop',
    help: 'Consumer config key=value (group.id, client.id).',
  },
  { name: 'consumer-config', arg: 'required', help: 'Consumer config properties file.' },
  { name: 'formatter', arg: 'required', help: 'Formatter class (only the default formatter exists here).' },
  {
    name: 'property',
    arg: 'required',
    argName: 'prop',
    help: 'Formatter property: print.key, print.partition, print.offset, print.delivery, print.timestamp, print.headers, key.separator, line.separator, null.literal.',
  },
  { name: 'formatter-config', arg: 'required', help: 'Properties file for the formatter.' },
  { name: 'max-messages', arg: 'required', type: 'int', help: 'Exit after this many messages.' },
  {
    name: 'timeout-ms',
    arg: 'required',
    type: 'int',
    help: 'Accepted; the simulation always stops when nothing more is readable.',
  },
  { name: 'reject', arg: 'none', help: 'Messages are rejected as they are consumed.' },
  { name: 'release', arg: 'none', help: 'Messages are released as they are consumed.' },
  { name: 'reject-message-on-error', arg: 'none', help: 'Accepted.' },
  { name: 'key-deserializer', arg: 'required', help: 'Accepted; keys are strings.' },
  { name: 'value-deserializer', arg: 'required', help: 'Accepted; values are strings.' },
];

/** More polls than this in one run would mean a bug: the delivery-count limit ends every redelivery loop. */
const MAX_POLLS = 1_000;

function keyValues(values: string[]): Record<string, string> {
  const p: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq < 0) p[v] = '';
    else p[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return p;
}

export function runConsoleShareConsumer(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const start = toolPrologue(
    args,
    SPECS,
    'This tool helps to read data from Kafka topics using share groups and outputs it to standard output.',
    out,
  );
  if (start.kind === 'done') return start.output;
  const o = start.options;
  // ConsoleShareConsumerOptions#checkRequiredArgs and the --reject/--release check.
  if (!o.has('topic')) return out.fail('--topic is a required argument').result();
  if (o.has('reject') && o.has('release'))
    return out.fail('At most one of --reject and --release may be specified.').result();
  let fromFile: Record<string, string> = {};
  if (o.has('consumer-config')) {
    const path = o.value('consumer-config') ?? '';
    const text = ctx.read.file(path);
    if (text === null) return out.fail(`java.nio.file.NoSuchFileException: ${path}`).result();
    fromFile = parseProperties(text);
  }
  const extra = keyValues(o.values('consumer-property'));
  // ConsoleShareConsumerOptions#checkShareGroup: every place a group id is given must agree.
  const given = [o.value('group'), fromFile['group.id'], extra['group.id']].filter(
    (g): g is string => g !== undefined,
  );
  const distinct = [...new Set(given)];
  if (distinct.length > 1)
    return out
      .fail(
        `The group ids provided in different places (directly using '--group', via '--consumer-property', or via '--consumer-config') do not match. Detected group ids: ${distinct.map((g) => `'${g}'`).join(', ')}`,
      )
      .result();
  const groupId = distinct[0] ?? 'console-share-consumer';
  const clientId = extra['client.id'] ?? fromFile['client.id'] ?? 'console-share-consumer';
  let formatterFile: Record<string, string> = {};
  if (o.has('formatter-config')) {
    const path = o.value('formatter-config') ?? '';
    const text = ctx.read.file(path);
    if (text === null) return out.fail(`java.nio.file.NoSuchFileException: ${path}`).result();
    formatterFile = parseProperties(text);
  }
  const formatter = { ...formatterFile, ...keyValues(o.values('property')) };
  const type = o.has('reject') ? 'REJECT' : o.has('release') ? 'RELEASE' : 'ACCEPT';
  const maxMessages = o.has('max-messages') ? (o.int('max-messages') ?? -1) : -1;
  const topic = o.value('topic') ?? '';

  if (!ctx.read.topic(topic)) {
    out.fail(
      `WARN [ShareConsumer clientId=${clientId}, groupId=${groupId}] Error while fetching metadata: {${topic}=UNKNOWN_TOPIC_OR_PARTITION}`,
    );
    return out.fail('Processed a total of 0 messages').result();
  }
  const joined = ctx.port.shareGroups({ type: 'shareGroupJoin', groupId, clientId, topics: [topic] });
  if (!joined.ok) return out.fail(`ERROR ${joined.error.code}: ${joined.error.message}`).result();
  const memberId = joined.data.memberId;
  let total = 0;
  for (let polls = 0; polls < MAX_POLLS && (maxMessages < 0 || total < maxMessages); polls++) {
    const want = maxMessages < 0 ? 500 : Math.min(500, maxMessages - total); // max.poll.records=500
    const polled = ctx.port.shareGroups({ type: 'shareGroupPoll', groupId, memberId, maxRecords: want });
    if (!polled.ok) {
      out.fail(`ERROR ${polled.error.code}: ${polled.error.message}`);
      break;
    }
    if (polled.data.records.length === 0) break;
    for (const r of polled.data.records) {
      const full = ctx.port.read().records(r.topic, r.partition, r.offset, 1, 'read_uncommitted')[0];
      if (full?.offset !== r.offset) continue;
      // ConsoleShareConsumer (4.0) hands the formatter a copy of the record without its delivery count, so
      // print.delivery=true prints Delivery:NOT_PRESENT.
      out.write(formatDelivery(full, formatter));
      total++;
      const acked = ctx.port.shareGroups({
        type: 'shareGroupAcknowledge',
        groupId,
        memberId,
        topic: r.topic,
        partition: r.partition,
        batches: [{ firstOffset: r.offset, lastOffset: r.offset, type }],
      });
      if (!acked.ok) out.fail(`ERROR ${acked.error.code}: ${acked.error.message}`);
    }
  }
  ctx.port.shareGroups({ type: 'shareGroupLeave', groupId, memberId });
  out.warn(`Processed a total of ${total} messages`);
  return out.result();
}

/** DefaultMessageFormatter with print.delivery: "Delivery:NOT_PRESENT" goes after the offset field. */
function formatDelivery(r: Parameters<typeof formatRecord>[0], p: Record<string, string>): string {
  if ((p['print.delivery'] ?? '').trim().toLowerCase() !== 'true') return formatRecord(r, p);
  // Insert the delivery field where DefaultMessageFormatter#writeTo prints it: after partition and offset.
  const sep = (p['key.separator'] ?? '\t').replace(/\\t/g, '\t').replace(/\\n/g, '\n');
  const before = { ...p, 'print.key': 'false', 'print.value': 'false', 'print.headers': 'false' };
  const head = formatRecord(r, before);
  const lineSep = (p['line.separator'] ?? '\n').replace(/\\t/g, '\t').replace(/\\n/g, '\n');
  const headText = head.endsWith(lineSep) ? head.slice(0, -lineSep.length) : head;
  const tail = formatRecord(r, {
    ...p,
    'print.timestamp': 'false',
    'print.partition': 'false',
    'print.offset': 'false',
  });
  const hasTail =
    (p['print.value'] ?? 'true').trim().toLowerCase() === 'true' ||
    ['print.key', 'print.headers'].some((k) => (p[k] ?? '').trim().toLowerCase() === 'true');
  return `${headText === '' ? '' : headText + sep}Delivery:NOT_PRESENT${hasTail ? sep + tail : lineSep}`;
}

export const consoleShareConsumerTool: ToolDef = {
  name: 'kafka-console-share-consumer.sh',
  aliases: ['kafka-console-share-consumer'],
  summary: 'Read records as a member of a share group (KIP-932), acknowledging each one, then exit.',
  usage:
    'kafka-console-share-consumer.sh --bootstrap-server localhost:9092 --topic T [--group G] [--max-messages N]\n' +
    '  [--reject | --release] [--property print.offset=true] [--property print.partition=true]',
  flags: SPECS.map((s) => `--${s.name}`),
  run: runConsoleShareConsumer,
};
