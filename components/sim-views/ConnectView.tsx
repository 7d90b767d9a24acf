'use client';
// Kafka Connect: the worker group with the connectors and tasks each worker runs (tasks of a lost worker wait
// for the scheduled rebalance, shown as a countdown), each connector's status with its failure trace, and the
// pipeline database → source → topic → sink → bucket/index. Reads only the read model's connect() view.
import { scaleLinear } from 'd3-scale';
import type { ConnectView as Connect } from '@/simulator';
import { useRead, useSim } from '../sim-runtime/useSimulation';
import { Chip, Panel, SimButton } from './ui';

type TaskState = Connect['connectors'][number]['tasks'][number]['state'];

const tone = (s: TaskState | 'running' | 'stopped' | 'crashed') =>
  s === 'RUNNING' || s === 'running'
    ? 'ok'
    : s === 'FAILED' || s === 'crashed'
      ? 'bad'
      : s === 'UNASSIGNED' || s === 'RESTARTING' || s === 'PAUSED'
        ? 'warn'
        : 'muted';

const icon = (s: string) =>
  s === 'RUNNING' || s === 'running'
    ? '▶'
    : s === 'FAILED' || s === 'crashed'
      ? '✕'
      : s === 'PAUSED'
        ? '⏸'
        : '…';

const shortClass = (c: string) => c.split('.').pop() ?? c;

export function ConnectView() {
  const sim = useSim();
  const read = useRead(sim);
  if (!read) return null;
  const view = read.connect();
  const run = (line: string) => sim.run(line);
  return (
    <Panel id="sim-connect" title="Kafka Connect">
      {view.mode === null ? (
        <div className="flex flex-col items-start gap-2 text-sm text-slate-700 dark:text-slate-300">
          <p>
            No Connect worker runs yet. Start one with{' '}
            <code>connect-distributed.sh config/connect-distributed.properties</code>.
          </p>
          <SimButton
            variant="primary"
            onClick={() => run('connect-distributed.sh config/connect-distributed.properties')}
          >
            Start a Connect worker
          </SimButton>
        </div>
      ) : (
        <ConnectBody view={view} now={read.now()} run={run} />
      )}
    </Panel>
  );
}

function ConnectBody({ view, now, run }: { view: Connect; now: number; run: (line: string) => void }) {
  const unassigned = view.connectors.flatMap((c) => c.tasks.filter((t) => t.state === 'UNASSIGNED'));
  const waitLeft = view.scheduledRebalanceAt === null ? null : Math.max(0, view.scheduledRebalanceAt - now);
  const bar = scaleLinear().domain([0, view.maxDelayMs]).range([0, 100]).clamp(true);
  return (
    <div className="flex flex-col gap-3" data-testid="connect-view">
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
        <Chip tone="info">{view.mode}</Chip>
        <span>
          group <strong className="text-slate-900 dark:text-white">{view.groupId}</strong> · generation{' '}
          {view.generation} · offsets flushed every {view.offsetFlushIntervalMs / 1000} s
        </span>
      </p>
      {waitLeft !== null ? (
        <div
          role="status"
          className="rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200"
        >
          <p>
            Lost tasks wait for their worker: the scheduled rebalance runs in {Math.ceil(waitLeft / 1000)} s
            (scheduled.rebalance.max.delay.ms = {view.maxDelayMs / 1000} s).
          </p>
          <div className="mt-1 h-1.5 w-full rounded bg-amber-200 dark:bg-amber-900" aria-hidden="true">
            <div
              className="h-1.5 rounded bg-amber-600 dark:bg-amber-400"
              style={{ width: `${bar(waitLeft)}%` }}
            />
          </div>
        </div>
      ) : null}
      <ul className="grid grid-cols-[repeat(auto-fill,minmax(13rem,1fr))] gap-2" aria-label="Connect workers">
        {view.workers.map((w) => (
          <li
            key={w.id}
            data-worker={w.id}
            className="rounded-lg border border-slate-200 p-2 text-sm dark:border-slate-700"
          >
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-semibold text-slate-900 dark:text-white">{w.id}</span>
              <Chip tone={tone(w.state)}>
                <span aria-hidden="true">{icon(w.state)}</span>
                {w.state}
              </Chip>
            </div>
            <p className="mt-1 text-xs text-slate-700 dark:text-slate-300">
              {w.connectors.length > 0 ? `connectors: ${w.connectors.join(', ')}` : 'no connectors'}
              <br />
              {w.tasks.length > 0 ? `tasks: ${w.tasks.join(', ')}` : 'no tasks'}
              {w.state === 'crashed' && w.member ? (
                <>
                  <br />
                  still a group member until session.timeout.ms
                </>
              ) : null}
            </p>
            <div className="mt-2 flex flex-wrap gap-1">
              {w.state === 'running' ? (
                <>
                  <SimButton onClick={() => run(`connect worker stop ${w.id}`)} label={`Stop worker ${w.id}`}>
                    Stop
                  </SimButton>
                  <SimButton
                    variant="danger"
                    onClick={() => run(`connect worker stop ${w.id} --crash`)}
                    label={`Crash worker ${w.id}`}
                  >
                    Crash
                  </SimButton>
                </>
              ) : view.mode === 'distributed' ? (
                <SimButton onClick={() => run(`connect worker start ${w.id}`)} label={`Start worker ${w.id}`}>
                  Start
                </SimButton>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {view.mode === 'distributed' ? (
        <div>
          <SimButton onClick={() => run('connect-distributed.sh config/connect-distributed.properties')}>
            Add a worker
          </SimButton>
        </div>
      ) : null}
      {unassigned.length > 0 ? (
        <p className="text-xs text-slate-700 dark:text-slate-300">
          Unassigned: {unassigned.map((t) => `${t.connector}-${t.task}`).join(', ')}
        </p>
      ) : null}
      <Connectors view={view} run={run} />
      <Pipeline view={view} />
    </div>
  );
}

function Connectors({ view, run }: { view: Connect; run: (line: string) => void }) {
  if (view.connectors.length === 0)
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        No connectors yet: create one with <code>curl -X POST … localhost:8083/connectors</code>.
      </p>
    );
  return (
    <ul className="flex flex-col gap-2" aria-label="Connectors">
      {view.connectors.map((c) => (
        <li key={c.name} className="rounded-lg border border-slate-200 p-2 text-sm dark:border-slate-700">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-semibold text-slate-900 dark:text-white">{c.name}</span>
            <span className="text-xs text-slate-600 dark:text-slate-400">
              {c.type} · {shortClass(c.connectorClass)}
            </span>
            <Chip tone={tone(c.state)}>
              <span aria-hidden="true">{icon(c.state)}</span>
              {c.state}
            </Chip>
            {c.sinkGroup ? (
              <span className="text-xs text-slate-700 dark:text-slate-300">
                group {c.sinkGroup.groupId} · lag {c.sinkGroup.lag ?? '–'}
              </span>
            ) : null}
          </div>
          <ul className="mt-1 flex flex-wrap gap-1" aria-label={`Tasks of ${c.name}`}>
            {c.tasks.map((t) => (
              <li key={t.task} data-task={`${c.name}-${t.task}`}>
                <Chip tone={t.workerDown && t.state === 'RUNNING' ? 'warn' : tone(t.state)}>
                  <span aria-hidden="true">{icon(t.state)}</span>
                  task {t.task}: {t.state} on {t.workerId}
                  {t.workerDown ? ' (worker down: stale status)' : ''}
                </Chip>
              </li>
            ))}
          </ul>
          {c.tasks.some((t) => t.trace) ? (
            <details className="mt-1 text-xs">
              <summary className="cursor-pointer text-red-800 dark:text-red-300">Failure trace</summary>
              <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-words rounded bg-slate-100 p-2 text-slate-800 dark:bg-slate-950 dark:text-slate-200">
                {c.tasks.find((t) => t.trace)?.trace}
              </pre>
            </details>
          ) : null}
          {c.tasks.some((t) => t.state === 'FAILED') ? (
            <div className="mt-1">
              <SimButton
                onClick={() =>
                  run(
                    `curl -s -X POST 'localhost:8083/connectors/${c.name}/restart?includeTasks=true&onlyFailed=true'`,
                  )
                }
              >
                Restart failed tasks of {c.name}
              </SimButton>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Pipeline({ view }: { view: Connect }) {
  const sources = view.connectors.filter((c) => c.type === 'source');
  const sinks = view.connectors.filter((c) => c.type === 'sink');
  if (view.tables.length === 0 && view.buckets.length === 0 && view.indices.length === 0) return null;
  return (
    <div
      className="flex flex-col gap-2 text-xs text-slate-700 dark:text-slate-300"
      data-testid="connect-pipeline"
    >
      <p className="flex flex-wrap items-center gap-1">
        <span className="font-semibold text-slate-900 dark:text-white">Pipeline:</span>
        {view.tables.map((t) => `${t.name} (${t.rows.length} rows)`).join(', ') || 'no tables'}
        <span aria-hidden="true">→</span>
        {sources.map((c) => c.name).join(', ') || 'no source'}
        <span aria-hidden="true">→</span>
        {[...new Set([...sources, ...sinks].flatMap((c) => c.topics))].join(', ') || 'no topic'}
        <span aria-hidden="true">→</span>
        {sinks.map((c) => c.name).join(', ') || 'no sink'}
      </p>
      {view.buckets.map((b) => (
        <div key={b.bucket}>
          <p className="font-semibold">s3://{b.bucket}</p>
          <ul className="ml-3 list-disc">
            {b.objects.map((o) => (
              <li key={o.key} className="break-all font-mono">
                {o.key} · {o.records} records{o.writes > 1 ? ` · written ${o.writes}×` : ''}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {view.indices.map((ix) => (
        <p key={ix.index}>
          index <strong>{ix.index}</strong>: {ix.documents.length} documents
          {ix.documents.length > 0
            ? ` (ids ${ix.documents
                .slice(0, 4)
                .map((d) => d.id)
                .join(', ')}…)`
            : ''}
        </p>
      ))}
    </div>
  );
}
