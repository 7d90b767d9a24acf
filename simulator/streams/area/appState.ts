// KafkaStreams.State transitions of an application (all its instances together, simplified to one state).
import type { Ctx } from '../../engine/context';
import type { StreamsApp, StreamsAppState } from './types';

export function setAppState(ctx: Ctx, app: StreamsApp, to: StreamsAppState, why: string): void {
  if (app.state === to) return;
  const from = app.state;
  app.state = to;
  ctx.emit('streamsStateChanged', `${app.applicationId}: KafkaStreams state ${from} -> ${to} (${why})`, {
    app: app.applicationId,
    from,
    to,
  });
}
