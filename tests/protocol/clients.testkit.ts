// Starts the protocol listeners in-process on free loopback ports for client tests.

import { KafkaListeners } from '../../server/listener';
import { Simulation } from '../../simulator/index';

export async function startCluster(brokers = 3) {
  const sim = new Simulation({ seed: 42, brokers });
  const logs: string[] = [];
  const listeners = new KafkaListeners(sim, { port: 0, log: (l) => logs.push(l) });
  const ports = await listeners.listen();
  const bootstrap = [...ports.values()].map((p) => `127.0.0.1:${p}`);
  /** Dispatch as a console command would, with the clock brought up to wall time first. */
  const dispatch = listeners.host.env.dispatch;
  return { sim, listeners, ports, bootstrap, logs, dispatch };
}
