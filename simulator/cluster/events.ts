// Events of the cluster and its KRaft controller (payloads; seq/time/type/reason are added by ctx.emit).
import type { MetadataRecord } from '../kraft/types';
import type { BrokerId } from './types';

export type ElectionKind = 'clean' | 'unclean' | 'preferred' | 'none';

declare module '../engine/registry' {
  interface EventMap {
    clusterStarted: { brokers: BrokerId[]; controllers: number[]; clusterId: string };
    controllerStopped: { controllerId: number };
    controllerStarted: { controllerId: number };
    controllerElected: { controllerId: number; epoch: number };
    quorumLost: { running: number[]; needed: number };
    metadataRecordAppended: { record: MetadataRecord };
    brokerStopped: { brokerId: BrokerId; mode: 'crash' | 'controlled' };
    brokerStarted: { brokerId: BrokerId };
    brokerIsolated: { brokerId: BrokerId };
    brokerHealed: { brokerId: BrokerId };
    brokerAdded: { brokerId: BrokerId };
    brokerRegistered: { brokerId: BrokerId; brokerEpoch: number };
    brokerFenced: { brokerId: BrokerId; cause: 'sessionTimeout' | 'controlledShutdown' | 'reregistration' };
    brokerUnfenced: { brokerId: BrokerId };
    topicCreated: {
      topic: string;
      topicId: string;
      partitions: number;
      replicationFactor: number;
      assignment: BrokerId[][];
      autoCreated: boolean;
    };
    topicDeleted: { topic: string; topicId: string };
    partitionsAdded: { topic: string; from: number; to: number; assignment: BrokerId[][] };
    topicConfigChanged: { topic: string; name: string; value: string | null };
    leaderChanged: {
      topic: string;
      partition: number;
      leader: BrokerId | null;
      previousLeader: BrokerId | null;
      leaderEpoch: number;
      isr: BrokerId[];
      election: ElectionKind;
    };
    isrChanged: {
      topic: string;
      partition: number;
      isr: BrokerId[];
      previousIsr: BrokerId[];
      cause: 'shrink' | 'expand' | 'fenced' | 'election';
    };
  }
}
