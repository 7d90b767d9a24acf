'use client';
// Kafka and RabbitMQ side by side: the same orders go into a Kafka topic read by consumer groups and into a
// RabbitMQ queue read by competing consumers. The Kafka column shows that records stay in the log after
// every group has read them (a new group replays them from offset 0); the RabbitMQ column shows messages
// ready, out for delivery (unacked, with delivery tags and redelivered marks) and gone once acknowledged.
import { scaleLinear } from 'd3-scale';
import { useState } from 'react';
import type { GroupView, RabbitQueueView, ReadModel, RecordView } from '@/simulator';
import { addConsumerCommand, clockCommand, consumerCommand, shellWord } from '../sim-runtime/commands';
import {
  kafkaWorkloadBlock,
  rabbitConsumeCommand,
  rabbitCrashCommand,
  rabbitSettleCommand,
  rabbitWorkloadBlock,
} from '../sim-runtime/rabbitCommands';
import { useRead, useSim } from '../sim-runtime/useSimulation';
import { userTopics } from './readHelpers';
import { Chip, inlineSelectClass, memberBadge, memberColour, Panel, SimButton } from './ui';

const WORKLOAD = 6;

function kafkaRecords(read: ReadModel, topic: string): Array<{ partition: number; records: RecordView[] }> {
  const t = read.topic(topic);
  if (!t) return [];
  return t.partitions.map((p) => {
    const log = read.partitionLog(topic, p.partition);
    const start = log?.logStartOffset ?? 0;
    return {
      partition: p.partition,
      records: read.records(topic, p.partition, start, 200, 'read_uncommitted'),
    };
  });
}

function nextName(taken: ReadonlySet<string>, prefix: string): string {
  for (let i = 1; ; i++) if (!taken.has(`${prefix}${i}`)) return `${prefix}${i}`;
}

export function ComparisonView() {
  const sim = useSim();
  const read = useRead(sim);
  const [topicChoice, setTopicChoice] = useState<string | null>(null);
  const [queueChoice, setQueueChoice] = useState<string | null>(null);
  if (!read) return null;
  const topics = userTopics(read);
  const rabbit = read.rabbitmq();
  const topic =
    topics.find((t) => t.name === topicChoice) ?? topics.find((t) => t.name === 'orders') ?? topics[0];
  const queue =
    rabbit.queues.find((q) => q.name === queueChoice) ??
    rabbit.queues.find((q) => q.name === 'orders') ??
    rabbit.queues[0];
  const run = (line: string) => sim.run(line);
  const kafkaTotal = topic
    ? (read.topic(topic.name)?.partitions.reduce((n, p) => n + (p.highWatermark ?? 0), 0) ?? 0)
    : 0;
  const first = Math.max(kafkaTotal, queue?.stats.published ?? 0) + 1;

  return (
    <Panel
      id="sim-compare"
      title="Kafka vs RabbitMQ"
      actions={
        <>
          <SimButton
            variant="primary"
            disabled={!topic && !queue}
            label={`Send orders ${first} to ${first + WORKLOAD - 1} to both ${topic ? `Kafka topic ${topic.name}` : ''}${topic && queue ? ' and ' : ''}${queue ? `RabbitMQ queue ${queue.name}` : ''}`}
            onClick={() => {
              if (topic) run(kafkaWorkloadBlock(topic.name, first, WORKLOAD));
              if (queue) run(rabbitWorkloadBlock(queue.name, first, WORKLOAD));
            }}
          >
            Send {WORKLOAD} orders to both
          </SimButton>
          <SimButton label="Advance the clock by 1 second" onClick={() => run(clockCommand('1s'))}>
            +1 s
          </SimButton>
          <SimButton label="Advance the clock by 10 seconds" onClick={() => run(clockCommand('10s'))}>
            +10 s
          </SimButton>
        </>
      }
    >
      <div className="grid min-w-0 grid-cols-1 gap-3 lg:grid-cols-2">
        <div
          role="group"
          aria-label="Kafka topic and consumer groups"
          className="min-w-0 rounded-lg border border-slate-200 p-2 dark:border-slate-700"
        >
          <div className="mb-2 flex flex-wrap items-center gap-2">
            <h3 className="text-sm font-semibold text-slate-900 dark:text-white">Kafka: a log</h3>
            {topics.length > 1 ? (
              <label className="flex items-center gap-1 text-xs text-slate-700 dark:text-slate-300">
                Topic
                <select
                  className={inlineSelectClass}
                  value={topic?.name ?? ''}
                  onChange={(e) => setTopicChoice(e.target.value)}
                >
                  {topics.map((t) => (
                    <option key={t.name} value={t.name}>
                      {t.name}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
          </div>
          {topic ? <KafkaSide read={read} topic={topic.name} run={run} /> : <Empty what="Kafka" />}
        </div>
        <div
          role="group"
          aria-label="RabbitMQ queue and competing consumers"
          className="min-w-0 rounded-lg border border-slate-200 p-2 dark:border-slate-700"
        >
          <div className="mb-2 flex flex-wrap items-center gap-2">
            <h3 className="text-sm font-semibold text-slate-900 dark:text-white">RabbitMQ: a queue</h3>
            {rabbit.queues.length > 1 ? (
              <label className="flex items-center gap-1 text-xs text-slate-700 dark:text-slate-300">
                Queue
                <select
                  className={inlineSelectClass}
                  value={queue?.name ?? ''}
                  onChange={(e) => setQueueChoice(e.target.value)}
                >
                  {rabbit.queues.map((q) => (
                    <option key={q.name} value={q.name}>
                      {q.name}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
          </div>
          {queue ? <RabbitSide read={read} queue={queue} run={run} /> : <Empty what="RabbitMQ" />}
        </div>
      </div>
    </Panel>
  );
}

function Empty({ what }: { what: 'Kafka' | 'RabbitMQ' }) {
  return (
    <p className="text-sm text-slate-600 dark:text-slate-400">
      {what === 'Kafka' ? (
        <>
          No topic yet: <code>kafka-topics.sh --create --topic orders --partitions 3</code>
        </>
      ) : (
        <>
          No queue yet: <code>rabbitmqadmin declare queue --name orders</code>
        </>
      )}
    </p>
  );
}

function KafkaSide({ read, topic, run }: { read: ReadModel; topic: string; run: (line: string) => void }) {
  const partitions = kafkaRecords(read, topic);
  const groups = read.groups().filter((g) => g.subscribedTopics.includes(topic));
  const stored = partitions.reduce((n, p) => n + p.records.length, 0);
  const taken = new Set(read.consumers().map((c) => c.name));
  const groupIds = new Set(read.groups().map((g) => g.groupId));
  const newGroup = nextName(groupIds, 'app-');
  const consumer = nextName(taken, 'k');
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <p className="text-xs text-slate-700 dark:text-slate-300" data-testid="kafka-stored">
        <Chip tone="info">{stored} stored</Chip> Records stay in the log after they are read; retention, not
        consumption, removes them.
      </p>
      <ol className="flex min-w-0 flex-col gap-1" aria-label={`Partitions of ${topic}`}>
        {partitions.map((p) => (
          <li key={p.partition} className="flex min-w-0 items-start gap-2 text-xs">
            <span className="w-16 shrink-0 font-mono text-slate-700 dark:text-slate-300">
              {topic}-{p.partition}
            </span>
            <span className="flex min-w-0 flex-wrap gap-1">
              {p.records.length === 0 ? (
                <span className="text-slate-500 dark:text-slate-400">empty</span>
              ) : null}
              {p.records.map((r) => (
                <span
                  key={r.offset}
                  className="rounded border border-slate-300 px-1 font-mono text-slate-800 dark:border-slate-600 dark:text-slate-200"
                  title={`offset ${r.offset}, key ${r.key ?? 'null'}`}
                >
                  {r.offset}:{r.value ?? 'null'}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ol>
      <ul className="flex flex-col gap-2" aria-label={`Consumer groups reading ${topic}`}>
        {groups.map((g) => (
          <GroupRow key={g.groupId} group={g} run={run} />
        ))}
      </ul>
      <div className="flex flex-wrap gap-1">
        <SimButton
          label={`Start a new application: consumer ${consumer} in group ${newGroup}, reading ${topic} from the earliest offset`}
          onClick={() =>
            run(
              `${addConsumerCommand(consumer, newGroup, [topic])} --offset-reset earliest --auto-commit false`,
            )
          }
        >
          + New group from the start
        </SimButton>
        {groups[0] ? (
          <SimButton
            label={`Add consumer ${consumer} to group ${groups[0].groupId}`}
            onClick={() => run(addConsumerCommand(consumer, groups[0].groupId, [topic]))}
          >
            + Consumer in {groups[0].groupId}
          </SimButton>
        ) : null}
      </div>
    </div>
  );
}

function GroupRow({ group, run }: { group: GroupView; run: (line: string) => void }) {
  // Lag is only known where the group has committed (kafka-consumer-groups prints "-" elsewhere).
  const known = group.partitions.filter((p) => p.lag !== null);
  const lag = known.reduce((n, p) => n + (p.lag ?? 0), 0);
  const end = group.partitions.reduce((n, p) => n + (p.logEndOffset ?? 0), 0);
  const committed = group.partitions.reduce((n, p) => n + (p.committed ?? 0), 0);
  const x = scaleLinear()
    .domain([0, Math.max(1, end)])
    .range([0, 100]);
  return (
    <li
      className="rounded-md border border-slate-200 p-2 text-xs dark:border-slate-700"
      data-group={group.groupId}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-semibold text-slate-900 dark:text-white">{group.groupId}</span>
        {known.length === 0 ? (
          <Chip tone="muted">nothing committed yet</Chip>
        ) : (
          <Chip tone={lag > 0 ? 'warn' : 'ok'}>
            lag {lag}
            {known.length < group.partitions.length ? ' (committed partitions)' : ''}
          </Chip>
        )}
        <span className="text-slate-600 dark:text-slate-400">
          {group.state} · committed {committed} of {end}
        </span>
      </div>
      <svg viewBox="0 0 100 6" preserveAspectRatio="none" className="mt-1 h-1.5 w-full" aria-hidden="true">
        <rect width={100} height={6} rx={2} fill="var(--sim-line)" />
        <rect
          width={x(Math.min(end, committed))}
          height={6}
          rx={2}
          fill="var(--sim-ack)"
          className="sim-bar"
        />
      </svg>
      <ul className="mt-1 flex flex-wrap gap-1">
        {group.members.map((m, i) => (
          <li key={m.memberId} className="flex flex-wrap items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-flex h-4 w-4 items-center justify-center rounded-full text-[10px] font-bold text-white"
              style={{ background: memberColour(i) }}
            >
              {memberBadge(i)}
            </span>
            <span className="text-slate-800 dark:text-slate-200">
              {m.name} ({m.owned.map((tp) => tp.partition).join(',') || 'none'})
            </span>
            <SimButton
              label={`Poll, process and commit consumer ${m.name}`}
              onClick={() => {
                run(consumerCommand('poll', m.name));
                run(`consumer process ${shellWord(m.name)}`);
                run(consumerCommand('commit', m.name));
              }}
            >
              Read {m.name}
            </SimButton>
          </li>
        ))}
      </ul>
    </li>
  );
}

function RabbitSide({
  read,
  queue,
  run,
}: {
  read: ReadModel;
  queue: RabbitQueueView;
  run: (line: string) => void;
}) {
  const rabbit = read.rabbitmq();
  const tags = new Set([
    ...Object.keys(rabbit.received),
    ...rabbit.queues.flatMap((q) => q.consumers.map((c) => c.tag)),
  ]);
  const tag = nextName(tags, 'r');
  const s = queue.stats;
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <p
        className="flex flex-wrap items-center gap-1 text-xs text-slate-700 dark:text-slate-300"
        data-testid="rabbit-stats"
      >
        <Chip tone="info">{queue.messages} in queue</Chip>
        <Chip tone="muted">{s.acked} acked = deleted</Chip>
        {s.redelivered > 0 ? <Chip tone="warn">{s.redelivered} redelivered</Chip> : null}
        {s.deadLettered + s.dropped > 0 ? (
          <Chip tone="bad">{s.deadLettered + s.dropped} dead-lettered or dropped</Chip>
        ) : null}
        <span>
          {queue.type} queue{queue.type === 'quorum' ? `, delivery limit ${queue.deliveryLimit}` : ''}
        </span>
      </p>
      <div className="flex min-w-0 items-start gap-2 text-xs">
        <span className="w-16 shrink-0 text-slate-700 dark:text-slate-300">ready</span>
        {queue.ready.length === 0 ? (
          <span className="text-slate-500 dark:text-slate-400">empty</span>
        ) : (
          <ol
            className="flex min-w-0 flex-wrap gap-1"
            aria-label={`Ready messages in ${queue.name}, head first`}
          >
            {queue.ready.map((m) => (
              <li
                key={m.messageId}
                className="rounded border border-slate-300 px-1 font-mono text-slate-800 dark:border-slate-600 dark:text-slate-200"
              >
                {m.body}
                {m.redelivered ? <span title="redelivered"> ↺</span> : null}
              </li>
            ))}
          </ol>
        )}
      </div>
      <AckOrder read={read} queue={queue.name} />
      <ul className="flex flex-col gap-2" aria-label={`Consumers of ${queue.name}`}>
        {queue.consumers.map((c, i) => {
          const history = (rabbit.received[c.tag] ?? []).filter((r) => r.queue === queue.name).slice(-8);
          const oldest = c.unacked[0];
          return (
            <li
              key={c.tag}
              className="rounded-md border-2 p-2 text-xs"
              style={{ borderColor: memberColour(i) }}
              data-consumer={c.tag}
            >
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-semibold text-slate-900 dark:text-white">{c.tag}</span>
                <span className="text-slate-600 dark:text-slate-400">
                  prefetch {c.prefetch === 0 ? '∞' : c.prefetch}
                  {c.processingMs === null ? ', acks by hand' : `, acks after ${c.processingMs} ms`}
                </span>
              </div>
              <p className="mt-1 text-slate-700 dark:text-slate-300">
                holding:{' '}
                {c.unacked.length === 0
                  ? 'nothing'
                  : c.unacked
                      .map((u) => `#${u.deliveryTag} ${u.body}${u.redelivered ? ' (redelivered)' : ''}`)
                      .join(', ')}
              </p>
              <p className="text-slate-600 dark:text-slate-400" data-testid={`received-${c.tag}`}>
                received in order:{' '}
                {history.length === 0
                  ? '—'
                  : history
                      .map(
                        (r) =>
                          `${r.body}${r.redelivered ? '↺' : ''}${r.outcome === 'acked' ? '✓' : r.outcome === 'returned' ? '✗' : '…'}`,
                      )
                      .join(' ')}
              </p>
              <div className="mt-1 flex flex-wrap gap-1">
                <SimButton
                  disabled={!oldest}
                  label={
                    oldest
                      ? `Ack delivery ${oldest.deliveryTag} (${oldest.body}) of consumer ${c.tag}`
                      : `Ack: consumer ${c.tag} holds nothing`
                  }
                  onClick={() => oldest && run(rabbitSettleCommand('ack', c.tag, oldest.deliveryTag))}
                >
                  Ack
                </SimButton>
                <SimButton
                  disabled={!oldest}
                  label={
                    oldest
                      ? `Nack delivery ${oldest.deliveryTag} (${oldest.body}) of consumer ${c.tag} with requeue`
                      : `Nack: consumer ${c.tag} holds nothing`
                  }
                  onClick={() => oldest && run(rabbitSettleCommand('nack', c.tag, oldest.deliveryTag))}
                >
                  Nack (requeue)
                </SimButton>
                <SimButton
                  variant="danger"
                  label={`Crash consumer ${c.tag}`}
                  onClick={() => run(rabbitCrashCommand(c.tag))}
                >
                  Crash
                </SimButton>
              </div>
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap gap-1">
        <SimButton
          label={`Add consumer ${tag} to queue ${queue.name}: prefetch 1, acks after 500 ms`}
          onClick={() => run(rabbitConsumeCommand({ queue: queue.name, tag, prefetch: 1, processMs: 500 }))}
        >
          + Consumer {tag}
        </SimButton>
      </div>
    </div>
  );
}

/** The order in which the queue's messages were finished (acknowledged), across all its consumers. */
function AckOrder({ read, queue }: { read: ReadModel; queue: string }) {
  const done = Object.values(read.rabbitmq().received)
    .flat()
    .filter((r) => r.queue === queue && r.ackedAt !== null)
    .sort((a, b) => (a.ackedAt ?? 0) - (b.ackedAt ?? 0) || a.messageId - b.messageId)
    .slice(-12);
  if (done.length === 0) return null;
  return (
    <p className="text-xs text-slate-700 dark:text-slate-300" data-testid="rabbit-ack-order">
      <span className="font-semibold">Finished in this order:</span> {done.map((r) => r.body).join(' → ')}
    </p>
  );
}
