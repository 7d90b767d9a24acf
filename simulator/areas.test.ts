// The area list: its order, which area handles each command and task (exactly one), and the order in which
// hooks of different areas run for the same event. Changing any of these changes replay, so it is pinned.
import { describe, expect, it } from 'vitest';
import { AREAS } from './areas';
import { installedAreas, registeredCommandTypes, registeredTaskTypes } from './engine/registry';
import './simulation';

const byArea = (field: 'commands' | 'tasks') =>
  Object.fromEntries(
    AREAS.map((a) => [a.name, Object.keys(a[field] ?? {}).sort()]).filter(([, ks]) => ks.length),
  );

describe('the area list (simulator/areas.ts)', () => {
  it('is installed in this order', () => {
    expect(installedAreas().map((a) => a.name)).toEqual([
      'clock',
      'clusters',
      'network',
      'cluster',
      'replication',
      'producer',
      'kraft',
      'storage',
      'consumer',
      'transactions',
      'security',
      'connect',
      'streams',
      'production',
      'mirror',
      'externalClients',
      'externalProducerIds',
      'externalGroups',
      'shareGroups',
      'monitoring',
      'rabbitmq',
      'schemaRegistry',
      'workspace',
    ]);
  });

  it('every command type has exactly one handler, in this area', () => {
    const all = AREAS.flatMap((a) => Object.keys(a.commands ?? {}));
    expect(new Set(all).size).toBe(all.length);
    expect([...registeredCommandTypes()].sort()).toEqual([...all].sort());
    expect(byArea('commands')).toEqual({
      clock: ['advanceClock'],
      clusters: ['clusterCreate', 'clusterRun', 'clusterUse'],
      network: ['dropNext', 'replicaFetchPause', 'replicaFetchResume', 'setNetworkFaults'],
      cluster: [
        'alterTopicConfigs',
        'brokerAdd',
        'brokerHeal',
        'brokerIsolate',
        'brokerStart',
        'brokerStop',
        'createPartitions',
        'createTopic',
        'deleteTopic',
      ],
      producer: ['producerClose', 'producerCreate', 'producerFlush', 'producerSend', 'producerSendMany'],
      kraft: ['alterPartitionReassignments', 'controllerStart', 'controllerStop', 'electLeaders'],
      consumer: [
        'consumerClose',
        'consumerCommit',
        'consumerCrash',
        'consumerCreate',
        'consumerPoll',
        'consumerProcess',
        'consumerSeek',
        'groupCommitOffsets',
        'groupDelete',
        'groupDeleteOffsets',
        'groupResetOffsets',
      ],
      transactions: [
        'producerAbortTransaction',
        'producerBeginTransaction',
        'producerCommitTransaction',
        'producerCrash',
        'producerInitTransactions',
        'producerSendOffsetsToTransaction',
        'txnAdminAbort',
      ],
      security: [
        'securityAcls',
        'securityBindClient',
        'securityConfigs',
        'securityConfigure',
        'securityFetchBytes',
        'securityPkiStore',
        'securityRequest',
      ],
      connect: ['connectDbExec', 'connectRest', 'connectStart', 'connectWorkerStart', 'connectWorkerStop'],
      streams: [
        'streamsAppCreate',
        'streamsAppDelete',
        'streamsAppReset',
        'streamsInstanceCrash',
        'streamsInstanceStart',
        'streamsInstanceStop',
      ],
      production: ['productionRoll'],
      mirror: ['mirrorRegionDown', 'mirrorRegionUp', 'mirrorStart'],
      externalClients: ['externalProduce'],
      externalProducerIds: ['externalInitProducerId'],
      externalGroups: [
        'externalFindCoordinator',
        'externalHeartbeat',
        'externalJoinGroup',
        'externalLeaveGroup',
        'externalOffsetCommit',
        'externalSyncGroup',
      ],
      monitoring: ['monitoringStart', 'monitoringStop'],
      rabbitmq: [
        'rabbitAck',
        'rabbitBind',
        'rabbitCancel',
        'rabbitConsume',
        'rabbitCrash',
        'rabbitDeclareExchange',
        'rabbitDeclareQueue',
        'rabbitNack',
        'rabbitPublish',
        'rabbitReject',
        'rabbitSetConsumerTimeout',
      ],
      shareGroups: [
        'shareGroupAcknowledge',
        'shareGroupJoin',
        'shareGroupLeave',
        'shareGroupPoll',
        'shareGroupSetAutoOffsetReset',
        'shareGroupSetBrokerConfig',
      ],
      schemaRegistry: [
        'schemaRegistryRequest',
        'schemaRegistryRestart',
        'schemaRegistrySerializeLine',
        'schemaRegistryStart',
        'schemaRegistryStop',
      ],
      workspace: ['simReset', 'workspaceWriteFile'],
    });
  });

  it('every task type has exactly one handler, in this area', () => {
    const all = AREAS.flatMap((a) => Object.keys(a.tasks ?? {}));
    expect(new Set(all).size).toBe(all.length);
    expect([...registeredTaskTypes()].sort()).toEqual([...all].sort());
    expect(byArea('tasks')).toEqual({
      cluster: ['uncleanElectionCheck'],
      replication: ['isrExpiration', 'produceRequest', 'replicaFetchRequest', 'replicaFetchResponse'],
      producer: ['produceResponse', 'produceTimeout', 'producerDrain'],
      kraft: [
        'brokerRegistration',
        'brokerSessionExpiry',
        'brokerUnfence',
        'controllerElection',
        'leaderImbalanceCheck',
      ],
      storage: ['logCleanerCheck', 'logRetentionCheck'],
      consumer: ['consumerGroupTimer', 'consumerMetadataRefresh', 'consumerPollTimeout'],
      transactions: ['txnMarkerRetry', 'txnTimeout'],
      connect: [
        'connectOffsetFlush',
        'connectScheduledRebalance',
        'connectSessionExpired',
        'connectTaskPoll',
      ],
      streams: ['streamsCommit', 'streamsJoinDeadline', 'streamsPoll', 'streamsSessionTimeout'],
      production: ['productionRollStep'],
      clusters: ['clusterTask'],
      mirror: [
        'mirrorCheckpoint',
        'mirrorHeartbeat',
        'mirrorPoll',
        'mirrorRefreshTopics',
        'mirrorSyncTopicConfigs',
      ],
      externalClients: ['externalProduceTimeout'],
      externalGroups: ['externalGroupTimer'],
      monitoring: ['monitoringBurrowRefresh', 'monitoringLagPoll', 'monitoringScrape'],
      rabbitmq: ['rabbitProcess', 'rabbitTimeoutCheck'],
      shareGroups: ['shareLockTimeout'],
    });
  });

  it('hooks on the same event run in area order: when a high watermark advances, storage wakes its jobs before the consumer area samples lag', () => {
    const hooks = new Map<string, string[]>();
    for (const a of AREAS)
      for (const h of a.hooks ?? [])
        hooks.set(`${h.on} ${h.type}`, [...(hooks.get(`${h.on} ${h.type}`) ?? []), a.name]);
    // Monitoring only counts: its hooks run after every other area's, so it reads the state they left.
    for (const areas of hooks.values())
      if (areas.includes('monitoring')) expect(areas.at(-1)).toBe('monitoring');
    const shared = Object.fromEntries(
      [...hooks]
        .map(([k, areas]) => [k, areas.filter((a) => a !== 'monitoring')] as const)
        .filter(([, areas]) => areas.length > 1),
    );
    expect(shared).toEqual({
      // the metadata log's observers (kraft) record where a stopped broker's copy ends, independently of the others
      'event brokerStarted': ['kraft', 'storage'],
      'event brokerStopped': ['producer', 'kraft'],
      'event highWatermarkAdvanced': ['storage', 'consumer', 'streams', 'mirror', 'externalClients'],
      'event leaderChanged': ['producer', 'transactions', 'externalClients'],
      'event recordsAppended': ['storage', 'externalClients'],
      'event topicDeleted': ['consumer', 'shareGroups'],
    });
  });

  it('the controller publishes partition changes to the brokers as a signal, and only replication applies them', () => {
    const listeners = AREAS.filter((a) =>
      (a.hooks ?? []).some((h) => h.on === 'signal' && h.type === 'partitionChangePublished'),
    ).map((a) => a.name);
    expect(listeners).toEqual(['replication']);
  });
});
