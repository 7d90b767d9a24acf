import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APIS } from './apis';
import { decode, encode } from './codec';
import { messageArb } from './schemaArb.testkit';

// Every served version of every request and response: decode(encode(x)) = x, and re-encoding gives the same bytes
// (one codec per advertised version: clients pick different versions of the same API).
describe('schema codec round-trips every served API version (KIP-482 flexible versions included)', () => {
  for (const api of APIS) {
    for (let v = api.min; v <= api.max; v++) {
      for (const schema of [api.request, api.response]) {
        it(`${schema.name} v${v}`, () => {
          fc.assert(
            fc.property(messageArb(schema, v), (msg) => {
              const bytes = encode(schema, v, msg);
              const back = decode(schema, v, bytes);
              expect(back).toEqual(msg);
              expect(encode(schema, v, back)).toEqual(bytes);
            }),
            { seed: 42, numRuns: 40 },
          );
        });
      }
    }
  }
});
