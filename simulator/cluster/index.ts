// The cluster area: brokers and topics (state.brokers, state.topics, broker config, latency), their admin
// commands, and the cluster's bootstrap.
import { defineArea } from '../engine/registry';
import { initCluster, startCluster } from './bootstrap';
import { brokerCommands } from './brokers';
import { topicCommands, topicTasks } from './topics';

export const clusterArea = defineArea({
  name: 'cluster',
  init: initCluster,
  start: startCluster,
  commands: { ...brokerCommands, ...topicCommands },
  tasks: topicTasks,
});
