// Request routing: one handler per API (versions are handled inside each).
import type { ApiName } from '../apis';
import { handleCreateTopics, handleDeleteTopics, handleDescribeConfigs, handleInitProducerId } from './admin';
import { apiVersionsResponse } from './apiVersions';
import type { Handler } from './env';
import { handleFetch } from './fetch';
import {
  handleDescribeGroups,
  handleFindCoordinator,
  handleHeartbeat,
  handleJoinGroup,
  handleLeaveGroup,
  handleListGroups,
  handleOffsetCommit,
  handleOffsetFetch,
  handleSyncGroup,
} from './groups';
import { handleListOffsets } from './listOffsets';
import { handleMetadata } from './metadata';
import { handleProduce } from './produce';

const handleApiVersions: Handler = async (env) => apiVersionsResponse(env.groups !== null);

export const HANDLERS: Readonly<Record<ApiName, Handler>> = {
  ApiVersions: handleApiVersions,
  Metadata: handleMetadata,
  Produce: handleProduce,
  Fetch: handleFetch,
  ListOffsets: handleListOffsets,
  InitProducerId: handleInitProducerId,
  CreateTopics: handleCreateTopics,
  DeleteTopics: handleDeleteTopics,
  DescribeConfigs: handleDescribeConfigs,
  FindCoordinator: handleFindCoordinator,
  JoinGroup: handleJoinGroup,
  SyncGroup: handleSyncGroup,
  Heartbeat: handleHeartbeat,
  LeaveGroup: handleLeaveGroup,
  OffsetCommit: handleOffsetCommit,
  OffsetFetch: handleOffsetFetch,
  DescribeGroups: handleDescribeGroups,
  ListGroups: handleListGroups,
};

export { apiVersionsResponse, servedApiKeys } from './apiVersions';
export type { ConnectionInfo, Handler, HandlerEnv } from './env';
export type * from './groupPort';
