import { StatusBadge } from './StatusBadge';

// The key to the map: what a stop's shape and a line's stroke mean, in words.

export function RoadmapLegend() {
  return (
    <div className="mt-6 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-700 dark:text-slate-300">
      <span className="font-medium text-slate-900 dark:text-white">Key:</span>
      <StatusBadge status="not-started" />
      <StatusBadge status="in-progress" />
      <StatusBadge status="done" />
      <StatusBadge status="skipped" />
      <span className="inline-flex items-center gap-1.5">
        <svg width="28" height="10" aria-hidden="true" className="shrink-0">
          <path
            d="M3 5 H25"
            className="stroke-brand-600 dark:stroke-brand-400"
            strokeWidth={5}
            strokeLinecap="round"
          />
        </svg>
        solid line: behind you
      </span>
      <span className="inline-flex items-center gap-1.5">
        <svg width="28" height="10" aria-hidden="true" className="shrink-0">
          <path
            d="M2 5 H26"
            className="stroke-slate-400 dark:stroke-slate-500"
            strokeWidth={3.5}
            strokeDasharray="8 6"
          />
        </svg>
        dashed: ahead
      </span>
      <span className="inline-flex items-center gap-1.5">
        <svg width="24" height="24" aria-hidden="true" className="shrink-0">
          <circle
            cx={12}
            cy={12}
            r={10}
            className="fill-none stroke-brand-600 dark:stroke-brand-300"
            strokeWidth={2}
            strokeDasharray="3 2.5"
          />
        </svg>
        ringed stop: up next
      </span>
      <span>Choose a stop to set its status; its title opens the lesson.</span>
    </div>
  );
}
