'use client';
// Burrow's lag view: per consumer group and partition, the evaluator's verdict (OK, WARN, STOP, STALL, REWIND;
// the group's ERR), the rule that decided and why, and the window of offset commits it judged (lag per commit as
// bars). It draws the read model's monitoring view only (`burrowGroups()`).
import type { BurrowGroupView, BurrowPartitionView } from '@/simulator';
import { clockCommand, monitoringCommand } from '../sim-runtime/commands';
import { useRead, useSim } from '../sim-runtime/useSimulation';
import { Chip, Panel, SimButton } from './ui';

type Tone = 'ok' | 'warn' | 'bad' | 'muted';

/** protocol.StatusConstant as a chip: OK green, WARN amber, the error statuses red, NOTFOUND grey. */
export function statusTone(status: string): Tone {
  if (status === 'OK') return 'ok';
  if (status === 'WARN') return 'warn';
  if (status === 'NOTFOUND') return 'muted';
  return 'bad';
}

/** Virtual time as m:ss (or h:mm:ss) since the simulation started. */
export function clockTime(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

const BAR_W = 14;
const BAR_H = 36;

function WindowBars({ p, intervals }: { p: BurrowPartitionView; intervals: number }) {
  const max = Math.max(1, ...p.window.map((c) => c.lag ?? 0));
  const empty = Math.max(0, intervals - p.window.length);
  const tone = statusTone(p.status);
  const fill =
    tone === 'bad'
      ? 'fill-red-500 dark:fill-red-400'
      : tone === 'warn'
        ? 'fill-amber-500 dark:fill-amber-400'
        : 'fill-emerald-600 dark:fill-emerald-400';
  return (
    <svg
      viewBox={`0 0 ${intervals * BAR_W} ${BAR_H}`}
      className="h-9 w-full max-w-[18rem]"
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      {Array.from({ length: empty }, (_, i) => (
        <rect
          key={`e${i}`}
          x={i * BAR_W + 2}
          y={BAR_H - 2}
          width={BAR_W - 4}
          height={2}
          className="fill-slate-300 dark:fill-slate-700"
        />
      ))}
      {p.window.map((c, i) => {
        const h = c.lag === null ? 2 : Math.max(2, ((c.lag ?? 0) / max) * (BAR_H - 4));
        return (
          <rect
            key={`${c.timestamp}-${c.offset}`}
            x={(empty + i) * BAR_W + 2}
            y={BAR_H - h}
            width={BAR_W - 4}
            height={h}
            className={c.lag === null ? 'fill-slate-400 dark:fill-slate-600' : fill}
          />
        );
      })}
    </svg>
  );
}

function windowSummary(p: BurrowPartitionView, intervals: number): string {
  if (p.window.length === 0) return 'No commit stored yet.';
  const first = p.window[0];
  const last = p.window[p.window.length - 1];
  return `${p.window.length} of ${intervals} commits, offsets ${first.offset} → ${last.offset}, committed ${clockTime(first.timestamp)} → ${clockTime(last.timestamp)}`;
}

function PartitionCard({ p, intervals }: { p: BurrowPartitionView; intervals: number }) {
  const name = `${p.topic}-${p.partition}`;
  return (
    <li
      className="min-w-0 rounded-lg border border-slate-200 p-2 dark:border-slate-800"
      data-burrow-partition={name}
    >
      <div className="flex flex-wrap items-center gap-1.5">
        <h4 className="font-mono text-xs font-semibold text-slate-900 dark:text-white">{name}</h4>
        <Chip tone={statusTone(p.status)}>{p.status}</Chip>
        <span className="text-xs text-slate-700 dark:text-slate-300">
          lag {p.current_lag}
          {p.timeLagS === null ? '' : ` · ≈ ${Math.round(p.timeLagS)} s behind`}
        </span>
      </div>
      <p className="mt-1 text-xs text-slate-700 dark:text-slate-300" data-testid={`burrow-rule-${name}`}>
        <span className="font-semibold">Rule:</span> {p.rule}
      </p>
      <WindowBars p={p} intervals={intervals} />
      <p className="text-[11px] text-slate-600 dark:text-slate-400">{windowSummary(p, intervals)}</p>
      {p.window.length > 0 ? (
        <details className="mt-1 text-xs">
          <summary className="cursor-pointer text-slate-700 dark:text-slate-300">
            Window of commits ({name})
          </summary>
          <div className="overflow-x-auto">
            <table className="mt-1 min-w-full text-left tabular-nums text-slate-700 dark:text-slate-300">
              <thead>
                <tr>
                  <th scope="col" className="pr-3 font-semibold">
                    Committed at
                  </th>
                  <th scope="col" className="pr-3 font-semibold">
                    Offset
                  </th>
                  <th scope="col" className="font-semibold">
                    Lag then
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.window.map((c) => (
                  <tr key={`${c.timestamp}-${c.offset}`}>
                    <td className="pr-3">{clockTime(c.timestamp)}</td>
                    <td className="pr-3">{c.offset}</td>
                    <td>{c.lag ?? 'no broker offset yet'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </li>
  );
}

function GroupSection({ g }: { g: BurrowGroupView }) {
  return (
    <li className="min-w-0" data-burrow-group={g.group}>
      <div className="mb-1 flex flex-wrap items-center gap-1.5">
        <h3 className="text-sm font-semibold text-slate-900 dark:text-white">{g.group}</h3>
        <Chip tone={statusTone(g.status)}>{g.status}</Chip>
        <span className="text-xs text-slate-700 dark:text-slate-300">
          total lag {g.totallag} · {g.partition_count} partitions · complete {Math.round(g.complete * 100)}%
        </span>
      </div>
      <ul className="grid grid-cols-1 gap-2 md:grid-cols-2" aria-label={`Partitions of ${g.group}`}>
        {g.partitions.map((p) => (
          <PartitionCard key={`${p.topic}-${p.partition}`} p={p} intervals={g.intervals} />
        ))}
      </ul>
    </li>
  );
}

export function LagView() {
  const sim = useSim();
  const read = useRead(sim);
  if (!read) return null;
  const mon = read.monitoring();
  if (!mon.running)
    return (
      <Panel id="sim-lag" title="Consumer lag (Burrow)">
        <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
          Burrow is not running: it starts with the monitoring stack.
        </p>
        <SimButton variant="primary" onClick={() => sim.run(monitoringCommand('start'))}>
          Start monitoring
        </SimButton>
      </Panel>
    );
  const groups = mon.burrowGroups();
  const first = groups[0];
  return (
    <Panel
      id="sim-lag"
      title="Consumer lag (Burrow)"
      actions={
        <>
          <SimButton onClick={() => sim.run(clockCommand('10s'))}>Advance 10 s</SimButton>
          <SimButton onClick={() => sim.run(clockCommand('1m'))}>Advance 1 min</SimButton>
        </>
      }
    >
      <p className="mb-2 text-xs text-slate-700 dark:text-slate-300">
        Burrow judges each partition on its last {first?.intervals ?? 10} commits (allowed-lag{' '}
        {first?.allowedLag ?? 0}); a group is as bad as its worst partition, with STOP, STALL and REWIND shown
        as ERR.
      </p>
      {groups.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="burrow-none">
          No consumer group has committed an offset yet.
        </p>
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Consumer groups">
          {groups.map((g) => (
            <GroupSection key={g.group} g={g} />
          ))}
        </ul>
      )}
    </Panel>
  );
}
