'use client';
// Tenants against their quotas over virtual time: for each quota subject (the matched user / client-id quota
// entity) and direction, the rate the broker measured at each Produce or Fetch (ClientQuotaManager's sensor)
// as a line, its quota as a dashed line, and the throttled responses as dots. It renders the read model's
// security().tenants only; the list under the chart says the same in words.
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { formatDuration } from '@/simulator';
import { clockCommand } from '../sim-runtime/commands';
import { useRead, useSim, useSimVersion } from '../sim-runtime/useSimulation';
import { describeSeries, formatRate, type TenantPoint, type TenantSeries } from './tenantSeries';
import { memberColour, Panel, SimButton } from './ui';

const W = 320;
const H = 120;

function Chart({ series, end }: { series: TenantSeries[]; end: number }) {
  const all = series.flatMap((s) => s.points);
  const start = Math.min(...all.map((p) => p.t));
  const max = Math.max(1, ...all.map((p) => Math.max(p.rate, p.quota ?? 0))) * 1.1;
  const x = scaleLinear()
    .domain([start, Math.max(end, start + 1)])
    .range([4, W - 4]);
  const y = scaleLinear()
    .domain([0, max])
    .range([H - 4, 4]);
  // The sensor's rate holds until the next sample: a step line to the current time.
  const steps = (pts: TenantPoint[], v: (p: TenantPoint) => number) => {
    const out: Array<[number, number]> = [];
    pts.forEach((p, i) => {
      out.push([p.t, v(p)]);
      out.push([pts[i + 1]?.t ?? end, v(p)]);
    });
    return out;
  };
  const path = line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="h-32 w-full"
      preserveAspectRatio="none"
      aria-hidden="true"
      data-testid="tenant-chart"
    >
      <line x1={0} x2={W} y1={H - 4} y2={H - 4} className="stroke-slate-300 dark:stroke-slate-700" />
      {series.map((s, i) => {
        const quotaPts = s.points.filter((p) => p.quota !== null);
        return (
          <g key={s.key} style={{ stroke: memberColour(i), fill: memberColour(i) }}>
            <path
              d={path(steps(s.points, (p) => p.rate)) ?? ''}
              fill="none"
              strokeWidth={2}
              vectorEffect="non-scaling-stroke"
            />
            {quotaPts.length > 0 ? (
              <path
                d={path(steps(quotaPts, (p) => p.quota ?? 0)) ?? ''}
                fill="none"
                strokeWidth={1.5}
                strokeDasharray="6 4"
                vectorEffect="non-scaling-stroke"
              />
            ) : null}
            {s.points
              .filter((p) => p.throttleTimeMs > 0)
              .map((p) => (
                // A zero-length stroke with round caps: a round dot even though the chart stretches.
                <path
                  key={p.t}
                  d={`M${x(p.t)},${y(p.rate)}h0`}
                  strokeWidth={7}
                  strokeLinecap="round"
                  vectorEffect="non-scaling-stroke"
                />
              ))}
          </g>
        );
      })}
    </svg>
  );
}

export function TenantView() {
  const sim = useSim();
  useSimVersion(sim);
  const read = useRead(sim);
  if (!read) return null;
  const series = read.security().tenants;
  const now = read.now();
  return (
    <Panel
      id="sim-tenants"
      title="Tenants against their quotas"
      actions={<SimButton onClick={() => sim.run(clockCommand('10s'))}>Advance the clock 10 s</SimButton>}
    >
      {series.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          No bandwidth quota is set, so the brokers measure nothing. Set one with{' '}
          <code className="font-mono text-xs">
            kafka-configs.sh --alter --add-config producer_byte_rate=…
          </code>{' '}
          and the next requests appear here.
        </p>
      ) : (
        <>
          <p className="mb-1 flex justify-between text-xs text-slate-600 dark:text-slate-400">
            <span>
              bytes/s, up to{' '}
              {formatRate(
                Math.max(...series.flatMap((s) => s.points.map((p) => Math.max(p.rate, p.quota ?? 0)))),
              )}
            </span>
            <span>solid: measured · dashed: quota · dot: throttled</span>
          </p>
          <Chart series={series} end={now} />
          <p className="mt-0.5 flex justify-between text-xs text-slate-600 dark:text-slate-400">
            <span>{formatDuration(Math.min(...series.map((s) => s.points[0]?.t ?? now)))}</span>
            <span>now {formatDuration(now)}</span>
          </p>
          <ul
            className="mt-2 flex flex-col gap-1 text-xs text-slate-800 dark:text-slate-200"
            aria-label="Tenants"
          >
            {series.map((s, i) => (
              <li key={s.key} className="flex items-start gap-1.5" data-testid="tenant-row">
                <span
                  aria-hidden="true"
                  className="mt-1 inline-block h-2 w-2 shrink-0 rounded-full"
                  style={{ background: memberColour(i) }}
                />
                <span className="min-w-0 break-words">{describeSeries(s)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Panel>
  );
}
