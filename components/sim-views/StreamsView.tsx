'use client';
// A Kafka Streams application: its sub-topologies as processor graphs (sources, processors with their state
// stores, sinks) with the records each node has received, its instances with their tasks, each task's stream
// time, dropped records and restore progress, and the contents of a task's stores beside their changelog
// partition. Everything is the read model's (readModel(sim).streamsApp); buttons run console lines.
import { useContext, useMemo, useRef, useState } from 'react';
import type { ReadModel, StreamsAppView, StreamsNodeView, StreamsTaskView } from '@/simulator';
import { clockCommand, streamsCommand } from '../sim-runtime/commands';
import { useRead, useSim } from '../sim-runtime/useSimulation';
import { Chip, inlineSelectClass, memberBadge, memberColour, Panel, PresenterMode, SimButton } from './ui';
import { useWidth } from './useWidth';

export function StreamsView({ app: fixedApp }: { app?: string }) {
  const sim = useSim();
  const read = useRead(sim);
  const [chosen, setChosen] = useState<string | null>(null);
  if (!read) return null;
  const apps = read.streamsApps();
  const appId = fixedApp ?? chosen ?? apps[0]?.applicationId ?? null;
  const app = apps.find((a) => a.applicationId === appId) ?? null;
  return (
    <Panel
      id="sim-streams"
      title="Kafka Streams"
      actions={
        !fixedApp && apps.length > 1 ? (
          <label className="flex items-center gap-2 text-xs font-medium text-slate-700 dark:text-slate-300">
            Application
            <select
              className={inlineSelectClass}
              value={appId ?? ''}
              onChange={(e) => setChosen(e.target.value)}
            >
              {apps.map((a) => (
                <option key={a.applicationId} value={a.applicationId}>
                  {a.applicationId}
                </option>
              ))}
            </select>
          </label>
        ) : null
      }
    >
      {app ? (
        <AppBody read={read} app={app} run={(line) => sim.run(line)} />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No Kafka Streams application yet. Define one in the console:{' '}
          <code>streams create APP &lt;&lt;EOF</code>, a DSL line such as{' '}
          <code>stream orders | groupByKey | count | toStream | to counts</code>, then <code>EOF</code>.
        </p>
      )}
    </Panel>
  );
}

const stateTone = (s: StreamsAppView['state']) =>
  s === 'RUNNING' ? 'ok' : s === 'ERROR' ? 'bad' : s === 'REBALANCING' ? 'warn' : 'muted';

function AppBody({ read, app, run }: { read: ReadModel; app: StreamsAppView; run: (line: string) => void }) {
  const [taskId, setTaskId] = useState<string | null>(null);
  const instanceIndex = new Map(app.instances.map((i, n) => [i.name, n]));
  const task = app.tasks.find((t) => t.id === taskId) ?? app.tasks.find((t) => t.stores.length > 0) ?? null;
  return (
    <div className="flex flex-col gap-3">
      <p
        className="flex flex-wrap items-center gap-2 text-sm text-slate-700 dark:text-slate-300"
        data-testid="streams-state"
      >
        <span className="font-semibold text-slate-900 dark:text-white">{app.applicationId}</span>
        <Chip tone={stateTone(app.state)}>{app.state}</Chip>
        <span>
          group {app.applicationId} · {app.guarantee} · commit.interval.ms={app.commitIntervalMs}
        </span>
      </p>
      {app.error ? (
        <p
          className="rounded-md border border-red-300 bg-red-50 px-2 py-1 text-xs text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-200"
          role="status"
        >
          {app.error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <SimButton variant="primary" onClick={() => run(streamsCommand('start', app.applicationId))}>
          Start an instance
        </SimButton>
        <SimButton label="Advance the clock by 1 second" onClick={() => run(clockCommand('1s'))}>
          Advance 1 s
        </SimButton>
        <SimButton
          label="Advance the clock by 45 seconds (session.timeout.ms)"
          onClick={() => run(clockCommand('45s'))}
        >
          Advance 45 s
        </SimButton>
      </div>
      {app.instances.length > 0 ? (
        <ul
          className="grid grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] gap-2"
          aria-label={`Instances of ${app.applicationId}`}
        >
          {app.instances.map((i, n) => (
            <li
              key={i.name}
              className="rounded-lg border-2 p-2 text-sm"
              style={{ borderColor: memberColour(n) }}
            >
              <div className="flex items-center gap-2">
                <span
                  aria-hidden="true"
                  className="inline-flex h-6 w-6 items-center justify-center rounded-full text-xs font-bold text-white"
                  style={{ background: memberColour(n) }}
                >
                  {memberBadge(n)}
                </span>
                <span className="font-semibold text-slate-900 dark:text-white">{i.name}</span>
                <Chip tone={i.status === 'RUNNING' ? 'ok' : 'bad'}>{i.status}</Chip>
              </div>
              <p className="mt-1 text-xs text-slate-700 dark:text-slate-300">
                tasks {i.tasks.length > 0 ? i.tasks.join(', ') : 'none'}
              </p>
              {i.status === 'RUNNING' ? (
                <div className="mt-2 flex flex-wrap gap-1">
                  <SimButton
                    label={`Stop instance ${i.name}`}
                    onClick={() => run(streamsCommand('stop', app.applicationId, i.name))}
                  >
                    Stop
                  </SimButton>
                  <SimButton
                    variant="danger"
                    label={`Crash instance ${i.name}`}
                    onClick={() => run(streamsCommand('crash', app.applicationId, i.name))}
                  >
                    Crash
                  </SimButton>
                </div>
              ) : (
                <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                  still a group member until session.timeout.ms
                </p>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {app.subtopologies.map((s) => (
        <SubtopologyGraph key={s.id} id={s.id} nodes={s.nodes} />
      ))}
      {app.tasks.length > 0 ? (
        <TaskTable
          tasks={app.tasks}
          instanceIndex={instanceIndex}
          selected={task?.id ?? null}
          onSelect={setTaskId}
        />
      ) : null}
      {task ? <TaskStores read={read} task={task} eos={app.guarantee === 'exactly_once_v2'} /> : null}
    </div>
  );
}

const ROW = 38;
const STORE_ROW = 16;

/** Shorten text to about `px` pixels of 10–11 px text (≈6 px a character), with an ellipsis. */
function fitText(text: string, px: number): string {
  const n = Math.max(6, Math.floor(px / 6));
  return text.length <= n ? text : `${text.slice(0, n - 1)}…`;
}

/** The operator part of a generated name: KSTREAM-FILTER-0000000001 → FILTER. */
function operatorOf(n: StreamsNodeView): string {
  const m = /^(?:KSTREAM|KTABLE)-(.+)-\d{10}$/.exec(n.name);
  return m ? m[1] : n.name;
}

function SubtopologyGraph({ id, nodes }: { id: number; nodes: StreamsNodeView[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = Math.max(240, useWidth(ref, 520));
  // On the classroom projector (whose panel zoom is 1.5) the graph is laid out narrower and drawn 1.35× larger,
  // so its smallest label (9 units) reaches 18 px.
  const width = useContext(PresenterMode) ? Math.round(shown / 1.35) : shown;
  const layout = useMemo(() => {
    const depth = new Map<string, number>();
    const byName = new Map(nodes.map((n) => [n.name, n]));
    for (const n of nodes) if (n.kind === 'source') depth.set(n.name, 0);
    // Longest path from a source (nodes are listed in build order, parents first).
    for (let pass = 0; pass < nodes.length; pass++)
      for (const n of nodes)
        for (const c of n.children)
          if (byName.has(c)) depth.set(c, Math.max(depth.get(c) ?? 0, (depth.get(n.name) ?? 0) + 1));
    let y = 8;
    const boxes = nodes.map((n) => {
      const h = ROW - 6 + n.stores.length * STORE_ROW;
      const d = Math.min(depth.get(n.name) ?? 0, 8);
      const box = { n, x: 8 + d * 14, y, h };
      y += h + 10;
      return box;
    });
    return { boxes, height: y };
  }, [nodes]);
  const pos = new Map(layout.boxes.map((b) => [b.n.name, b]));
  const summary = nodes
    .map(
      (n) => `${n.kind} ${n.name}${n.topics.length ? ` (${n.topics.join(', ')})` : ''}: ${n.records} records`,
    )
    .join('; ');
  return (
    <div ref={ref} className="min-w-0">
      <h3 className="mb-1 text-sm font-semibold text-slate-900 dark:text-white">Sub-topology {id}</h3>
      <svg
        viewBox={`0 0 ${width} ${layout.height}`}
        width={shown}
        style={{ maxWidth: '100%', height: 'auto' }}
        role="img"
        aria-label={`Sub-topology ${id}: ${summary}`}
        className="sim-svg block text-[11px]"
      >
        {layout.boxes.flatMap((b) =>
          b.n.children.map((c) => {
            const to = pos.get(c);
            if (!to) return null;
            const x1 = b.x + 6;
            const y1 = b.y + b.h;
            const x2 = to.x + 6;
            const y2 = to.y;
            return (
              <path
                key={`${b.n.name}-${c}`}
                d={`M${x1},${y1} C${x1},${(y1 + y2) / 2} ${x2},${(y1 + y2) / 2} ${x2},${y2}`}
                fill="none"
                stroke="var(--sim-line)"
                strokeWidth={1.5}
              />
            );
          }),
        )}
        {layout.boxes.map((b) => {
          const w = width - b.x - 8;
          const accent =
            b.n.kind === 'source'
              ? 'var(--sim-hw)'
              : b.n.kind === 'sink'
                ? 'var(--sim-ack)'
                : 'var(--sim-record)';
          return (
            <g key={b.n.name} data-node={b.n.name}>
              <rect
                x={b.x}
                y={b.y}
                width={w}
                height={b.h}
                rx={6}
                fill="var(--sim-surface)"
                stroke={accent}
                strokeWidth={1.5}
              />
              <text x={b.x + 8} y={b.y + 14} fill="var(--sim-fg)" fontWeight={700}>
                {fitText(
                  `${b.n.kind === 'source' ? 'Source' : b.n.kind === 'sink' ? 'Sink' : operatorOf(b.n)}${
                    b.n.topics.length > 0
                      ? ` ${b.n.kind === 'sink' ? '→' : '←'} ${b.n.topics.join(', ')}`
                      : ''
                  }`,
                  w - 50,
                )}
              </text>
              <text x={b.x + 8} y={b.y + 27} fill="var(--sim-muted)" fontSize={9}>
                {fitText(b.n.name, (w - 16) * 1.15)}
              </text>
              <text x={b.x + w - 8} y={b.y + 14} textAnchor="end" fill="var(--sim-fg)" fontWeight={600}>
                {b.n.records}
              </text>
              {b.n.stores.map((s, i) => (
                <text
                  key={s}
                  x={b.x + 16}
                  y={b.y + 27 + (i + 1) * STORE_ROW - 2}
                  fill="var(--sim-marker)"
                  fontSize={10}
                >
                  ◆ store {fitText(s, w - 60)}
                  <title>{s}</title>
                </text>
              ))}
            </g>
          );
        })}
      </svg>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        Numbers: records each node has received so far.
      </p>
    </div>
  );
}

function TaskTable({
  tasks,
  instanceIndex,
  selected,
  onSelect,
}: {
  tasks: StreamsTaskView[];
  instanceIndex: Map<string, number>;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  return (
    <div className="min-w-0 overflow-x-auto">
      <table className="w-full text-left text-xs text-slate-700 dark:text-slate-300">
        <caption className="mb-1 text-left text-sm font-semibold text-slate-900 dark:text-white">
          Tasks
        </caption>
        <thead>
          <tr className="text-slate-600 dark:text-slate-400">
            <th scope="col" className="py-1 pr-2">
              Task
            </th>
            <th scope="col" className="py-1 pr-2">
              Owner
            </th>
            <th scope="col" className="py-1 pr-2">
              Status
            </th>
            <th scope="col" className="py-1 pr-2">
              Stream time
            </th>
            <th scope="col" className="py-1 pr-2">
              Processed
            </th>
            <th scope="col" className="py-1">
              Dropped
            </th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((t) => {
            const n = t.owner === null ? undefined : instanceIndex.get(t.owner);
            const restore = t.restore.reduce((a, r) => ({ d: a.d + r.restored, t: a.t + r.total }), {
              d: 0,
              t: 0,
            });
            return (
              <tr key={t.id} className="border-t border-slate-200 dark:border-slate-800" data-task={t.id}>
                <td className="py-1 pr-2">
                  <SimButton
                    label={`Show the stores of task ${t.id}`}
                    pressed={selected === t.id}
                    onClick={() => onSelect(t.id)}
                  >
                    {t.id}
                  </SimButton>
                </td>
                <td className="py-1 pr-2">
                  {t.owner ?? '–'}
                  {n !== undefined ? (
                    <span aria-hidden="true" className="ml-1 font-bold" style={{ color: memberColour(n) }}>
                      {memberBadge(n)}
                    </span>
                  ) : null}
                </td>
                <td className="py-1 pr-2">
                  {t.status === 'RESTORING' ? `restoring ${restore.d}/${restore.t}` : t.status.toLowerCase()}
                </td>
                <td className="py-1 pr-2">{t.streamTime < 0 ? '–' : t.streamTime}</td>
                <td className="py-1 pr-2">{t.processed}</td>
                <td className="py-1">{t.droppedRecords}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function TaskStores({ read, task, eos }: { read: ReadModel; task: StreamsTaskView; eos: boolean }) {
  if (task.stores.length === 0)
    return (
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Task {task.id} has no store contents here (stateless, or not running).
      </p>
    );
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      {task.stores.map((s) => {
        const cl = s.changelog ? read.partition(s.changelog, task.partition) : null;
        return (
          <div key={s.name} className="min-w-0 rounded-lg border border-slate-200 p-2 dark:border-slate-800">
            <h3 className="text-sm font-semibold text-slate-900 dark:text-white">
              Store {s.name}{' '}
              <span className="font-normal text-slate-600 dark:text-slate-400">(task {task.id})</span>
            </h3>
            <p className="break-all text-xs text-slate-600 dark:text-slate-400">
              {s.changelog && cl
                ? `changelog ${s.changelog}-${task.partition}: log end offset ${cl.logEndOffset}, high watermark ${cl.highWatermark}${eos ? ' (transaction markers take offsets too)' : ''}`
                : 'no changelog'}
            </p>
            {s.rows.length === 0 ? (
              <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">empty</p>
            ) : (
              <ul className="mt-1 max-h-40 overflow-y-auto font-mono text-xs text-slate-800 dark:text-slate-200">
                {s.rows.slice(0, 50).map((r) => (
                  <li key={`${r.key}-${r.window?.start ?? ''}`} className="break-all">
                    {r.window ? `[${r.key}@${r.window.start}/${r.window.end}]` : r.key} = {r.value ?? 'null'}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </div>
  );
}
