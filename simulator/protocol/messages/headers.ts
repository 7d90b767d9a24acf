// Request header v0–v2 and response header v0–v1 (RequestHeader.json, ResponseHeader.json). ClientId keeps the
// old two-byte length even in flexible headers, so any broker can read the header of any ApiVersions request.
import { f, message } from '../schema';

export const RequestHeader = message('RequestHeader', -1, 'header', '0-2', '2+', [
  f('RequestApiKey int16 0+'),
  f('RequestApiVersion int16 0+'),
  f('CorrelationId int32 0+'),
  f('ClientId string 1+ n:1+ flex:none'),
]);

export const ResponseHeader = message('ResponseHeader', -1, 'header', '0-1', '1+', [
  f('CorrelationId int32 0+'),
]);
