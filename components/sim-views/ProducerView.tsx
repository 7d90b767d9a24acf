'use client';
// Compose and send a record, choose the producer's acks / idempotence / linger, and watch it travel:
// producer → partition leader, leader → followers (replication), acknowledgement back; a failure stops
// where it happened with the error's name. Every flight is one simulator event.
import { useCallback, useContext, useMemo, useState } from 'react';
import { murmur2, type ProducerBatchView, type ReadModel, toPositive } from '@/simulator';
import { createProducerCommand, flushCommand, parseHeaders, sendCommand } from '../sim-runtime/commands';
import { useFocus } from '../sim-runtime/focus';
import { useSimUi } from '../sim-runtime/uiStore';
import { useRead, useSim, useSimEvents } from '../sim-runtime/useSimulation';
import { useFlightLayer } from './FlightLayer';
import { type Anchor, flightsFor } from './flights';
import { userTopics } from './readHelpers';
import { Chip, inlineSelectClass, inputClass, labelClass, Panel, PanelScope, SimButton } from './ui';

const W = 360;
const BOX_H = 26;

export function ProducerView() {
  const scope = useContext(PanelScope);
  const sim = useSim();
  const read = useRead(sim);
  const focus = useFocus(read);
  const speed = useSimUi((s) => s.speed);
  const largeMode = useSimUi((s) => s.largeMode);
  const [producerName, setProducerName] = useState<string | null>(null);
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [headers, setHeaders] = useState('');
  const [partition, setPartition] = useState<string>('auto');
  const [tombstone, setTombstone] = useState(false);
  const [wait, setWait] = useState(true);
  const [topicChoice, setTopicChoice] = useState<string | null>(null);
  const [settings, setSettings] = useState({
    name: '',
    acks: 'all' as '0' | '1' | 'all',
    idempotence: true,
    lingerMs: 0,
  });
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const brokers = read?.brokers() ?? [];
  const height = Math.max(90, 16 + brokers.length * (BOX_H + 8));
  const brokerY = useCallback(
    (id: number) => {
      const i = brokers.findIndex((b) => b.id === id);
      return i < 0 ? null : 12 + i * (BOX_H + 8) + BOX_H / 2;
    },
    [brokers],
  );
  const locate = useCallback(
    (a: Anchor) => {
      if (a.kind === 'producer') return { x: 70, y: height / 2 };
      const y = brokerY(a.id);
      return y === null ? null : { x: W - 80, y };
    },
    [brokerY, height],
  );
  const { gRef, launch } = useFlightLayer(locate);
  useSimEvents(sim, (events) => {
    const leaders = new Map<string, number | null>();
    for (const t of sim.read().topics())
      for (const p of t.partitions) leaders.set(`${t.name}-${p.partition}`, p.leader);
    launch(
      events.flatMap((e) =>
        flightsFor(e, (topic, partition) => leaders.get(`${topic}-${partition}`) ?? null),
      ),
      650 / speed,
    );
  });

  const producers = read?.producers() ?? [];
  const current = producers.find((p) => p.name === producerName) ?? producers[0] ?? null;
  const topics = useMemo(() => (read ? userTopics(read) : []), [read]);
  const topic = topics.find((t) => t.name === (topicChoice ?? focus.topic)) ?? topics[0] ?? null;
  const pending = current?.pendingSends.length ?? 0;

  if (!read) return null;

  function send() {
    if (!current || !topic) return;
    const line = sendCommand({
      producer: current.name,
      topic: topic.name,
      key,
      value,
      partition: partition === 'auto' ? null : Number(partition),
      headers: parseHeaders(headers),
      tombstone,
    });
    const r = sim.run(line);
    // The log view follows the record to the partition the partitioner chose.
    const sent = r.ok ? sim.read().producer(current.name)?.pendingSends.at(-1) : undefined;
    // Like send().get(): flush so the acknowledgement (or the error) comes back now, and report only that.
    const f = r.ok && wait ? sim.run(flushCommand(current.name)) : null;
    const text = f?.output.trim() || r.output.trim();
    setResult({ ok: r.ok && (f?.ok ?? true), text: text || (r.ok ? 'Sent.' : 'Failed.') });
    if (sent && sent.topic === topic.name) focus.setFocus({ topic: sent.topic, partition: sent.partition });
  }

  function createProducer() {
    const name = settings.name.trim() || nextProducerName(read as ReadModel);
    const r = sim.run(createProducerCommand({ ...settings, name }));
    setResult({ ok: r.ok, text: r.output.trim() || (r.ok ? `Producer ${name} created.` : 'Failed.') });
    if (r.ok) setProducerName(name);
  }

  return (
    <Panel id="sim-producer" title="Producer">
      <svg
        viewBox={`0 0 ${W} ${height}`}
        width="100%"
        style={{ maxWidth: largeMode ? 720 : 520 }}
        className="sim-svg mb-3 block text-[11px]"
        role="img"
        aria-label="Records travel from the producer to the partition leader, replicate to followers, and the acknowledgement returns."
      >
        <g>
          <rect
            x={10}
            y={height / 2 - 18}
            width={110}
            height={36}
            rx={8}
            fill="var(--sim-surface)"
            stroke="var(--sim-flight)"
            strokeWidth={1.5}
          />
          <text x={65} y={height / 2 + 4} textAnchor="middle" fill="var(--sim-fg)" fontWeight={600}>
            {current ? `producer ${current.name}` : 'no producer'}
          </text>
          {brokers.map((b) => {
            const y = (brokerY(b.id) ?? 0) - BOX_H / 2;
            const down = b.state !== 'online';
            return (
              <g key={b.id}>
                <rect
                  x={W - 120}
                  y={y}
                  width={110}
                  height={BOX_H}
                  rx={6}
                  fill="var(--sim-surface)"
                  stroke={down ? 'var(--sim-offline)' : 'var(--sim-line)'}
                  strokeDasharray={down ? '4 3' : undefined}
                />
                <text
                  x={W - 65}
                  y={y + BOX_H / 2 + 4}
                  textAnchor="middle"
                  fill={down ? 'var(--sim-offline)' : 'var(--sim-fg)'}
                >
                  broker {b.id}
                  {down ? ` (${b.state})` : ''}
                </text>
              </g>
            );
          })}
        </g>
        <g ref={gRef} />
      </svg>

      {current ? (
        <p className="mb-2 flex flex-wrap items-center gap-1.5 text-xs text-slate-700 dark:text-slate-300">
          <label className="flex items-center gap-1 font-medium">
            Producer
            <select
              className={inlineSelectClass}
              value={current.name}
              onChange={(e) => setProducerName(e.target.value)}
            >
              {producers.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <Chip tone="muted">acks={current.acks}</Chip>
          <Chip tone={current.idempotence ? 'ok' : 'muted'}>
            idempotence {current.idempotence ? 'on' : 'off'}
          </Chip>
          <Chip tone="muted">linger.ms={current.lingerMs}</Chip>
          {current.transactionalId ? (
            <Chip tone="info">
              txn {current.transactionalId}
              {current.transaction === 'open' ? ' (open)' : ''}
            </Chip>
          ) : null}
          {pending > 0 ? <Chip tone="warn">{pending} buffered</Chip> : null}
        </p>
      ) : null}

      {current ? (
        <Accumulator
          producer={current.name}
          batches={current.batches}
          lingerMs={current.lingerMs}
          now={read.now()}
        />
      ) : null}

      <form
        className="grid grid-cols-2 gap-2 sm:grid-cols-4"
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
        aria-label={scope ? `Compose a record: ${scope}` : 'Compose a record'}
      >
        <label className={labelClass}>
          Topic
          <select
            className={inputClass}
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
        <label className={labelClass}>
          Partition
          <select className={inputClass} value={partition} onChange={(e) => setPartition(e.target.value)}>
            <option value="auto">By key (partitioner)</option>
            {(topic?.partitions ?? []).map((p) => (
              <option key={p.partition} value={String(p.partition)}>
                {p.partition}
              </option>
            ))}
          </select>
        </label>
        <label className={labelClass}>
          Key
          <input
            className={inputClass}
            value={key}
            onChange={(e) => setKey(e.target.value)}
            placeholder="(none)"
          />
        </label>
        <label className={labelClass}>
          Value
          <input
            className={inputClass}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            disabled={tombstone}
          />
        </label>
        <label className={`${labelClass} col-span-2`}>
          Headers (k=v, comma separated)
          <input className={inputClass} value={headers} onChange={(e) => setHeaders(e.target.value)} />
        </label>
        <label className="col-span-1 flex items-center gap-2 self-end text-xs font-medium text-slate-700 dark:text-slate-300">
          <input type="checkbox" checked={tombstone} onChange={(e) => setTombstone(e.target.checked)} />
          Tombstone (null value)
        </label>
        <label className="col-span-2 flex items-center gap-2 text-xs font-medium text-slate-700 sm:col-span-4 dark:text-slate-300">
          <input type="checkbox" checked={wait} onChange={(e) => setWait(e.target.checked)} />
          Wait for the acknowledgement (flush after sending, like send().get()); untick to see records wait in
          the batch for linger.ms
        </label>
        <div className="col-span-1 flex items-end gap-1">
          <SimButton type="submit" variant="primary" disabled={!current || !topic}>
            Produce record
          </SimButton>
          {current && pending > 0 ? (
            <SimButton
              label={`Flush producer ${current.name}`}
              onClick={() => sim.run(flushCommand(current.name))}
            >
              Flush
            </SimButton>
          ) : null}
        </div>
      </form>
      {topic && current && partition === 'auto' && key !== '' ? (
        <KeyHash
          keyText={key}
          partitions={topic.partitions.length}
          ignoreKeys={current.configs['partitioner.ignore.keys'] === 'true'}
        />
      ) : null}
      <p className="mt-2 min-h-[1.25rem] text-xs" role="status" data-testid="produce-result">
        {result ? (
          <span
            className={
              result.ok
                ? 'text-slate-700 dark:text-slate-300'
                : 'font-semibold text-red-700 dark:text-red-300'
            }
          >
            {result.text}
          </span>
        ) : null}
      </p>

      <details className="mt-2 rounded-md border border-slate-200 p-2 text-sm dark:border-slate-800">
        <summary className="cursor-pointer text-xs font-semibold text-slate-700 dark:text-slate-300">
          New producer with other settings
        </summary>
        <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
          <label className={labelClass}>
            Name
            <input
              className={inputClass}
              value={settings.name}
              placeholder={nextProducerName(read)}
              onChange={(e) => setSettings({ ...settings, name: e.target.value })}
            />
          </label>
          <label className={labelClass}>
            acks
            <select
              className={inputClass}
              value={settings.acks}
              onChange={(e) => setSettings({ ...settings, acks: e.target.value as '0' | '1' | 'all' })}
            >
              <option value="0">0 (fire and forget)</option>
              <option value="1">1 (leader only)</option>
              <option value="all">all (every in-sync replica)</option>
            </select>
          </label>
          <label className={labelClass}>
            linger.ms
            <input
              type="number"
              min={0}
              max={60000}
              className={inputClass}
              value={settings.lingerMs}
              onChange={(e) => setSettings({ ...settings, lingerMs: Number(e.target.value) || 0 })}
            />
          </label>
          <label className="flex items-center gap-2 self-end text-xs font-medium text-slate-700 dark:text-slate-300">
            <input
              type="checkbox"
              checked={settings.idempotence}
              onChange={(e) => setSettings({ ...settings, idempotence: e.target.checked })}
            />
            Idempotence
          </label>
        </div>
        <div className="mt-2">
          <SimButton onClick={createProducer}>Create producer</SimButton>
        </div>
      </details>
    </Panel>
  );
}

/** What a batch is waiting for, in words (RecordAccumulator#ready, Sender#sendProducerData). */
function batchStatus(b: ProducerBatchView, lingerMs: number, now: number): string {
  switch (b.state) {
    case 'open': {
      const left = b.createdAt + lingerMs - now;
      return left > 0
        ? `filling: linger.ms ends in ${left} ms, or sooner when full`
        : 'filling: linger.ms is over';
    }
    case 'ready':
      return 'sendable: waiting for the sender (a leader or an in-flight slot)';
    case 'inflight':
      return b.broker === null ? 'in flight' : `in flight to broker ${b.broker}`;
    case 'backoff':
      return `retry ${b.attempts}: waiting retry.backoff.ms`;
  }
}

/**
 * The producer's RecordAccumulator: one queue of batches per partition. A record joins the partition's open batch;
 * the batch is sent when it holds batch.size bytes, when linger.ms has passed since it was created, or on flush().
 */
function Accumulator({
  producer,
  batches,
  lingerMs,
  now,
}: {
  producer: string;
  batches: ProducerBatchView[];
  lingerMs: number;
  now: number;
}) {
  const batchSize = batches[0]?.batchSize;
  return (
    // A group, not a landmark: two producer views on one page may show producers of the same name.
    <div
      role="group"
      aria-label={`Accumulator of producer ${producer}`}
      className="mb-3 rounded-md border border-slate-200 p-2 text-xs dark:border-slate-800"
      data-testid="producer-accumulator"
    >
      <p className="mb-1 font-semibold text-slate-700 dark:text-slate-300">
        Batches (RecordAccumulator){batchSize ? `, batch.size=${batchSize} bytes` : ''}, linger.ms={lingerMs}
      </p>
      {batches.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">
          No batch: every record sent so far has been acknowledged (or failed).
        </p>
      ) : (
        <ul className="space-y-1.5">
          {batches.map((b) => {
            const fill = Math.min(100, Math.round((b.sizeBytes / b.batchSize) * 100));
            return (
              <li key={b.batchId} className="grid gap-0.5">
                <span className="flex flex-wrap gap-x-2 text-slate-800 dark:text-slate-200">
                  <span className="font-mono font-semibold">
                    {b.topic}-{b.partition}
                  </span>
                  <span>
                    {b.records} record{b.records === 1 ? '' : 's'}, {b.sizeBytes} of {b.batchSize} bytes
                  </span>
                  <span className="text-slate-600 dark:text-slate-400">{batchStatus(b, lingerMs, now)}</span>
                </span>
                <span
                  role="meter"
                  aria-label={`Batch of ${b.topic}-${b.partition}, bytes of batch.size`}
                  aria-valuemin={0}
                  aria-valuemax={b.batchSize}
                  aria-valuenow={Math.min(b.sizeBytes, b.batchSize)}
                  className="block h-1.5 overflow-hidden rounded bg-slate-200 dark:bg-slate-800"
                >
                  <span
                    className={`block h-full ${b.state === 'open' ? 'bg-amber-500' : 'bg-sky-600'}`}
                    style={{ width: `${Math.max(fill, 2)}%` }}
                  />
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/**
 * The default partitioner's arithmetic for the key being typed (BuiltInPartitioner#partitionForKey): murmur2 of
 * the key's UTF-8 bytes (StringSerializer), the sign bit cleared (Utils#toPositive), modulo the partition count.
 */
function KeyHash({
  keyText,
  partitions,
  ignoreKeys,
}: {
  keyText: string;
  partitions: number;
  ignoreKeys: boolean;
}) {
  if (ignoreKeys) {
    return (
      <p className="mt-2 text-xs text-slate-700 dark:text-slate-300" data-testid="key-hash">
        partitioner.ignore.keys=true: this producer ignores the key and uses the sticky partition.
      </p>
    );
  }
  const hash = murmur2(keyText);
  const positive = toPositive(hash);
  return (
    <p
      className="mt-2 break-words font-mono text-xs text-slate-700 dark:text-slate-300"
      data-testid="key-hash"
    >
      murmur2("{keyText}") = {hash}, &amp; 0x7fffffff = {positive}, % {partitions} ={' '}
      <strong>partition {positive % partitions}</strong>
    </p>
  );
}

function nextProducerName(read: ReadModel): string {
  const taken = new Set(read.producers().map((p) => p.name));
  for (let i = 1; ; i++) if (!taken.has(`p${i}`)) return `p${i}`;
}
