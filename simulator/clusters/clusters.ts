// The simulation's other clusters: creating one, running a command or a task in one, and the console's
// current cluster. A command addressed to another cluster runs with the same handlers as in the first one,
// in a context whose state is that cluster's (engine/context.ts), so every Kafka rule holds there unchanged.
import { syncClusterClocks } from '../engine/clock';
import { Ctx } from '../engine/context';
import { createInitialState } from '../engine/initialState';
import {
  applyCommand,
  type CommandHandlers,
  fail,
  ok,
  type TaskHandlers,
  taskHandler,
} from '../engine/registry';
import type { SimState } from '../engine/state';
import './types';

/** A cluster name as a host name of `--bootstrap-server NAME:9092` (and an MM2 cluster alias). */
const CLUSTER_NAME = /^[a-z][a-z0-9-]{0,30}$/;
/** Host names that always mean the first cluster (the single-cluster lessons' bootstrap servers), so no
 * other cluster may take them. */
export const FIRST_CLUSTER_HOSTS = ['localhost', '127.0.0.1', 'kafka', 'broker', 'kafka-1', 'broker1'];
/** Commands about the set of clusters, which only the simulation itself runs. */
const SIMULATION_COMMANDS = new Set(['clusterCreate', 'clusterRun', 'clusterUse', 'simReset']);

/** The names of every cluster, the first one's first (null: a single-cluster simulation). */
export function clusterNames(state: SimState): string[] | null {
  if (!state.clusters) return null;
  return [state.clusterName ?? 'kafka', ...Object.keys(state.clusters)];
}

/** The state of cluster `name` (the first cluster's own, by its name), or null. */
export function clusterState(state: SimState, name: string): SimState | null {
  if (!state.clusters) return null;
  if (name === state.clusterName) return state;
  return state.clusters[name] ?? null;
}

/** The context of cluster `name` (`root` itself for the first cluster), or null for an unknown name. */
export function clusterCtx(root: Ctx, name: string): Ctx | null {
  const top = root.root;
  if (name === top.state.clusterName) return top;
  const state = top.state.clusters?.[name];
  if (!state) return null;
  state.now = top.state.now;
  return new Ctx(state, top.events, name, top);
}

/** The name of the cluster a context is in (null: the first cluster of a single-cluster simulation). */
export function clusterNameOf(ctx: Ctx): string | null {
  return ctx.cluster ?? ctx.root.state.clusterName ?? null;
}

/** A stable seed for another cluster: its cluster id and random draws differ from the first cluster's. */
function seedFor(seed: number, name: string): number {
  let h = seed >>> 0;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 31) + name.charCodeAt(i)) >>> 0;
  return h;
}

function unknownCluster(state: SimState, name: string) {
  const names = clusterNames(state);
  return fail(
    'INVALID_REQUEST',
    names
      ? `Unknown cluster '${name}': the simulation has the clusters ${names.join(', ')}.`
      : `Unknown cluster '${name}': the simulation has one cluster (create another with cluster create NAME).`,
  );
}

export const clusterCommands = {
  clusterCreate: (ctx, cmd) => {
    if (ctx.cluster !== null) return fail('INVALID_REQUEST', 'A cluster cannot create clusters.');
    const state = ctx.state;
    const first = state.clusterName ?? cmd.first;
    if (!CLUSTER_NAME.test(cmd.name) || FIRST_CLUSTER_HOSTS.includes(cmd.name))
      return fail(
        'INVALID_REQUEST',
        `Invalid cluster name '${cmd.name}': lower-case letters, digits and '-', starting with a letter (it is the host name of its bootstrap server).`,
      );
    if (first === undefined)
      return fail(
        'INVALID_REQUEST',
        `Name the first cluster too (the one the simulation started with): cluster create ${cmd.name} --first east.`,
      );
    if (cmd.first !== undefined && state.clusterName !== undefined && cmd.first !== state.clusterName)
      return fail('INVALID_REQUEST', `The first cluster is already named '${state.clusterName}'.`);
    if (!CLUSTER_NAME.test(first) || FIRST_CLUSTER_HOSTS.includes(first))
      return fail('INVALID_REQUEST', `Invalid cluster name '${first}'.`);
    if (cmd.name === first || state.clusters?.[cmd.name])
      return fail('INVALID_REQUEST', `A cluster named '${cmd.name}' already exists.`);
    const brokers = cmd.brokers ?? 3;
    const controllers = cmd.controllers ?? 3;
    if (!Number.isInteger(brokers) || brokers < 1 || brokers > 12)
      return fail('INVALID_REQUEST', `A cluster has 1 to 12 brokers, not ${brokers}.`);
    if (!Number.isInteger(controllers) || controllers < 1 || controllers > 5)
      return fail('INVALID_REQUEST', `A cluster has 1 to 5 controllers, not ${controllers}.`);
    state.clusterName = first;
    state.clusters ??= {};
    const clusters = state.clusters;
    const fresh = createInitialState(
      {
        seed: seedFor(state.seed, cmd.name),
        brokers,
        controllers,
        brokerConfig: state.brokerConfig,
        latencyMs: state.latencyMs,
      },
      ctx.events,
      (s) => {
        // The new cluster is in the simulation before it starts, so its start-up tasks find it.
        s.now = state.now;
        clusters[cmd.name] = s;
        return new Ctx(s, ctx.events, cmd.name, ctx);
      },
    );
    syncClusterClocks(state);
    ctx.emit(
      'clusterCreated',
      `a second region: cluster ${cmd.name} (id ${fresh.clusterId}) started beside ${first}, with brokers ${Object.keys(fresh.brokers).join(', ')} of its own; it is ${cmd.name}:9092 to its clients`,
      { name: cmd.name, first, brokers: Object.keys(fresh.brokers).map(Number), clusterId: fresh.clusterId },
    );
    return ok({ name: cmd.name, clusterId: fresh.clusterId });
  },

  clusterRun: (ctx, cmd) => {
    if (SIMULATION_COMMANDS.has(cmd.command.type))
      return fail('INVALID_REQUEST', `${cmd.command.type} is a command of the simulation, not of a cluster.`);
    const target = clusterCtx(ctx, cmd.cluster);
    if (!target) return unknownCluster(ctx.state, cmd.cluster);
    return applyCommand(target, cmd.command);
  },

  clusterUse: (ctx, cmd) => {
    const state = ctx.state;
    if (!clusterState(state, cmd.name)) return unknownCluster(state, cmd.name);
    if (cmd.name === state.clusterName) delete state.clusterInUse;
    else state.clusterInUse = cmd.name;
    ctx.emit('clusterInUse', `the console now talks to cluster ${cmd.name} (${cmd.name}:9092)`, {
      name: cmd.name,
    });
    return ok(undefined);
  },
} satisfies CommandHandlers;

export const clusterTasks = {
  clusterTask: (ctx, task) => {
    const target = clusterCtx(ctx, task.cluster);
    if (!target) return;
    const handler = taskHandler(task.task.type);
    if (!handler) throw new Error(`no handler registered for task ${task.task.type}`);
    handler(target, task.task as never);
  },
} satisfies TaskHandlers;
