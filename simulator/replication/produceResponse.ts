// The broker's answer to a produce request travelling back to the producer (possibly lost on the way).
import { isBrokerAlive } from '../cluster/lookup';
import type { Partition } from '../cluster/types';
import type { Ctx } from '../engine/context';
import { isLost } from '../network/faults';
import type { ProduceResult } from './types';

export type { ProduceResult };

export function sendProduceResponse(
  ctx: Ctx,
  broker: number,
  part: Partition,
  req: { requestId: number; producer: string; batchId: number },
  result: ProduceResult,
): void {
  if (!isBrokerAlive(ctx.state, broker)) return; // nobody hears it; the producer's request.timeout.ms will fire
  if (isLost(ctx, 'response', req.producer)) {
    ctx.emit(
      'produceResponseLost',
      `the response to ${req.producer}'s produce request #${req.requestId} (${part.topic}-${part.partition}) was lost on the network; the broker ${result.kind === 'ok' ? 'did write the records' : `answered ${result.code}`}, but the producer will never know`,
      {
        producer: req.producer,
        requestId: req.requestId,
        broker,
        topic: part.topic,
        partition: part.partition,
      },
    );
    return;
  }
  ctx.schedule(ctx.state.latencyMs, {
    type: 'produceResponse',
    producer: req.producer,
    requestId: req.requestId,
    batchId: req.batchId,
    topic: part.topic,
    partition: part.partition,
    broker,
    result,
  });
}
