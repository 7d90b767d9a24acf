// The learner's workspace: the scratch files a console writes with `cat > plan.json <<EOF` (the JSON plans
// kafka-reassign-partitions.sh and kafka-leader-election.sh read), and `sim reset`, starting over with a fresh
// cluster. Both live in the simulation like every other change, so `Simulation.replay(init, log)` rebuilds
// them and nothing about an embed is kept outside its Simulation.
// Not a Kafka mechanism: a real shell keeps files on disk and "starting over" means formatting a new cluster.
import { createInitialState } from './cluster/bootstrap';
import { type CommandHandler, defineArea, fail, okVoid } from './engine/registry';

export type WorkspaceState = {
  /** Scratch files by path ("./plan.json" and "plan.json" are the same file). */
  files: Record<string, string>;
};

declare module './engine/registry' {
  interface AreaStates {
    workspace: WorkspaceState;
  }
  interface CommandMap {
    /** `cat > PATH <<EOF ... EOF`: write (or replace) a scratch file. */
    workspaceWriteFile: { path: string; text: string };
    /** `sim reset [--brokers N] [--seed S]`: a fresh cluster replaces everything; the scratch files stay. */
    simReset: { brokers: number; seed: number };
  }
  interface EventMap {
    workspaceFileWritten: { path: string; lines: number };
    simulationReset: { brokers: number; seed: number };
  }
}

/** The one spelling of a scratch file's path. */
export function workspacePath(path: string): string {
  return path.replace(/^(\.\/)+/, '');
}

const MAX_BROKERS = 12;

const workspaceWriteFileHandler: CommandHandler<'workspaceWriteFile'> = (ctx, cmd) => {
  const path = workspacePath(cmd.path ?? '');
  if (path === '' || /\s/.test(path)) return fail('INVALID_REQUEST', `Invalid file name: '${cmd.path}'`);
  if (typeof cmd.text !== 'string') return fail('INVALID_REQUEST', 'A file needs text');
  // Scratch files belong to the console, not to a cluster: they live in the simulation's first state.
  ctx.root.state.areas.workspace.files[path] = cmd.text;
  const lines = cmd.text === '' ? 0 : cmd.text.split('\n').length;
  ctx.emit(
    'workspaceFileWritten',
    `${path} written (${lines} line${lines === 1 ? '' : 's'}): tools given this file name read it now`,
    { path, lines },
  );
  return okVoid();
};

const simResetHandler: CommandHandler<'simReset'> = (ctx, cmd) => {
  const { brokers, seed } = cmd;
  if (!Number.isInteger(brokers) || brokers < 1 || brokers > MAX_BROKERS)
    return fail('INVALID_REQUEST', `A cluster has 1 to ${MAX_BROKERS} brokers, not ${brokers}`);
  if (!Number.isSafeInteger(seed) || seed < 0) return fail('INVALID_REQUEST', `Invalid seed ${seed}`);
  const old = ctx.state;
  // The fresh cluster's own start-up events are summed up by the one event below; event numbers keep
  // counting so views that follow events by sequence number see the reset as the next thing that happened.
  const fresh = createInitialState(
    {
      seed,
      brokers,
      controllers: old.quorum.voters.length,
      brokerConfig: old.brokerConfig,
      latencyMs: old.latencyMs,
    },
    [],
  );
  fresh.nextEventSeq = old.nextEventSeq;
  fresh.areas.workspace = old.areas.workspace;
  Object.assign(old, fresh);
  // The other clusters go too: the fresh simulation has one cluster.
  delete old.clusters;
  delete old.clusterName;
  delete old.clusterInUse;
  ctx.emit(
    'simulationReset',
    `The simulation starts over: a fresh KRaft cluster with ${brokers} broker${brokers === 1 ? '' : 's'} (seed ${seed}, virtual time 0); topics, clients and groups are gone, scratch files stay`,
    { brokers, seed },
  );
  return okVoid();
};

export const workspaceArea = defineArea({
  name: 'workspace',
  init: (state) => {
    state.areas.workspace = { files: {} };
  },
  commands: { workspaceWriteFile: workspaceWriteFileHandler, simReset: simResetHandler },
});
