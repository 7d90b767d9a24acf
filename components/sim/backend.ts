// The views' backend over the real simulator: a Simulation plus its console session. Every change goes
// through a console line (session.runBlock → sim.dispatch), so the embed's command log is a list of
// lines, and replaying them on a fresh Simulation with the same seed reproduces the state exactly.
import { type ConsoleSession, consoleFor, splitBlocks } from '@/kafka-cli';
import { type SimEvent, Simulation } from '@/simulator';
import type { BackendFactory } from './SimController';

/** Events kept by each Simulation: the narration and animations only need the recent ones. */
const RETAINED_EVENTS = 5000;

export const createBackend: BackendFactory = ({ seed, brokers }) => {
  const first = new Simulation({ seed, brokers }, { maxRetainedEvents: RETAINED_EVENTS });
  const session: ConsoleSession = consoleFor(first);
  // `sim reset` is an ordinary command in this Simulation, so the session always drives `first`.
  const sim = () => first;
  return {
    session,
    runLine: (block) => session.runBlock(block),
    splitBlocks: (lines) => splitBlocks(session, lines),
    simulation: sim,
    eventsSince: (seqAfter): SimEvent[] => {
      const events = sim().events;
      let i = events.length;
      while (i > 0 && events[i - 1].seq > seqAfter) i--;
      return events.slice(i);
    },
  };
};
