'use client';
import { downloadText } from '@/lib/download';
import type { Scenario } from '@/simulator';

const link =
  'rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:border-brand-500 dark:border-slate-700';

/** Take the scenario away: as a shell script for a real cluster, as JSON, or as a printed handout. */
export function ScenarioExports({ scenario }: { scenario: Scenario }) {
  return (
    <section
      aria-label="Export"
      className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-3 text-sm dark:border-slate-800"
    >
      <span className="text-slate-600 dark:text-slate-400">Take it away:</span>
      <button
        type="button"
        className={link}
        onClick={() =>
          // The console's command table is large: it loads when someone asks for the script.
          void import('@/kafka-cli').then(({ scenarioToShellScript }) =>
            downloadText(`${scenario.id}.sh`, scenarioToShellScript(scenario), 'text/x-shellscript'),
          )
        }
      >
        Download as a shell script for a real cluster
      </button>
      <button
        type="button"
        className={link}
        onClick={() =>
          downloadText(`${scenario.id}.json`, `${JSON.stringify(scenario, null, 2)}\n`, 'application/json')
        }
      >
        Download scenario JSON
      </button>
      <button type="button" className={link} onClick={() => window.print()}>
        Print handout
      </button>
    </section>
  );
}
