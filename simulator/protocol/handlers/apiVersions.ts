// ApiVersions (KIP-35, KIP-511). An unsupported request version is answered in the v0 body layout with
// UNSUPPORTED_VERSION and the full list of served ranges, so the client can retry with a version it shares with
// the broker (librdkafka sends v3 first, Java 4.x v4; KafkaJS walks down v2, v1, v0).
import { APIS } from '../apis';
import type { Msg } from '../codec';
import { errorCode } from '../errors';

export function servedApiKeys(groupsServed: boolean): Msg[] {
  return APIS.filter((a) => groupsServed || !a.group)
    .map((a) => ({ apiKey: a.key, minVersion: a.min, maxVersion: a.max }))
    .sort((a, b) => a.apiKey - b.apiKey);
}

export function apiVersionsResponse(groupsServed: boolean, error: 'UNSUPPORTED_VERSION' | null = null): Msg {
  return {
    errorCode: errorCode(error),
    apiKeys: servedApiKeys(groupsServed),
    throttleTimeMs: 0,
    supportedFeatures: [],
    finalizedFeaturesEpoch: -1,
    finalizedFeatures: [],
    zkMigrationReady: false,
  };
}
