import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../index';
import { APIS } from './apis';
import { encodeRequest } from './frames';
import { processFrame } from './requestProcessor';
import { messageArb } from './schemaArb.testkit';
import { testEnv, testEnvWithGroups } from './testEnv.testkit';

// SocketServer hardening: a malformed or unsupported request closes its connection and nothing else — the
// process keeps running and the simulation is exactly as before.
async function fuzz(withGroups: boolean) {
  const sim = new Simulation({ seed: 7, brokers: 3 });
  sim.dispatch({ type: 'createTopic', topic: 'orders', partitions: 3, replicationFactor: 3 });
  const env = withGroups ? testEnvWithGroups(sim) : testEnv(sim);
  const conn = { id: 1, broker: 1, label: 'fuzz#1' };
  const validFrame = fc
    .constantFrom(...APIS)
    .chain((api) =>
      fc
        .integer({ min: api.min, max: api.max })
        .chain((v) =>
          messageArb(api.request, v).map((body) => encodeRequest(api, v, 1, 'fuzz', body).subarray(4)),
        ),
    );
  const frame = fc.oneof(
    fc.uint8Array({ maxLength: 64 }),
    validFrame.chain((f) =>
      fc.integer({ min: 0, max: Math.max(0, f.length - 1) }).map((n) => f.subarray(0, n)),
    ),
    validFrame.chain((f) =>
      fc
        .array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 })
        .map((flips) => {
          const g = f.slice();
          for (const [at, x] of flips) if (g.length) g[at % g.length] ^= x;
          return g;
        }),
    ),
    // unknown API keys and unsupported versions of known ones
    fc.tuple(fc.integer({ min: 0, max: 70 }), fc.integer({ min: -1, max: 40 })).map(([k, v]) => {
      const b = new Uint8Array(10);
      const view = new DataView(b.buffer);
      view.setInt16(0, k);
      view.setInt16(2, v);
      view.setInt16(8, -1);
      return b;
    }),
  );
  const samples = fc.sample(frame, { seed: 42, numRuns: 10_000 });
  let closed = 0;
  for (const f of samples) {
    const before = sim.serialize();
    const logLength = sim.log.length;
    const outcome = await processFrame(env, conn, f);
    if (outcome.kind === 'close') {
      closed++;
      if (sim.serialize() !== before) throw new Error(`state changed by a rejected frame: ${outcome.reason}`);
      expect(sim.log.length).toBe(logLength);
    }
  }
  expect(samples).toHaveLength(10_000);
  expect(closed).toBeGreaterThan(3_000);
  return sim;
}

describe('fuzzing the request layer with 10,000 random and truncated frames', () => {
  it('never throws, and a rejected frame leaves sim.serialize() unchanged', async () => {
    await fuzz(false);
  });

  it('with the group coordinator on: the same, and the group commands the accepted frames made replay', async () => {
    const sim = await fuzz(true);
    expect(sim.log.some((c) => c.type === 'externalJoinGroup')).toBe(true);
    expect(Simulation.replay(sim.init, sim.log).serialize()).toBe(sim.serialize());
  }, 120_000);
});
