// kafka-consumer-groups.sh --delete-offsets (KIP-496): ConsumerGroupService#deleteOffsets. The topics named
// without partitions are described first (an unknown one is a "Not Provided" row); the group's committed
// offsets of the partitions found are deleted with Admin#deleteConsumerGroupOffsets. The tool prints the
// top-level result, then a TOPIC / PARTITION / STATUS table (%-30s %-15s %-15s) sorted by topic+partition
// as one string, and exits 0 whatever the result (printError writes to standard output).

import { errorText } from '../kafkaErrors';
import type { ParsedOptions } from '../options';
import type { CommandOutput, Output } from '../output';
import type { ToolContext } from '../tool';

/** Errors#message for the codes the OffsetDelete path returns. */
const MESSAGES: Record<string, string> = {
  GROUP_SUBSCRIBED_TO_TOPIC:
    'Deleting offsets of a topic is forbidden while the consumer group is actively subscribed to it.',
  UNKNOWN_TOPIC_OR_PARTITION: 'This server does not host this topic-partition.',
};

type Row = { topic: string; partition: number; status: string };

const exceptionText = (code: string, message: string) =>
  `org.apache.kafka.common.errors.${errorText({ code, message })}`;

export function deleteOffsets(o: ParsedOptions, ctx: ToolContext, out: Output): CommandOutput {
  const groupId = o.value('group') ?? '';
  const topics = o.values('topic');
  const rows: Row[] = [];
  const partitions: Array<{ topic: string; partition: number }> = [];
  const seen = new Set<string>();
  const add = (topic: string, partition: number) => {
    const k = `${topic}\u0000${partition}`;
    if (seen.has(k)) return;
    seen.add(k);
    partitions.push({ topic, partition });
  };
  for (const spec of topics) {
    const colon = spec.indexOf(':');
    if (colon >= 0) {
      // ConsumerGroupService#parseTopicsWithPartitions: Integer.parseInt of each listed partition.
      const topic = spec.slice(0, colon);
      for (const raw of spec.slice(colon + 1).split(',')) {
        if (!/^-?\d+$/.test(raw.trim())) {
          out.line();
          return out
            .line(`Error: Executing consumer group command failed due to For input string: "${raw.trim()}"`)
            .result();
        }
        add(topic, Number(raw.trim()));
      }
      continue;
    }
    const t = ctx.read.topic(spec);
    if (!t)
      rows.push({
        topic: spec,
        partition: -1,
        status: `Error: :${exceptionText('UNKNOWN_TOPIC_OR_PARTITION', MESSAGES.UNKNOWN_TOPIC_OR_PARTITION)}`,
      });
    else for (const p of t.partitions) add(spec, p.partition);
  }

  const res = ctx.port.deleteGroupOffsets(groupId, partitions);
  let top: string | null = null;
  if (!res.ok) {
    // A group-level error fails every partition's future with the same exception (DeleteConsumerGroupOffsetsResult).
    const text = exceptionText(res.error.code, res.error.message);
    for (const p of partitions) rows.push({ ...p, status: `Error: :${text}` });
    top =
      res.error.code === 'GroupIdNotFoundException'
        ? `'${groupId}' does not exist.`
        : `Encounter some unknown error: ${errorCode(res.error.code)}`;
  } else {
    for (const p of res.data) {
      rows.push({
        topic: p.topic,
        partition: p.partition,
        status:
          p.error === null ? 'Successful' : `Error: :${exceptionText(p.error, MESSAGES[p.error] ?? p.error)}`,
      });
    }
    if (res.data.some((p) => p.error !== null))
      top = 'Encounter some partition level error, see the follow-up details:';
  }
  if (top === null)
    out.line(`Request succeed for deleting offsets with topic ${topics.join(', ')} group ${groupId}`);
  else {
    out.line();
    out.line(`Error: ${top}`);
  }
  const row = (a: string, b: string, c: string) => `${a.padEnd(30)} ${b.padEnd(15)} ${c.padEnd(15)}`;
  out.line();
  out.line(row('TOPIC', 'PARTITION', 'STATUS'));
  // Comparator.comparing(topic + partition): a string order, so orders-10 sorts before orders-2.
  const key = (r: Row) => `${r.topic}${r.partition}`;
  rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  for (const r of rows)
    out.line(row(r.topic, r.partition >= 0 ? String(r.partition) : 'Not Provided', r.status));
  return out.result();
}

/** The Errors name the tool prints for an unexpected top-level error (COORDINATOR_NOT_AVAILABLE, ...). */
function errorCode(exception: string): string {
  const known: Record<string, string> = { CoordinatorNotAvailableException: 'COORDINATOR_NOT_AVAILABLE' };
  return known[exception] ?? exception;
}
