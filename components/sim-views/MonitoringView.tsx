'use client';
// A Grafana-like dashboard over the simulated Prometheus: under-replicated and offline partitions, active
// controllers, messages in per second and consumer lag per group as line charts over the last 10 minutes of
// virtual time, each with the state of the Strimzi alert rule it watches (inactive, pending, firing). The panels
// are PromQL (monitoringPanels.ts); the view draws what the read model's monitoring view returns.
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { AlertRuleView } from '@/simulator';
import { clockCommand, monitoringCommand } from '../sim-runtime/commands';
import { useRead, useSim } from '../sim-runtime/useSimulation';
import { DASHBOARD_RANGE_MS, type PanelModel, panelModels } from './monitoringPanels';
import { Chip, memberColour, Panel, SimButton } from './ui';

const W = 240;
const H = 64;

function formatValue(v: number | null, unit: string): string {
  if (v === null) return 'No data';
  const rounded = Math.abs(v) >= 100 || Number.isInteger(v) ? Math.round(v) : Math.round(v * 100) / 100;
  return `${rounded}${unit}`;
}

function AlertChip({ rule }: { rule: AlertRuleView }) {
  const tone = rule.state === 'firing' ? 'bad' : rule.state === 'pending' ? 'warn' : 'ok';
  return (
    <Chip tone={tone}>
      {rule.alert}: {rule.state}
    </Chip>
  );
}

function Chart({ model, end }: { model: PanelModel; end: number }) {
  const start = Math.max(0, end - DASHBOARD_RANGE_MS);
  const max = Math.max(1, ...model.lines.flatMap((l) => l.points.map((p) => p.v)));
  const x = scaleLinear()
    .domain([start, Math.max(end, start + 1)])
    .range([0, W]);
  const y = scaleLinear()
    .domain([0, max])
    .range([H - 2, 2]);
  const path = line<{ t: number; v: number }>()
    .x((p) => x(p.t))
    .y((p) => y(p.v));
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="h-16 w-full" preserveAspectRatio="none" aria-hidden="true">
      <line x1={0} x2={W} y1={H - 2} y2={H - 2} className="stroke-slate-300 dark:stroke-slate-700" />
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

function PanelCard({ model, end }: { model: PanelModel; end: number }) {
  const valueClass =
    model.tone === 'bad'
      ? 'text-red-700 dark:text-red-300'
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
      <Chart model={model} end={end} />
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
  const step = mon.scrapeIntervalMs ?? 15_000;
  const models = panelModels(mon, step);
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
      <p className="mb-2 flex flex-wrap gap-1.5 text-xs">
        <Chip tone="muted">last 10 min, step {step / 1000} s</Chip>
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
                  {r.summary} ({r.alerts.length} {r.alerts.length === 1 ? 'series' : 'series'})
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2" aria-label="Panels">
        {models.map((m) => (
          <PanelCard key={m.def.id} model={m} end={Math.floor(now / step) * step} />
        ))}
      </ul>
    </Panel>
  );
}
