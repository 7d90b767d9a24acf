// A HandlerEnv over a Simulation without sockets or wall time: waits resolve at once (a probe that is not yet
// true counts as timed out), which is what the fuzz and handler tests need.
import type { Simulation } from '../index';
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
