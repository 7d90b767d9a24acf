// One request frame in, one outcome out: a response frame, nothing (Produce with acks=0), or "close this
// connection" with the one line to log (malformed bytes, an API or version not served, a handler failure).
// Kafka closes the connection on a request it cannot parse (SocketServer / RequestContext#parseRequest), except
// ApiVersions, which always gets an answer so a client can learn the versions (KIP-511).
import { API_BY_KEY } from './apis';
import { ProtocolError } from './bytes';
import { API_VERSIONS_KEY, decodeRequest, encodeResponse } from './frames';
import { HANDLERS } from './handlers';
import { apiVersionsResponse } from './handlers/apiVersions';
import type { ConnectionInfo, HandlerEnv } from './handlers/env';

export type FrameOutcome =
  | { kind: 'reply'; bytes: Uint8Array; api: string; version: number }
  | { kind: 'none'; api: string; version: number }
  | { kind: 'close'; reason: string };

export async function processFrame(
  env: HandlerEnv,
  conn: ConnectionInfo,
  frame: Uint8Array,
): Promise<FrameOutcome> {
  let decoded: ReturnType<typeof decodeRequest>;
  try {
    decoded = decodeRequest(frame, env.groups !== null);
  } catch (e) {
    return { kind: 'close', reason: `malformed request: ${e instanceof Error ? e.message : String(e)}` };
  }
  const { header } = decoded;
  if (decoded.kind === 'unsupported') {
    if (header.apiKey === API_VERSIONS_KEY) {
      // answered in the v0 layout, whatever version was asked
      const api = API_BY_KEY.get(API_VERSIONS_KEY)!;
      const body = apiVersionsResponse(env.groups !== null, 'UNSUPPORTED_VERSION');
      return {
        kind: 'reply',
        bytes: encodeResponse(api, 0, header.correlationId, body),
        api: 'ApiVersions',
        version: 0,
      };
    }
    const name = decoded.api ? decoded.api.name : `api key ${header.apiKey}`;
    return { kind: 'close', reason: `unsupported request: ${name} v${header.apiVersion}` };
  }
  const { api, body } = decoded;
  try {
    const response = await HANDLERS[api.name](env, conn, header, body);
    if (response === null) return { kind: 'none', api: api.name, version: header.apiVersion };
    return {
      kind: 'reply',
      bytes: encodeResponse(api, header.apiVersion, header.correlationId, response),
      api: api.name,
      version: header.apiVersion,
    };
  } catch (e) {
    const what = e instanceof ProtocolError ? 'malformed request' : 'request failed';
    return {
      kind: 'close',
      reason: `${what}: ${api.name} v${header.apiVersion}: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}
