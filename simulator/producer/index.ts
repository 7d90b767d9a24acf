// The producer area: KafkaProducer clients (state.producers): accumulator, partitioner, sender, retries.
import { defineArea } from '../engine/registry';
import { producerCommands } from './commands';
import { senderHooks, senderTasks } from './sender';

export const producerArea = defineArea({
  name: 'producer',
  init: (state) => {
    state.producers = {};
    state.nextProducerId = 0;
    state.nextBatchId = 0;
    state.nextRequestId = 0;
  },
  commands: producerCommands,
  tasks: senderTasks,
  hooks: senderHooks,
});
