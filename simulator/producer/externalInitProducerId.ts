import { type CommandHandler, defineArea, fail, ok } from '../engine/registry';

// InitProducerId from an external client without a transactional.id (an idempotent producer): the broker hands
// out a new producer id at epoch 0 (TransactionCoordinator#handleInitProducerId, the non-transactional branch).
// The id comes from the same counter the simulated producers use (the simulation has no ProducerIdsRecord blocks).

declare module '../engine/registry' {
  interface CommandMap {
    externalInitProducerId: { client: string; transactionalId: string | null };
  }
  interface CommandResultMap {
    externalInitProducerId: { producerId: number; producerEpoch: number };
  }
  interface EventMap {
    externalProducerIdAllocated: { client: string; producerId: number; producerEpoch: number };
  }
}

const externalInitProducerIdHandler: CommandHandler<'externalInitProducerId'> = (ctx, cmd) => {
  if (cmd.transactionalId !== null)
    return fail(
      'UNSUPPORTED_VERSION',
      'Transactional producers are not served over the wire yet (no AddPartitionsToTxn/EndTxn).',
    );
  const producerId = ctx.state.nextProducerId++;
  ctx.emit(
    'externalProducerIdAllocated',
    `${cmd.client} is an idempotent producer: it got producer id ${producerId} (epoch 0); brokers now check its sequence numbers per partition`,
    { client: cmd.client, producerId, producerEpoch: 0 },
  );
  return ok({ producerId, producerEpoch: 0 });
};

export const externalProducerIdArea = defineArea({
  name: 'externalProducerIds',
  commands: { externalInitProducerId: externalInitProducerIdHandler },
});
