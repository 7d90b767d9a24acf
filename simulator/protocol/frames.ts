// Request and response framing (protocol.html "Common Request and Response Structure"): a frame is an int32
// size then the header then the body. Request header v2 (tagged fields) goes with flexible request versions,
// v1 otherwise; response header v1 with flexible versions, v0 otherwise — except ApiVersions, whose response
// header is always v0 so a client that does not know the broker's versions can still read it
// (ApiVersionsResponse.json).
import { API_BY_KEY, type ApiSpec } from './apis';
import { ProtocolError, Reader, Writer } from './bytes';
import { decodeFrom, encodeInto, isFlexible, type Msg } from './codec';
import { RequestHeader, ResponseHeader } from './messages/headers';

export const API_VERSIONS_KEY = 18;

export type RequestHeaderValue = {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
};

export type DecodedRequest =
  | { kind: 'ok'; header: RequestHeaderValue; api: ApiSpec; body: Msg }
  /** The header parsed but this server does not serve the API or version. */
  | { kind: 'unsupported'; header: RequestHeaderValue; api: ApiSpec | undefined };

/** Parse the fixed part of any request header (key, version, correlation id, client id). */
export function readRequestHeader(r: Reader): RequestHeaderValue {
  const apiKey = r.int16();
  const apiVersion = r.int16();
  const correlationId = r.int32();
  const n = r.int16();
  if (n < -1) throw new ProtocolError(`bad client id length ${n}`);
  const clientId = n < 0 ? null : new TextDecoder().decode(r.bytes(n));
  return { apiKey, apiVersion, correlationId, clientId };
}

/** Decode one request frame body (without its 4-byte size). Throws ProtocolError on malformed bytes. */
export function decodeRequest(frame: Uint8Array, groupsServed = true): DecodedRequest {
  const r = new Reader(frame);
  const header = readRequestHeader(r);
  const api = API_BY_KEY.get(header.apiKey);
  if (!api || header.apiVersion < api.min || header.apiVersion > api.max || (api.group && !groupsServed))
    return { kind: 'unsupported', header, api };
  if (isFlexible(api.request, header.apiVersion)) {
    // request header v2: the header's own tagged fields (none are defined; skip them)
    const count = r.uvarint();
    for (let i = 0; i < count; i++) {
      r.uvarint();
      r.bytes(r.uvarint());
    }
  }
  const body = decodeFrom(r, api.request, header.apiVersion);
  if (r.remaining !== 0)
    throw new ProtocolError(`${api.request.name} v${header.apiVersion}: ${r.remaining} trailing bytes`);
  return { kind: 'ok', header, api, body };
}

/** Encode a request (what a client sends): used by tests and the benchmark's own checks. */
export function encodeRequest(
  api: ApiSpec,
  version: number,
  correlationId: number,
  clientId: string | null,
  body: Msg,
): Uint8Array {
  const w = new Writer(128);
  const size = w.reserve(4);
  const flexible = isFlexible(api.request, version);
  encodeInto(w, RequestHeader, flexible ? 2 : 1, {
    requestApiKey: api.key,
    requestApiVersion: version,
    correlationId,
    clientId,
  });
  encodeInto(w, api.request, version, body);
  w.setInt32At(size, w.pos - 4);
  return w.finish();
}

/** Encode a response frame, size prefix included. */
export function encodeResponse(api: ApiSpec, version: number, correlationId: number, body: Msg): Uint8Array {
  const w = new Writer(256);
  const size = w.reserve(4);
  const headerVersion = api.key !== API_VERSIONS_KEY && isFlexible(api.response, version) ? 1 : 0;
  encodeInto(w, ResponseHeader, headerVersion, { correlationId });
  encodeInto(w, api.response, version, body);
  w.setInt32At(size, w.pos - 4);
  return w.finish();
}

/** Decode a response frame body (without size): the client's direction, for tests. */
export function decodeResponse(
  api: ApiSpec,
  version: number,
  frame: Uint8Array,
): { correlationId: number; body: Msg } {
  const r = new Reader(frame);
  const headerVersion = api.key !== API_VERSIONS_KEY && isFlexible(api.response, version) ? 1 : 0;
  const header = decodeFrom(r, ResponseHeader, headerVersion);
  const body = decodeFrom(r, api.response, version);
  if (r.remaining !== 0)
    throw new ProtocolError(`${api.response.name} v${version}: ${r.remaining} trailing bytes`);
  return { correlationId: header.correlationId, body };
}
