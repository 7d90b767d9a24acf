import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '@/simulator';
import {
  decodeAnyShare,
  encodeSessionShare,
  MAX_SESSION_COMMANDS,
  MAX_SESSION_JSON_BYTES,
  MAX_SESSION_LINK_LENGTH,
  SESSION_PREFIX,
} from './sessionShare';
import { encodeShare, toBase64Url } from './shareLink';

async function deflate(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return SESSION_PREFIX + toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

const base = { v: 2, seed: 42, brokers: 3, preset: null, lines: [], commands: [] as unknown[] };

describe('session share links (version 2)', () => {
  it('round-trips seed, brokers, preset, console lines and commands (property)', async () => {
    const command = fc.record({
      type: fc.constantFrom('advanceClock', 'externalProduce', 'externalHeartbeat'),
      ms: fc.nat(),
      value: fc.string({ maxLength: 30 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 1, max: 12 }),
        fc.array(command, { maxLength: 30 }),
        async (seed, brokers, commands) => {
          const payload = { seed, brokers, preset: null, lines: ['clock advance 5ms'], commands };
          const decoded = await decodeAnyShare(await encodeSessionShare(payload as never));
          expect(decoded).toEqual({ ok: true, payload: { v: 2, ...payload } });
        },
      ),
      { seed: 42, numRuns: 50 },
    );
  });

  it('version 1 links (console lines, not compressed) still open through the same door', async () => {
    const v1 = encodeShare({ seed: 7, brokers: 3, preset: 'playground-default', lines: ['broker stop 2'] });
    expect(v1.startsWith(SESSION_PREFIX)).toBe(false);
    expect(await decodeAnyShare(v1)).toEqual({
      ok: true,
      payload: { v: 1, seed: 7, brokers: 3, preset: 'playground-default', lines: ['broker stop 2'] },
    });
  });

  it('a tampered payload is refused with a message: wrong version, extra field, command without a type, not deflate', async () => {
    const open = async (o: unknown) => decodeAnyShare(await deflate(JSON.stringify(o)));
    expect((await open(base)).ok).toBe(true);
    expect(await open({ ...base, v: 3 })).toEqual({
      ok: false,
      message: 'This share link was made by a different version of the playground.',
    });
    expect((await open({ ...base, evil: 1 })).ok).toBe(false);
    expect((await open({ ...base, seed: -1 })).ok).toBe(false);
    expect((await open({ ...base, brokers: 13 })).ok).toBe(false);
    expect((await open({ ...base, commands: [{ ms: 5 }] })).ok).toBe(false);
    expect((await open({ ...base, commands: ['advanceClock'] })).ok).toBe(false);
    expect((await open({ ...base, commands: [{ type: 'x; rm' }] })).ok).toBe(false);
    expect((await open({ ...base, commands: {} })).ok).toBe(false);
    expect((await open({ ...base, lines: ['a\u0007'] })).ok).toBe(false);
    expect(await decodeAnyShare(`${SESSION_PREFIX}AAAA`)).toEqual({
      ok: false,
      message: 'This share link is damaged: it cannot be unpacked.',
    });
    expect((await decodeAnyShare(`${SESSION_PREFIX}%%`)).ok).toBe(false);
  });

  it(`a small link that inflates past ${MAX_SESSION_JSON_BYTES} bytes is refused before it is parsed`, async () => {
    const bomb = await deflate(' '.repeat(MAX_SESSION_JSON_BYTES + 1));
    expect(bomb.length).toBeLessThan(MAX_SESSION_LINK_LENGTH);
    expect(await decodeAnyShare(bomb)).toEqual({
      ok: false,
      message: 'This share link unpacks to too much to be genuine.',
    });
  });

  it(`a session past ${MAX_SESSION_LINK_LENGTH} characters or ${MAX_SESSION_COMMANDS} commands is refused with the reason, never cut short`, async () => {
    // values a deflater cannot shrink much (xorshift32's digits)
    let x = 2463534242;
    const noise = () =>
      Array.from({ length: 2000 }, () => {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        return ((x >>> 0) % 36).toString(36);
      }).join('');
    const commands = Array.from({ length: 120 }, () => ({ type: 'externalProduce', value: noise() }));
    await expect(
      encodeSessionShare({ seed: 1, brokers: 3, preset: null, lines: [], commands: commands as never }),
    ).rejects.toThrow(/too long to share as a link: \d+ characters compressed, the limit is 150000/);
    const many = Array.from({ length: MAX_SESSION_COMMANDS + 1 }, () => ({ type: 'advanceClock', ms: 1 }));
    await expect(
      encodeSessionShare({ seed: 1, brokers: 3, preset: null, lines: [], commands: many as Command[] }),
    ).rejects.toThrow(`${MAX_SESSION_COMMANDS + 1} commands, the limit is ${MAX_SESSION_COMMANDS}`);
    expect(await decodeAnyShare(SESSION_PREFIX + 'A'.repeat(MAX_SESSION_LINK_LENGTH))).toEqual({
      ok: false,
      message: 'This share link is too long to be a playground link.',
    });
  });
});
