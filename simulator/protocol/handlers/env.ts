// What a request handler gets from its host (the Node listener, or a test): the simulation, the only way to change
// it (dispatch, which first brings the virtual clock up to wall time), a way to wait for the simulation to reach a
// condition (acks=all, Fetch long-poll), the decompression hook and the listener addresses.
import type { Command, CommandResult, SimEvent, Simulation } from '../../index';
import type { Msg } from '../codec';
import type { RequestHeaderValue } from '../frames';
import type { Decompress } from '../recordBatch';
import type { GroupCoordinatorPort } from './groupPort';

export type ConnectionInfo = {
  /** Listener-wide connection number (deterministic within a session). */
  id: number;
  /** The broker whose listener accepted the connection. */
  broker: number;
  /** "client.id#connection", how the simulation's events name this client. */
  label: string;
};

export type HandlerEnv = {
  sim: Simulation;
  dispatch: (command: Command) => CommandResult;
  /** Resolve with probe()'s first defined value, checked now and after every dispatch, or undefined after timeoutMs. */
  waitFor: <T>(probe: () => T | undefined, timeoutMs: number) => Promise<T | undefined>;
  /** Resolve with the first event matching pred from any later dispatch, or undefined after timeoutMs. */
  waitForEvent: (pred: (event: SimEvent) => boolean, timeoutMs: number) => Promise<SimEvent | undefined>;
  decompress: Decompress;
  listenerOf: (broker: number) => { host: string; port: number } | undefined;
  groups: GroupCoordinatorPort | null;
};

export type Handler = (
  env: HandlerEnv,
  conn: ConnectionInfo,
  header: RequestHeaderValue,
  body: Msg,
) => Promise<Msg | null>;
