// What the operator did during a reconciliation, one event per change, each with a reason a learner reads.
import type { ConfigValue, Role } from './resources';
export type StrimziEvent =
  | { type: 'NodeAdded'; pool: string; nodeId: number; roles: Role[]; reason: string }
  | { type: 'NodeRemoved'; pool: string; nodeId: number; reason: string }
  | { type: 'ScaleDownReverted'; pool: string; replicas: number; reason: string }
  | { type: 'BrokerConfigUpdated'; nodeIds: number[]; options: string[]; reason: string }
  | { type: 'NodeRestarted'; nodeId: number; reason: string }
  | { type: 'RestartBlocked'; nodeId: number; reason: string }
  | { type: 'TopicCreated'; topic: string; partitions: number; replicas: number; reason: string }
  | { type: 'PartitionsIncreased'; topic: string; from: number; to: number; reason: string }
  | {
      type: 'TopicConfigChanged';
      topic: string;
      set: Record<string, ConfigValue>;
      deleted: string[];
      reason: string;
    }
  | { type: 'TopicDeleted'; topic: string; reason: string }
  | {
      type: 'TopicNotReady';
      topic: string;
      conditionReason: 'NotSupported' | 'KafkaError';
      message: string;
      reason: string;
    }
  | { type: 'UserCreated' | 'UserUpdated' | 'UserDeleted'; user: string; reason: string };
