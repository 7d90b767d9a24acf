// The playground's live mode (/playground/?live=1, served by `kafka-sim --listen --ui`): the server's command
// stream (server/liveView.ts) replayed into the playground's own SimController. The first message names the seed
// and broker count and carries the whole log so far; the playground builds a controller for that spec, the feed
// replays the log into it at once, then applies each later batch as it arrives, so every view shows what the real
// clients do. The simulator is deterministic: the same seed, brokers and commands give the server's state.
import type { LiveCommands, LiveInit } from '@/server/liveView';
import type { Command } from '@/simulator';
import type { SimController, SimInitSpec } from './SimController';

/** The server's stream (server/liveView.ts LIVE_EVENTS_PATH), on the page's own origin. */
export const LIVE_EVENTS_URL = '/live/events';

export type LiveStatus =
  | { state: 'connecting' }
  | { state: 'connected'; commands: number }
  | { state: 'disconnected'; commands: number }
  | { state: 'error'; message: string };

export function liveStatusText(status: LiveStatus): string {
  switch (status.state) {
    case 'connecting':
      return 'Live: connecting to kafka-sim…';
    case 'connected':
      return `Live: connected to kafka-sim, ${status.commands} commands`;
    case 'disconnected':
      return `Live: disconnected from kafka-sim after ${status.commands} commands (retrying…)`;
    case 'error':
      return `Live: ${status.message}`;
  }
}

export type LiveFeedHooks = {
  /** A new stream began: build a controller for this spec and attach it. */
  start: (spec: SimInitSpec) => void;
  status: (status: LiveStatus) => void;
  /** The stream skipped commands: reconnect to get a fresh init. */
  resync: () => void;
};

export class LiveFeed {
  /** The spec of the current stream; the controller built for it is the one fed. */
  spec: SimInitSpec | null = null;
  private controller: SimController | null = null;
  /** Commands received before that controller existed. */
  private pending: Command[] = [];
  private received = 0;

  constructor(private readonly hooks: LiveFeedHooks) {
    hooks.status({ state: 'connecting' });
  }

  /** One server-sent event: `init` or `commands`, its data as sent. */
  receive(event: string, data: string): void {
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      this.hooks.status({ state: 'error', message: 'the stream sent something that is not JSON' });
      return;
    }
    if (event === 'init') this.init(message as LiveInit);
    else if (event === 'commands') this.commands(message as LiveCommands);
  }

  /** The playground's current controller: fed when it was built for this stream's spec. */
  attach(controller: SimController | null): void {
    if (controller === this.controller) return;
    if (!controller || controller.init !== this.spec) {
      this.controller = null;
      return;
    }
    this.controller = controller;
    const catchUp = this.pending;
    this.pending = [];
    controller.applyCommands(catchUp, false);
  }

  disconnected(): void {
    this.hooks.status({ state: 'disconnected', commands: this.received });
  }

  private init(message: LiveInit): void {
    this.spec = { seed: message.seed, brokers: message.brokers, setup: [] };
    this.controller = null;
    this.pending = [...message.commands];
    this.received = message.commands.length;
    this.hooks.status({ state: 'connected', commands: this.received });
    this.hooks.start(this.spec);
  }

  private commands(message: LiveCommands): void {
    if (this.spec === null) return;
    if (message.from !== this.received) {
      this.hooks.status({ state: 'error', message: 'the stream skipped commands; reconnecting' });
      this.hooks.resync();
      return;
    }
    this.received += message.commands.length;
    if (this.controller) this.controller.applyCommands(message.commands, true);
    else this.pending.push(...message.commands);
    this.hooks.status({ state: 'connected', commands: this.received });
  }
}
