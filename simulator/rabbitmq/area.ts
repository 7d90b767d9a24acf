// The RabbitMQ area (state.areas.rabbitmq): a RabbitMQ broker beside the Kafka cluster, for the side by side.
// It reacts to no Kafka event: the two systems share only the virtual clock and the learner's workload.
import { defineArea } from '../engine/registry';
import './areaTypes';
import { createRabbitState } from './broker';
import { rabbitCommands } from './commands';
import { rabbitTasks } from './tasks';

export const rabbitmqArea = defineArea({
  name: 'rabbitmq',
  init: (state) => {
    state.areas.rabbitmq = {
      broker: createRabbitState(),
      apps: {},
      received: {},
      stats: {},
      timeoutCheckAt: null,
    };
  },
  commands: rabbitCommands,
  tasks: rabbitTasks,
});
