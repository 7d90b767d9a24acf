// The simulator's areas, in order. The order is part of determinism: it is the order in which areas build the
// initial state, and the order in which hooks of different areas run for the same event (for example, when a
// high watermark advances the storage area wakes its jobs before the consumer area samples lag).
import { clusterArea } from './cluster/index';
import { clustersArea } from './clusters/index';
import { connectArea } from './connect/runtime/index';
import { externalGroupsArea } from './consumer/external/wireCoordinator';
import { consumerArea } from './consumer/index';
import { clockArea } from './engine/clock';
import type { CommandType, TaskType } from './engine/registry';
import { kraftArea } from './kraft/index';
import { mirrorArea } from './mirror/index';
import { monitoringArea } from './monitoring/index';
import { networkArea } from './network/index';
import { externalProducerIdArea } from './producer/externalInitProducerId';
import { producerArea } from './producer/index';
import { productionArea } from './production/index';
import { rabbitmqArea } from './rabbitmq/index';
import { externalClientsArea } from './replication/externalProduce';
import { replicationArea } from './replication/index';
import { schemaRegistryArea } from './schemaRegistry/area/index';
import { securityArea } from './security/area/index';
import { shareGroupsArea } from './shareGroups/area/index';
import { storageArea } from './storage/index';
import { streamsArea } from './streams/area/index';
import { transactionsArea } from './transactions/index';
import { workspaceArea } from './workspace';

export const AREAS = [
  clockArea,
  // The simulation's other clusters (regions): each runs every area below in a state of its own.
  clustersArea,
  networkArea,
  clusterArea,
  replicationArea,
  producerArea,
  kraftArea,
  storageArea,
  consumerArea,
  transactionsArea,
  // Listeners, principals, ACLs, SCRAM credentials and quotas: the console's requests pass its gate.
  securityArea,
  // Kafka Connect workers: they write to the internal topics and commit sink offsets through the consumer area.
  connectArea,
  // Kafka Streams applications: they drive producers, transactions and group offsets of the areas above.
  streamsArea,
  // The Strimzi operator's rolling restart (production).
  productionArea,
  // MirrorMaker 2 flows (disaster recovery).
  mirrorArea,
  // Real Kafka clients over the wire protocol (kafka-sim --listen): their produce requests, producer ids and groups.
  externalClientsArea,
  externalProducerIdArea,
  externalGroupsArea,
  // Share groups (KIP-932): queue-like consumption of Kafka partitions (before monitoring, which hooks last).
  shareGroupsArea,
  // jmx_exporter, Prometheus, Burrow: after every area whose events it counts, so it reads the state they left.
  monitoringArea,
  // A RabbitMQ broker beside the cluster, for the Kafka-vs-RabbitMQ side by side (reacts to no Kafka event).
  rabbitmqArea,
  // Confluent Schema Registry: a server whose store is the `_schemas` topic.
  schemaRegistryArea,
  // The learner's scratch files and `sim reset`.
  workspaceArea,
] as const;

type HandledBy<A, F extends 'commands' | 'tasks'> = A extends { readonly [P in F]?: infer H }
  ? keyof NonNullable<H>
  : never;
type Unhandled<F extends 'commands' | 'tasks', Declared> = Exclude<
  Declared,
  HandledBy<(typeof AREAS)[number], F>
>;

type Check<Missing> = [Missing] extends [never]
  ? true
  : { 'these command or task types have no handler in AREAS': Missing };

/**
 * Compile-time check: every command and every task type an area declares (CommandMap, TaskMap) has a
 * handler in AREAS. If this line does not compile, the error names the missing types.
 */
export const EVERY_COMMAND_AND_TASK_HANDLED: Check<
  Unhandled<'commands', CommandType> | Unhandled<'tasks', TaskType>
> = true;
