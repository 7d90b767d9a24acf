'use client';
// Retention and compaction of one partition: its segments (oldest first) with age against retention.ms,
// the part the cleaner has already compacted, tombstones waiting out delete.retention.ms; advancing the
// clock deletes whole segments or lets the cleaner sweep. The last change stays visible as "before".
import { scaleLinear } from 'd3-scale';
import { useRef, useState } from 'react';
import {
  type EventType,
  formatDuration,
  type PartitionLogView as PartitionLog,
  type SegmentView,
  type SimEvent,
} from '@/simulator';
import { clockCommand } from '../sim-runtime/commands';
import { useFocus } from '../sim-runtime/focus';
import { useRead, useSim, useSimEvents } from '../sim-runtime/useSimulation';
import { PartitionPicker } from './PartitionPicker';
import { Chip, Panel, SimButton } from './ui';

/** The storage area's events that change what this view draws: retention deleting a segment, a cleaner pass. */
const CLEANUP_EVENTS = ['logSegmentDeleted', 'logCleaned'] as const satisfies readonly EventType[];
type CleanupEvent = Extract<SimEvent, { type: (typeof CLEANUP_EVENTS)[number] }>;
const isCleanup = (e: SimEvent): e is CleanupEvent =>
  (CLEANUP_EVENTS as readonly EventType[]).includes(e.type);

export function RetentionView({
  topic: fixedTopic,
  partition: fixedPartition,
}: {
  topic?: string;
  partition?: number;
}) {
  const sim = useSim();
  const read = useRead(sim);
  const focus = useFocus(read);
  const topic = fixedTopic ?? focus.topic;
  const partition = fixedPartition ?? focus.partition;
  const log = topic && read ? read.partitionLog(topic, partition) : null;
  const lastLog = useRef<PartitionLog | null>(null);
  const [before, setBefore] = useState<{ log: PartitionLog; reason: string; seq: number } | null>(null);

  useSimEvents(sim, (events) => {
    const hit = events.find(
      (e): e is CleanupEvent => isCleanup(e) && e.topic === topic && e.partition === partition,
    );
    if (hit && lastLog.current) setBefore({ log: lastLog.current, reason: hit.reason, seq: hit.seq });
  });
  lastLog.current = log;

  if (!read) return null;
  // Effective values (topic override, else the broker's setting, else Kafka's default): the read model's.
  const config = (name: string): string => (topic ? read.topicConfig(topic, name) : null) ?? '';
  const policy = config('cleanup.policy') || 'delete';
  const retentionMs = Number(config('retention.ms'));
  const deleteRetentionMs = Number(config('delete.retention.ms'));

  return (
    <Panel
      id="sim-retention"
      title="Retention and compaction"
      actions={
        fixedTopic ? null : (
          <PartitionPicker
            read={read}
            topic={topic}
            partition={partition}
            idPrefix="sim-ret"
            onChange={(t, p) => focus.setFocus({ topic: t, partition: p })}
          />
        )
      }
    >
      <p className="mb-2 flex flex-wrap gap-1.5 text-xs">
        <Chip tone="info">cleanup.policy={policy}</Chip>
        <Chip tone="muted">
          retention.ms={retentionMs < 0 ? '−1 (forever)' : formatDuration(retentionMs)}
        </Chip>
        {policy.includes('compact') ? (
          <Chip tone="muted">delete.retention.ms={formatDuration(deleteRetentionMs)}</Chip>
        ) : null}
        <Chip tone="muted">clock {formatDuration(read.now())}</Chip>
      </p>
      {log ? (
        <>
          {before ? (
            <div className="mb-2">
              <p className="text-xs font-semibold text-slate-600 dark:text-slate-400">Before</p>
              <SegmentsRow log={before.log} now={read.now()} retentionMs={retentionMs} faded />
            </div>
          ) : null}
          <p className="text-xs font-semibold text-slate-600 dark:text-slate-400">
            {before ? 'After' : 'Now'}
          </p>
          <div className="relative">
            <SegmentsRow log={log} now={read.now()} retentionMs={retentionMs} />
            {before ? <div key={before.seq} className="sim-sweep" aria-hidden="true" /> : null}
          </div>
          {before ? (
            <p className="mt-1 text-xs text-slate-700 dark:text-slate-300" data-testid="retention-reason">
              {before.reason}
            </p>
          ) : null}
        </>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">No partition to show yet.</p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <SimButton label="Advance the clock by 1 hour" onClick={() => sim.run(clockCommand('1h'))}>
          +1 h
        </SimButton>
        <SimButton label="Advance the clock by 1 day" onClick={() => sim.run(clockCommand('1d'))}>
          +1 day
        </SimButton>
        <SimButton label="Advance the clock by 7 days" onClick={() => sim.run(clockCommand('7d'))}>
          +7 days
        </SimButton>
      </div>
    </Panel>
  );
}

function SegmentsRow({
  log,
  now,
  retentionMs,
  faded = false,
}: {
  log: PartitionLog;
  now: number;
  retentionMs: number;
  faded?: boolean;
}) {
  const total = Math.max(
    1,
    log.segments.reduce((n, s) => n + Math.max(1, s.records.length), 0),
  );
  const x = scaleLinear().domain([0, total]).range([0, 100]);
  return (
    <ol
      className={`flex w-full flex-wrap gap-1 ${faded ? 'opacity-60' : ''}`}
      aria-label={`${log.segments.length} segments, log start offset ${log.logStartOffset}`}
    >
      {log.segments.map((seg) => {
        const share = x(Math.max(1, seg.records.length));
        return (
          <SegmentBlock
            key={seg.baseOffset}
            seg={seg}
            share={share}
            now={now}
            retentionMs={retentionMs}
            log={log}
          />
        );
      })}
    </ol>
  );
}

function SegmentBlock({
  seg,
  share,
  now,
  retentionMs,
  log,
}: {
  seg: SegmentView;
  share: number;
  now: number;
  retentionMs: number;
  log: PartitionLog;
}) {
  const age = seg.largestTimestamp < 0 ? 0 : Math.max(0, now - seg.largestTimestamp);
  const expired = !seg.active && retentionMs >= 0 && age > retentionMs;
  const tombstones = seg.records.filter((r) => r.kind === 'tombstone').length;
  const markers = seg.records.filter((r) => r.kind === 'commit-marker' || r.kind === 'abort-marker').length;
  const ageShare = retentionMs > 0 ? Math.min(1, age / retentionMs) : 0;
  const cleanedUpTo = Math.min(seg.endOffset, log.cleanerCheckpoint);
  const label = `Segment ${seg.baseOffset}${seg.active ? ' (active)' : ''}: ${seg.records.length} records, offsets ${seg.baseOffset}–${Math.max(seg.baseOffset, seg.endOffset - 1)}, newest record ${formatDuration(age)} old${expired ? ', past retention: will be deleted' : ''}${seg.cleaned ? ', cleaned' : ''}${tombstones ? `, ${tombstones} tombstones` : ''}`;
  return (
    <li
      className="min-w-[3.5rem] rounded-md border p-1 text-[10px] leading-tight"
      style={{
        flexGrow: share,
        flexBasis: 0,
        borderColor: expired ? 'var(--sim-offline)' : seg.active ? 'var(--sim-hw)' : 'var(--sim-line)',
        borderStyle: expired ? 'dashed' : 'solid',
        background: 'var(--sim-surface)',
      }}
      aria-label={label}
      title={label}
      data-segment={seg.baseOffset}
    >
      <span className="block font-semibold text-slate-900 dark:text-white">
        {seg.baseOffset}
        {seg.active ? ' · active' : ''}
      </span>
      <span className="block text-slate-600 dark:text-slate-400">{seg.records.length} rec</span>
      {tombstones ? <span className="block text-slate-600 dark:text-slate-400">∅ {tombstones}</span> : null}
      {markers ? (
        <span className="block" style={{ color: 'var(--sim-marker)' }}>
          ◆ {markers}
        </span>
      ) : null}
      {seg.cleaned || cleanedUpTo > seg.baseOffset ? (
        <span className="block text-emerald-700 dark:text-emerald-300">cleaned</span>
      ) : null}
      {expired ? <span className="block font-semibold text-red-700 dark:text-red-300">expired</span> : null}
      <svg
        viewBox="0 0 100 4"
        preserveAspectRatio="none"
        className="mt-0.5 block h-1 w-full"
        aria-hidden="true"
      >
        <rect width={100} height={4} fill="var(--sim-line)" />
        <rect
          width={ageShare * 100}
          height={4}
          fill={expired ? 'var(--sim-offline)' : 'var(--sim-out-of-sync)'}
        />
      </svg>
    </li>
  );
}
