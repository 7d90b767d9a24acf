// What every transactional call checks first, as the producer's TransactionManager does.
import type { Ctx } from '../engine/context';
import type { KafkaError } from '../engine/registry';
import { flush } from '../producer/commands';
import type { Producer } from '../producer/types';
import { txnArea } from './coordinator';

export const PRODUCER_FENCED_MESSAGE =
  'There is a newer producer with the same transactionalId which fences the current one.';

export function transactional(
  ctx: Ctx,
  name: string,
): { producer: Producer; transactionalId: string } | null {
  const producer = ctx.state.producers[name];
  const transactionalId = producer?.config.transactionalId ?? null;
  return producer && producer.status === 'open' && transactionalId !== null
    ? { producer, transactionalId }
    : null;
}

/** Errors a transactional producer's own call gets before anything happens (TransactionManager checks). */
export function clientError(ctx: Ctx, name: string, action: string): KafkaError | null {
  const t = transactional(ctx, name);
  if (!t) {
    const producer = ctx.state.producers[name];
    if (producer?.status !== 'open')
      return { code: 'INVALID_REQUEST', message: `Producer ${name} does not exist.` };
    return {
      code: 'ILLEGAL_STATE',
      message: `Transactional method invoked on a non-transactional producer (${action}): set transactional.id.`,
    };
  }
  const client = txnArea(ctx).clients[name];
  if (!client) {
    return {
      code: 'ILLEGAL_STATE',
      message: `Cannot perform a '${action}' before completing a call to initTransactions when transactions are enabled.`,
    };
  }
  if (client.state.kind === 'fenced') return { code: 'PRODUCER_FENCED', message: PRODUCER_FENCED_MESSAGE };
  return null;
}

export function transactionTimeoutMs(producer: Producer): number {
  const configured = Number(producer.userConfigs['transaction.timeout.ms'] ?? '60000');
  return Number.isFinite(configured) && configured > 0 ? configured : 60000;
}

/** Run the clock until every record the producer sent has been acknowledged or has failed (flush()). */
export function flushProducer(ctx: Ctx, name: string): void {
  const producer = ctx.state.producers[name];
  if (producer && producer.status !== 'closed') flush(ctx, producer);
}
