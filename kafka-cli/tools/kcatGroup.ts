// kcat -G <group> topic…: the balanced consumer group mode (kcat.c kafkaconsumer_run), librdkafka's high-level
// KafkaConsumer as an ordinary member of the group. What it prints and commits was checked against Debian's kcat 1.7.1
// (librdkafka 2.0.2) talking to this simulator over the wire protocol:
//   % Waiting for group rebalance
//   % Group g rebalanced (memberid rdkafka-<uuid>): assigned: orders [0], orders [1], orders [2]
//   % Reached end of topic orders [0] at offset 2            (": exiting" after the last one, with -e)
//   % Group g rebalanced (memberid rdkafka-<uuid>): revoked: orders [0], orders [1], orders [2]
// librdkafka's defaults differ from the Java consumer's where it matters: auto.offset.reset=latest ("largest"),
// isolation.level=read_committed, partition.assignment.strategy=range,roundrobin, client.id=rdkafka, and the offsets
// it commits are its offset store: the offset after each message handed to the application (enable.auto.offset.store),
// so a partition it read nothing from gets no commit.
import { errorText } from '../kafkaErrors';
import type { CommandOutput, Output } from '../output';
import type { ClusterPort } from '../port';
import type { ToolContext } from '../tool';
import { MAX_THROTTLED_IN_A_ROW, stuckNote } from './fetchThrottle';
import {
  formatKcat,
  type KcatOpts,
  kcatGate,
  kcatSecurityProps,
  last,
  rdkafkaError,
  unescapeDelim,
} from './kcat';
import { capToBytes, fetchQuota, fetchResponseBytes, gated, throttledNote } from './securityGate';

type SeekTo = Parameters<ClusterPort['seekConsumer']>[1];

/** How long the simulated kcat waits for its assignment (the join, group.initial.rebalance.delay.ms, a rebalance). */
const JOIN_WAIT_MS = 60_000;
const JOIN_STEP_MS = 500;

/** kcat's -o in group mode: the offset its rebalance callback gives every assigned partition, or none (stored). */
function seekTarget(raw: string | undefined): SeekTo | null {
  if (raw === undefined || raw === 'stored') return null;
  if (raw === 'beginning') return { kind: 'beginning' };
  if (raw === 'end') return { kind: 'end' };
  // strtoll: leading digits, anything else reads as 0; a negative number is RD_KAFKA_OFFSET_TAIL(n)
  const n = Number.parseInt(raw, 10);
  if (Number.isNaN(n)) return { kind: 'offset', offset: 0 };
  return n < 0 ? { kind: 'tail', count: -n } : { kind: 'offset', offset: n };
}

/** librdkafka's auto.offset.reset names (smallest/earliest/beginning, largest/latest/end, error). */
function offsetReset(o: KcatOpts): 'earliest' | 'latest' | 'none' {
  const set = (o.values.get('X') ?? []).filter((x) => x.startsWith('auto.offset.reset='));
  const v = set.length > 0 ? set[set.length - 1].slice('auto.offset.reset='.length) : 'largest';
  if (['smallest', 'earliest', 'beginning'].includes(v)) return 'earliest';
  if (v === 'error') return 'none';
  return 'latest';
}

function partitionList(parts: ReadonlyArray<{ topic: string; partition: number }>): string {
  return parts.map((p) => `${p.topic} [${p.partition}]`).join(', ');
}

function kcatClientName(ctx: ToolContext): string {
  let n = 1;
  while (ctx.port.clientNameTaken(`kcat-${n}`)) n++;
  return `kcat-${n}`;
}

export function runKcatGroup(o: KcatOpts, ctx: ToolContext, out: Output): CommandOutput {
  const group = last(o, 'G') ?? '';
  // kafkaconsumer_run subscribes to the positional arguments; -t is not read in this mode.
  const topics = o.rest;
  if (topics.length === 0)
    return out
      .fail(`% ERROR: Failed to subscribe to 0 topics: Local: Invalid argument or configuration`)
      .result();
  const offsetRaw = last(o, 'o');
  if (offsetRaw !== undefined && /^[se]@/.test(offsetRaw))
    return out.fail("% ERROR: -o ..@ timestamps can't be used with -G mode").result();
  const countRaw = last(o, 'c');
  let remaining = countRaw === undefined ? Number.MAX_SAFE_INTEGER : Number(countRaw);
  if (!Number.isInteger(remaining) || remaining < 0)
    return out.fail(`% ERROR: Invalid count: ${countRaw}`).result();
  const quiet = o.flags.has('q');
  const info = (line: string) => {
    if (!quiet) out.warn(`% ${line}`);
  };
  const keyDelim = last(o, 'K');
  const delim = unescapeDelim(last(o, 'D') ?? '\n');
  const fmt =
    last(o, 'f') ?? (keyDelim !== undefined ? `%k${keyDelim}%s${delim === '\n' ? '\\n' : delim}` : null);
  const nullWord = o.flags.has('Z') ? 'NULL' : '';
  const isolation = (o.values.get('X') ?? []).includes('isolation.level=read_uncommitted')
    ? 'read_uncommitted'
    : 'read_committed';
  const exitAtEnd = o.flags.has('e');

  // FindCoordinator (DESCRIBE group), JoinGroup/SyncGroup (READ group), OffsetFetch, then ListOffsets and Fetch.
  const g = kcatGate(o, ctx, 'consumer', [
    {
      api: 'Metadata',
      topics,
      allowAutoTopicCreation: false,
      autoCreateTopicsEnable: false,
      existingTopics: topics,
    },
    { api: 'FindCoordinator', keyType: 'GROUP', key: group },
    { api: 'JoinGroup', groupId: group },
    { api: 'SyncGroup', groupId: group },
    { api: 'OffsetFetch', groupId: group, topics },
    { api: 'ListOffsets', topics },
    { api: 'Fetch', topics },
  ]);
  info('Waiting for group rebalance');
  if (!g.ok) return out.fail(`% ERROR: ${rdkafkaError(g)}`).result();
  // allow.auto.create.topics=false in librdkafka: a subscription to a missing topic is an error, which kcat's
  // default (exit on error) makes fatal.
  const missing = topics.find((t) => !ctx.read.topic(t));
  if (missing !== undefined)
    return out
      .fail(
        `% ERROR: Topic ${missing} [0] error: Subscribed topic not available: ${missing}: Broker: Unknown topic or partition`,
      )
      .result();

  const name = kcatClientName(ctx);
  const created = ctx.port.createConsumer(name, {
    groupId: group,
    topics,
    assignor: 'range',
    // The offset store is committed explicitly below, at close, as rd_kafka_consumer_close does.
    autoCommit: false,
    isolationLevel: isolation,
    offsetReset: offsetReset(o),
    instanceId: null,
    clientId: 'rdkafka',
  });
  if (!created.ok) return out.fail(`% ERROR: ${errorText(created.error)}`).result();
  const member = () => ctx.port.read().consumer(name);
  let waited = 0;
  while ((member()?.assignment.length ?? 0) === 0 && waited < JOIN_WAIT_MS) {
    ctx.port.advanceClock(JOIN_STEP_MS);
    waited += JOIN_STEP_MS;
  }
  const joined = member();
  const assignment = [...(joined?.assignment ?? [])].sort(
    (a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition,
  );
  const memberId = joined?.memberId ?? '';
  if (assignment.length === 0) {
    out.warn(
      `% (simulation) kcat got no partitions of ${topics.join(', ')} from group ${group} within ${JOIN_WAIT_MS / 1000} s and stopped`,
    );
    ctx.port.closeConsumer(name);
    return out.result();
  }
  info(`Group ${group} rebalanced (memberid ${memberId}): assigned: ${partitionList(assignment)}`);
  const target = seekTarget(offsetRaw);
  if (target !== null) {
    const sought = ctx.port.seekConsumer(name, target);
    if (!sought.ok) out.fail(`% ERROR: ${errorText(sought.error)}`);
  }

  const stored = new Map<string, { topic: string; partition: number; offset: number }>();
  const props = kcatSecurityProps(o);
  const client = {
    clientId: 'rdkafka',
    kind: 'consumer' as const,
    commandConfig: null,
    ...(props ? { props } : {}),
  };
  const underQuota = props !== null || gated(ctx, null);
  const fetchMaxBytes = g.fetchMaxBytes ?? null;
  let waitedMs = 0;
  let throttledResponses = 0;
  for (let inARow = 0; remaining > 0; ) {
    let budget = Math.min(remaining, 500);
    if (underQuota) {
      // consumer_byte_rate: a throttled fetch carries no records (KafkaApis#handleFetchRequest, KIP-219); librdkafka
      // waits throttle_time_ms and fetches the same records again.
      const next = capToBytes(ctx.read.nextPoll(name, budget), fetchMaxBytes);
      const bytes = fetchResponseBytes(next);
      if (inARow >= MAX_THROTTLED_IN_A_ROW) {
        out.warn(`% ${stuckNote(bytes, fetchMaxBytes)}`);
        break;
      }
      const q = fetchQuota(ctx, client, last(o, 'b') ?? null, bytes);
      if (!q.returnsData) {
        ctx.port.advanceClock(q.throttleTimeMs);
        waitedMs += q.throttleTimeMs;
        throttledResponses++;
        inARow++;
        continue;
      }
      inARow = 0;
      if (next.length > 0) budget = next.length;
    }
    const polled = ctx.port.poll(name, budget);
    if (!polled.ok) {
      out.fail(`% ERROR: ${errorText(polled.error)}`);
      break;
    }
    if (polled.data.length === 0) break;
    const read = ctx.port.read();
    for (const r of polled.data) {
      const full = read.records(r.topic, r.partition, r.offset, 1, isolation)[0];
      const view = full?.offset === r.offset ? full : r;
      out.write(fmt === null ? `${view.value ?? nullWord}${delim}` : formatKcat(fmt, view, nullWord));
      stored.set(`${r.topic}-${r.partition}`, {
        topic: r.topic,
        partition: r.partition,
        offset: r.offset + 1,
      });
      remaining--;
    }
  }
  if (throttledResponses > 0)
    out.warn(`% ${throttledNote('consumer_byte_rate', waitedMs, throttledResponses)}`);
  if (remaining > 0) {
    // Every assigned partition reports PARTITION_EOF at its fetch position; with -e the last one ends the run.
    const positions = member()?.positions ?? {};
    assignment.forEach((p, i) => {
      const at = positions[`${p.topic}-${p.partition}`] ?? 0;
      const exiting = exitAtEnd && i === assignment.length - 1 ? ': exiting' : '';
      info(`Reached end of topic ${p.topic} [${p.partition}] at offset ${at}${exiting}`);
    });
  }
  if (stored.size > 0) {
    const committed = ctx.port.commitConsumer(name, [...stored.values()]);
    if (!committed.ok) out.fail(`% ERROR: Failed to commit offsets: ${errorText(committed.error)}`);
  }
  info(`Group ${group} rebalanced (memberid ${memberId}): revoked: ${partitionList(assignment)}`);
  ctx.port.closeConsumer(name);
  if (!exitAtEnd && !quiet && remaining > 0)
    out.warn('% (simulation) printed everything readable now; kcat without -e would keep waiting');
  return out.result();
}
