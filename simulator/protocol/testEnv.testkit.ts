// A HandlerEnv over a Simulation without sockets or wall time: waits resolve at once (a probe that is not yet
// true counts as timed out), which is what the fuzz and handler tests need.
import type { SimEvent, Simulation } from '../index';
import { simulationGroupCoordinator } from './groupCoordinator';
import type { HandlerEnv } from './handlers/env';
import { noDecompression } from './recordBatch';

export function testEnv(sim: Simulation): HandlerEnv {
  return {
    sim,
    dispatch: (command) => sim.dispatch(command),
    waitFor: async (probe) => probe(),
    waitForEvent: async () => undefined,
    decompress: noDecompression,
    listenerOf: (broker) => ({ host: '127.0.0.1', port: 9091 + broker }),
    groups: null,
  };
}

/**
 * testEnv with the simulation's group coordinator plugged in. An answer event from the dispatch that follows a
 * wait resolves it; otherwise the wait times out on the next macrotask (no wall clock here).
 */
export function testEnvWithGroups(sim: Simulation): HandlerEnv {
  const env = testEnv(sim);
  const waiting = new Set<{ pred: (e: SimEvent) => boolean; resolve: (e: SimEvent | undefined) => void }>();
  env.dispatch = (command) => {
    const r = sim.dispatch(command);
    for (const e of r.events)
      for (const w of [...waiting])
        if (w.pred(e)) {
          waiting.delete(w);
          w.resolve(e);
        }
    return r;
  };
  env.waitForEvent = (pred) =>
    new Promise((resolve) => {
      const w = { pred, resolve };
      waiting.add(w);
      setTimeout(() => {
        if (waiting.delete(w)) resolve(undefined);
      }, 0);
    });
  env.groups = simulationGroupCoordinator(env);
  return env;
}
