// The APIs this server speaks, their schema tables, and the version ranges it advertises in ApiVersions.
// Ranges follow the message definitions of Apache Kafka 4.0 (validVersions), except Fetch below v4, which returns
// the legacy message formats (magic 0/1) instead of record batch v2. Produce v0–v2 (legacy formats too) are
// advertised but answered with UNSUPPORTED_VERSION per partition, as Kafka 4.0 does since KAFKA-18659: librdkafka
// only compresses with gzip/snappy when Produce v0 lies in the broker's range.
// librdkafka enables features only when specific old versions overlap the advertised range (rdkafka_feature.c:
// MsgVer2 = Produce 3 + Fetch 4, OffsetTime = ListOffsets 1, BrokerBalancedConsumer = OffsetCommit 1–2,
// OffsetFetch 1, JoinGroup/SyncGroup/Heartbeat/LeaveGroup/FindCoordinator 0), so the ranges start low.
import * as admin from './messages/admin';
import * as core from './messages/core';
import * as groups from './messages/groups';
import type { MessageSchema } from './schema';

export type ApiName =
  | 'Produce'
  | 'Fetch'
  | 'ListOffsets'
  | 'Metadata'
  | 'OffsetCommit'
  | 'OffsetFetch'
  | 'FindCoordinator'
  | 'JoinGroup'
  | 'Heartbeat'
  | 'LeaveGroup'
  | 'SyncGroup'
  | 'DescribeGroups'
  | 'ListGroups'
  | 'ApiVersions'
  | 'CreateTopics'
  | 'DeleteTopics'
  | 'InitProducerId'
  | 'DescribeConfigs';

export type ApiSpec = {
  name: ApiName;
  key: number;
  request: MessageSchema;
  response: MessageSchema;
  /** Versions served (inclusive). */
  min: number;
  max: number;
  /** Needs a group coordinator (advertised only when one is plugged in). */
  group: boolean;
};

function api(
  name: ApiName,
  request: MessageSchema,
  response: MessageSchema,
  min: number,
  max: number,
  group = false,
): ApiSpec {
  return { name, key: request.apiKey, request, response, min, max, group };
}

export const APIS: readonly ApiSpec[] = [
  api('Produce', core.ProduceRequest, core.ProduceResponse, 0, 11),
  api('Fetch', core.FetchRequest, core.FetchResponse, 4, 17),
  api('ListOffsets', core.ListOffsetsRequest, core.ListOffsetsResponse, 0, 10),
  api('Metadata', core.MetadataRequest, core.MetadataResponse, 0, 12),
  api('OffsetCommit', groups.OffsetCommitRequest, groups.OffsetCommitResponse, 0, 9, true),
  api('OffsetFetch', groups.OffsetFetchRequest, groups.OffsetFetchResponse, 0, 9, true),
  api('FindCoordinator', groups.FindCoordinatorRequest, groups.FindCoordinatorResponse, 0, 6, true),
  api('JoinGroup', groups.JoinGroupRequest, groups.JoinGroupResponse, 0, 9, true),
  api('Heartbeat', groups.HeartbeatRequest, groups.HeartbeatResponse, 0, 4, true),
  api('LeaveGroup', groups.LeaveGroupRequest, groups.LeaveGroupResponse, 0, 5, true),
  api('SyncGroup', groups.SyncGroupRequest, groups.SyncGroupResponse, 0, 5, true),
  api('DescribeGroups', groups.DescribeGroupsRequest, groups.DescribeGroupsResponse, 0, 5, true),
  api('ListGroups', groups.ListGroupsRequest, groups.ListGroupsResponse, 0, 5, true),
  api('ApiVersions', core.ApiVersionsRequest, core.ApiVersionsResponse, 0, 4),
  api('CreateTopics', admin.CreateTopicsRequest, admin.CreateTopicsResponse, 0, 7),
  api('DeleteTopics', admin.DeleteTopicsRequest, admin.DeleteTopicsResponse, 0, 6),
  api('InitProducerId', admin.InitProducerIdRequest, admin.InitProducerIdResponse, 0, 5),
  api('DescribeConfigs', admin.DescribeConfigsRequest, admin.DescribeConfigsResponse, 0, 4),
];

export const API_BY_KEY: ReadonlyMap<number, ApiSpec> = new Map(APIS.map((a) => [a.key, a]));
export const API_BY_NAME: ReadonlyMap<ApiName, ApiSpec> = new Map(APIS.map((a) => [a.name, a]));

/** Every schema table (requests, responses), for tests and the check script. */
export const ALL_MESSAGES: readonly MessageSchema[] = APIS.flatMap((a) => [a.request, a.response]);
