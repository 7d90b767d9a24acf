// Network faults between clients and brokers: seeded random loss of a produce request or of its response, and
// deterministic "drop the next one" switches so a lesson can lose an acknowledgement on demand.
import type { Ctx } from '../engine/context';
import { type CommandHandlers, type KafkaError, okVoid } from '../engine/registry';
import type { NetworkState } from './types';

export type { DropRule, NetworkState } from './types';

export const initialNetwork = (): NetworkState => ({
  requestLossRate: 0,
  responseLossRate: 0,
  dropRules: [],
  pausedReplicaFetchers: [],
});

/** Decide (and consume the matching rule / random draw) whether this message is lost. */
export function isLost(ctx: Ctx, what: 'request' | 'response', producer: string): boolean {
  const net = ctx.state.network;
  const idx = net.dropRules.findIndex(
    (r) => r.what === what && (r.producer === null || r.producer === producer),
  );
  if (idx >= 0) {
    const rule = net.dropRules[idx];
    rule.remaining--;
    if (rule.remaining <= 0) net.dropRules.splice(idx, 1);
    return true;
  }
  const rate = what === 'request' ? net.requestLossRate : net.responseLossRate;
  return rate > 0 && ctx.random() < rate;
}

function badRate(v: number | undefined): KafkaError | null {
  if (v === undefined || (v >= 0 && v <= 1)) return null;
  return { code: 'INVALID_REQUEST', message: `Loss rate must be between 0 and 1, got ${v}` };
}

export const networkCommands = {
  setNetworkFaults(ctx, cmd) {
    const err = badRate(cmd.requestLossRate) ?? badRate(cmd.responseLossRate);
    if (err) return { ok: false, error: err };
    const net = ctx.state.network;
    if (cmd.requestLossRate !== undefined) net.requestLossRate = cmd.requestLossRate;
    if (cmd.responseLossRate !== undefined) net.responseLossRate = cmd.responseLossRate;
    ctx.emit(
      'networkFaultsChanged',
      `network: ${Math.round(net.requestLossRate * 100)}% of produce requests and ${Math.round(net.responseLossRate * 100)}% of responses will be lost`,
      {
        requestLossRate: net.requestLossRate,
        responseLossRate: net.responseLossRate,
        dropRules: [...net.dropRules],
      },
    );
    return okVoid();
  },

  dropNext(ctx, cmd) {
    const count = cmd.count ?? 1;
    if (!Number.isInteger(count) || count < 1)
      return {
        ok: false,
        error: { code: 'INVALID_REQUEST', message: `count must be a positive integer, got ${count}` },
      };
    const net = ctx.state.network;
    net.dropRules.push({ what: cmd.what, producer: cmd.producer ?? null, remaining: count });
    ctx.emit(
      'networkFaultsChanged',
      `network: the next ${count === 1 ? '' : `${count} `}produce ${cmd.what}${count === 1 ? '' : 's'}${cmd.producer ? ` of producer ${cmd.producer}` : ''} will be lost`,
      {
        requestLossRate: net.requestLossRate,
        responseLossRate: net.responseLossRate,
        dropRules: [...net.dropRules],
      },
    );
    return okVoid();
  },
} satisfies CommandHandlers;
