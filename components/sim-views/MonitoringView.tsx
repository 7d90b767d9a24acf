'use client';
// A Grafana-like dashboard over the simulated Prometheus: twelve panels (monitoringPanels.ts, PromQL as data)
// drawn as line charts over a chosen range of virtual time, with their threshold lines, an auto-refresh choice,
// and the state of the Strimzi alert rule each panel watches (inactive, pending, firing). The view draws what
// the read model's monitoring view returns.
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useState } from 'react';
import type { AlertRuleView } from '@/simulator';
import { clockCommand, monitoringCommand } from '../sim-runtime/commands';
import { useRead, useSim } from '../sim-runtime/useSimulation';
import { clockTime } from './LagView';
import {
  DASHBOARD_RANGES,
  DASHBOARD_REFRESH,
  type DashboardRangeId,
  type DashboardRefreshId,
  type PanelModel,
  type PanelUnit,
  panelModels,
  stepFor,
} from './monitoringPanels';
import { Chip, inlineSelectClass, memberColour, Panel, SimButton } from './ui';

const W = 240;
const H = 64;

/**
 * The panels of the last render per Simulation. The series only change at a scrape, so between scrapes (and
 * while the step-aligned end stays put) the twelve range queries would return the same: they are run once per
 * (run, last scrape, window). A new Simulation (undo, time travel) starts its own entry.
 */
const panelMemo = new WeakMap<object, { key: string; models: PanelModel[] }>();

function formatValue(v: number | null, unit: PanelUnit): string {
  if (v === null) return 'No data';
  if (unit === 'B/s' || unit === 'B') {
    const k = ['B', 'kB', 'MB', 'GB'];
    let x = v;
    let i = 0;
    while (Math.abs(x) >= 1000 && i < k.length - 1) {
      x /= 1000;
      i++;
    }
    return `${Math.round(x * 10) / 10} ${k[i]}${unit === 'B/s' ? '/s' : ''}`;
  }
  const rounded = Math.abs(v) >= 100 || Number.isInteger(v) ? Math.round(v) : Math.round(v * 100) / 100;
  return unit === 'ms' ? `${rounded} ms` : `${rounded}${unit}`;
}

const TONE_STROKE = {
  ok: 'stroke-emerald-600 dark:stroke-emerald-400',
  warn: 'stroke-amber-500 dark:stroke-amber-400',
  bad: 'stroke-red-600 dark:stroke-red-400',
} as const;

function AlertChip({ rule }: { rule: AlertRuleView }) {
  const tone = rule.state === 'firing' ? 'bad' : rule.state === 'pending' ? 'warn' : 'ok';
  return (
    <Chip tone={tone}>
      {rule.alert}: {rule.state}
    </Chip>
  );
}

function Chart({ model, start, end }: { model: PanelModel; start: number; end: number }) {
  const data = model.lines.flatMap((l) => l.points.map((p) => p.v));
  const max = Math.max(1, ...data);
  const x = scaleLinear()
    .domain([start, Math.max(end, start + 1)])
    .range([0, W]);
  const y = scaleLinear()
    .domain([0, max * 1.1])
    .range([H - 2, 2]);
  const path = line<{ t: number; v: number }>()
    .x((p) => x(p.t))
    .y((p) => y(p.v));
  // Threshold lines inside the drawn range (Grafana's "as lines" threshold style).
  const steps = (model.def.thresholds ?? []).filter(
    (st): st is { from: number; tone: 'ok' | 'warn' | 'bad' } => st.from !== null && st.from <= max * 1.1,
  );
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="h-16 w-full" preserveAspectRatio="none" aria-hidden="true">
      <line x1={0} x2={W} y1={H - 2} y2={H - 2} className="stroke-slate-300 dark:stroke-slate-700" />
      {steps.map((st) => (
        <line
          key={st.from}
          data-threshold={st.from}
          x1={0}
          x2={W}
          y1={y(st.from)}
          y2={y(st.from)}
          strokeDasharray="4 3"
          vectorEffect="non-scaling-stroke"
          className={TONE_STROKE[st.tone]}
        />
      ))}
      {model.lines.map((l, i) => (
        <path
          key={l.name}
          d={path(l.points) ?? ''}
          fill="none"
          strokeWidth={2}
          vectorEffect="non-scaling-stroke"
          style={{
            stroke:
              model.tone === 'bad' && model.lines.length === 1 ? 'var(--sim-bad, #dc2626)' : memberColour(i),
          }}
        />
      ))}
    </svg>
  );
}

function PanelCard({ model, start, end }: { model: PanelModel; start: number; end: number }) {
  const valueClass =
    model.tone === 'bad'
      ? 'text-red-700 dark:text-red-300'
      : model.tone === 'warn'
        ? 'text-amber-800 dark:text-amber-300'
        : model.tone === 'ok'
          ? 'text-emerald-700 dark:text-emerald-300'
          : 'text-slate-900 dark:text-white';
  return (
    <li
      className="min-w-0 rounded-lg border border-slate-200 p-2 dark:border-slate-800"
      data-panel={model.def.id}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-1">
        <h3 className="text-xs font-semibold text-slate-700 dark:text-slate-300">{model.def.title}</h3>
        <span
          className={`text-lg font-bold tabular-nums ${valueClass}`}
          data-testid={`panel-value-${model.def.id}`}
        >
          {formatValue(model.value, model.def.unit)}
        </span>
      </div>
      <Chart model={model} start={start} end={end} />
      <p className="flex justify-between text-[10px] tabular-nums text-slate-600 dark:text-slate-400">
        <span>{clockTime(start)}</span>
        <span>{clockTime(end)}</span>
      </p>
      {model.def.legend && model.lines.length > 0 ? (
        <ul className="mt-1 flex flex-wrap gap-2 text-xs text-slate-700 dark:text-slate-300">
          {model.lines.map((l, i) => (
            <li key={l.name} className="flex items-center gap-1">
              <span
                aria-hidden="true"
                className="inline-block h-2 w-2 rounded-full"
                style={{ background: memberColour(i) }}
              />
              {l.name}: {formatValue(l.last, model.def.unit)}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-1 break-all font-mono text-[11px] text-slate-600 dark:text-slate-400">
        {model.def.expr}
      </p>
      {model.rule ? (
        <p className="mt-1">
          <AlertChip rule={model.rule} />
        </p>
      ) : null}
      {model.note ? <p className="mt-1 text-xs text-amber-800 dark:text-amber-300">{model.note}</p> : null}
    </li>
  );
}

export function MonitoringView() {
  const sim = useSim();
  const read = useRead(sim);
  const [rangeId, setRangeId] = useState<DashboardRangeId>('15m');
  const [refreshId, setRefreshId] = useState<DashboardRefreshId>('scrape');
  // The virtual time of the last manual refresh (the button, or switching auto-refresh off).
  const [refreshedAt, setRefreshedAt] = useState(0);
  if (!read) return null;
  const mon = read.monitoring();
  const now = read.now();
  if (!mon.running)
    return (
      <Panel id="sim-monitoring" title="Monitoring dashboard">
        <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
          Nothing is scraped yet: no jmx_exporter, no Prometheus.
        </p>
        <SimButton variant="primary" onClick={() => sim.run(monitoringCommand('start'))}>
          Start monitoring
        </SimButton>
      </Panel>
    );
  const scrape = mon.scrapeIntervalMs ?? 15_000;
  const range = DASHBOARD_RANGES.find((r) => r.id === rangeId) ?? DASHBOARD_RANGES[1];
  const refresh = DASHBOARD_REFRESH.find((r) => r.id === refreshId) ?? DASHBOARD_REFRESH[0];
  const step = stepFor(range.ms, scrape);
  // Auto-refresh: the queries end at the last refresh tick of virtual time (or the last manual refresh).
  const every = refresh.ms ?? scrape;
  const tick = Number.isFinite(every) ? Math.floor(now / every) * every : 0;
  const endMs = Math.min(now, Math.max(tick, refreshedAt));
  const end = Math.floor(endMs / step) * step;
  const start = Math.max(0, end - range.ms);
  const memoKey = `${mon.generation} ${mon.lastScrapeAt} ${range.ms} ${step} ${end}`;
  const cachedModels = panelMemo.get(sim.simulation);
  const models =
    cachedModels?.key === memoKey
      ? cachedModels.models
      : panelModels(mon, { rangeMs: range.ms, stepMs: step, endMs });
  if (cachedModels?.key !== memoKey) panelMemo.set(sim.simulation, { key: memoKey, models });
  const active = mon.rules().filter((r) => r.state !== 'inactive');
  const targets = mon.targets();
  const down = targets.filter((t) => !t.up);
  return (
    <Panel
      id="sim-monitoring"
      title="Monitoring dashboard"
      actions={
        <>
          <SimButton onClick={() => sim.run(clockCommand('15s'))}>Advance 15 s</SimButton>
          <SimButton onClick={() => sim.run(clockCommand('1m'))}>Advance 1 min</SimButton>
        </>
      }
    >
      <div className="mb-2 flex flex-wrap items-center gap-2 text-xs">
        <label className="flex items-center gap-1 font-medium text-slate-700 dark:text-slate-300">
          Time range
          <select
            className={inlineSelectClass}
            value={range.id}
            onChange={(e) => setRangeId(e.target.value as DashboardRangeId)}
          >
            {DASHBOARD_RANGES.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1 font-medium text-slate-700 dark:text-slate-300">
          Auto-refresh
          <select
            className={inlineSelectClass}
            value={refresh.id}
            onChange={(e) => {
              setRefreshId(e.target.value as DashboardRefreshId);
              setRefreshedAt(now);
            }}
          >
            {DASHBOARD_REFRESH.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <SimButton onClick={() => setRefreshedAt(now)}>Refresh now</SimButton>
      </div>
      <p className="mb-2 flex flex-wrap gap-1.5 text-xs">
        <Chip tone="muted">
          {clockTime(start)} → {clockTime(end)}, step {step / 1000} s
        </Chip>
        {end < Math.floor(now / step) * step ? <Chip tone="info">refreshed at {clockTime(end)}</Chip> : null}
        <Chip tone={down.length ? 'bad' : 'ok'}>
          targets up {targets.length - down.length}/{targets.length}
        </Chip>
      </p>
      <div className="mb-3">
        <h3 className="mb-1 text-xs font-semibold text-slate-700 dark:text-slate-300">
          Alerts (Strimzi rules)
        </h3>
        {active.length === 0 ? (
          <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="alerts-none">
            No alert pending or firing.
          </p>
        ) : (
          <ul className="flex flex-col gap-1 text-xs" data-testid="alerts-active">
            {active.map((r) => (
              <li key={r.alert} className="flex flex-wrap items-center gap-1.5">
                <AlertChip rule={r} />
                <span className="text-slate-700 dark:text-slate-300">
                  {r.summary} ({r.alerts.length} series)
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 xl:grid-cols-3" aria-label="Panels">
        {models.map((m) => (
          <PanelCard key={m.def.id} model={m} start={start} end={end} />
        ))}
      </ul>
    </Panel>
  );
}
