// The replication area: what partition leaders and followers do (produce handling, follower fetching, ISR
// maintenance, the high watermark). Its state lives in each partition's replicas (state.topics).
import { defineArea } from '../engine/registry';
import { fetcherTasks } from './fetcher';
import { isrTasks } from './isr';
import { produceTasks } from './produceHandler';
import { replicaManagerHooks } from './replicaManager';

export const replicationArea = defineArea({
  name: 'replication',
  tasks: { ...fetcherTasks, ...isrTasks, ...produceTasks },
  hooks: replicaManagerHooks,
});
