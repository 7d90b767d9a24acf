// Seeded PRNG (mulberry32). Its whole state is one uint32 kept in SimState.rng, so state stays serialisable and a
// replay draws exactly the same numbers.
export type RngHolder = { rng: number };

export function seedToRng(seed: number): number {
  // Spread small seeds (0, 1, 42) over the 32-bit space so their streams differ from the first draw.
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Uniform float in [0, 1). */
export function nextRandom(holder: RngHolder): number {
  holder.rng = (holder.rng + 0x6d2b79f5) >>> 0;
  let t = holder.rng;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Uniform integer in [0, n). */
export function nextInt(holder: RngHolder, n: number): number {
  return Math.floor(nextRandom(holder) * n);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A Kafka-style Uuid string (16 random bytes, URL-safe base64 without padding = 22 chars), e.g. topic ids. */
export function nextUuid(holder: RngHolder): string {
  let out = '';
  for (let i = 0; i < 22; i++) out += B64[i === 21 ? nextInt(holder, 4) * 16 : nextInt(holder, 64)];
  return out;
}
