// Test harness: a Simulation whose events feed a MonitoringState through an onEvent hook (as the area will),
// and a clock that scrapes every 15 s of virtual time.

import { onEvent } from '../../engine/registry';
import type { SimEvent } from '../../index';
import { Simulation } from '../../index';
import { MONITORED_EVENTS } from '../../monitoring/area';
import type { AlertEvent } from '../alerts/alerting';
import type { MonitoringState } from '../monitor';
import {
  burrowRefresh,
  lagExporterPoll,
  type MonitoringConfig,
  newMonitoringState,
  onMonitoringEvent,
  scrapeAndEvaluate,
} from '../monitor';

let current: MonitoringState | null = null;
let hooked = false;

function hook(): void {
  if (hooked) return;
  hooked = true;
  for (const type of MONITORED_EVENTS)
    onEvent(type, (ctx, ev) => {
      if (current) onMonitoringEvent(current, ev as SimEvent, ctx.state);
    });
}

export type Monitored = {
  sim: Simulation;
  mon: MonitoringState;
  alerts: AlertEvent[];
  /** Advance the clock in scrape-interval steps, scraping (and refreshing Burrow) at each step. */
  run(ms: number): void;
  must(cmd: Parameters<Simulation['dispatch']>[0]): void;
};

export function monitored(
  init: ConstructorParameters<typeof Simulation>[0] = {},
  config: Partial<MonitoringConfig> = {},
): Monitored {
  hook();
  const mon = newMonitoringState(config);
  current = mon;
  const sim = new Simulation({ seed: 42, brokers: 3, ...init });
  const alerts: AlertEvent[] = [];
  const step = mon.config.scrapeIntervalMs;
  const must = (cmd: Parameters<Simulation['dispatch']>[0]) => {
    const r = sim.dispatch(cmd);
    if (!r.ok) throw new Error(`${cmd.type}: ${r.error.code} ${r.error.message}`);
  };
  return {
    sim,
    mon,
    alerts,
    must,
    run(ms: number) {
      for (let t = 0; t < ms; t += step) {
        must({ type: 'advanceClock', ms: step });
        burrowRefresh(mon, sim.state);
        lagExporterPoll(mon, sim.state);
        alerts.push(...scrapeAndEvaluate(mon, sim.state));
      }
    },
  };
}
