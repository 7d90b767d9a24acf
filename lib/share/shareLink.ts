// Share links carry a playground's seed and command log (as console lines) in the URL fragment, so the
// state is rebuilt by replaying the log — nothing else travels. Links are untrusted input: decode
// validates the shape and caps the size before anything reaches the simulator.

/** Bump when the payload shape changes; older links then get a clear "unsupported version" message. */
export const SHARE_VERSION = 1;
/** Longest encoded payload accepted (characters after `#s=`). Keeps URLs pasteable into chat tools. */
export const MAX_ENCODED_LENGTH = 24_000;
export const MAX_LINES = 500;
/** A log entry is one console line, or a line with its standard input (here-document) on following lines. */
export const MAX_LINE_LENGTH = 4000;
export const MAX_BROKERS = 12;

export type SharePayload = {
  v: typeof SHARE_VERSION;
  seed: number;
  brokers: number;
  /** Preset the log starts from, or null for a bare cluster. */
  preset: string | null;
  /** Console lines run after the preset's setup, in order. */
  lines: string[];
};

export type DecodeResult = { ok: true; payload: SharePayload } | { ok: false; message: string };

export const SHARE_PARAM = 's';

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  try {
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

export function encodeShare(payload: Omit<SharePayload, 'v'>): string {
  const body: SharePayload = { v: SHARE_VERSION, ...payload };
  const encoded = toBase64Url(new TextEncoder().encode(JSON.stringify(body)));
  if (encoded.length > MAX_ENCODED_LENGTH) {
    throw new Error(
      `This playground's history is too long to share as a link (${encoded.length} characters).`,
    );
  }
  return encoded;
}

const PRESET_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Checks every field; returns a message a learner can act on instead of throwing. */
export function validatePayload(value: unknown): DecodeResult {
  const bad = (why: string): DecodeResult => ({ ok: false, message: `This share link is damaged: ${why}.` });
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return bad('it is not a playground');
  const record = value as Record<string, unknown>;
  const allowed = new Set(['v', 'seed', 'brokers', 'preset', 'lines']);
  for (const key of Object.keys(record))
    if (!allowed.has(key)) return bad(`unexpected field "${key.slice(0, 20)}"`);
  if (record.v !== SHARE_VERSION) {
    return { ok: false, message: 'This share link was made by a different version of the playground.' };
  }
  const { seed, brokers, preset, lines } = record;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) {
    return bad('the seed is not a whole number');
  }
  if (typeof brokers !== 'number' || !Number.isInteger(brokers) || brokers < 1 || brokers > MAX_BROKERS) {
    return bad(`the broker count must be 1 to ${MAX_BROKERS}`);
  }
  if (preset !== null && (typeof preset !== 'string' || !PRESET_ID.test(preset)))
    return bad('the preset id is invalid');
  if (!Array.isArray(lines)) return bad('the command list is missing');
  if (lines.length > MAX_LINES) return bad(`more than ${MAX_LINES} commands`);
  for (const line of lines) {
    if (typeof line !== 'string') return bad('a command is not text');
    if (line.length > MAX_LINE_LENGTH) return bad('a command is too long');
    // Control characters (other than the newline between a command and its input) would hide what a link runs.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting them is the point
    if (/[\u0000-\u0009\u000b-\u001f\u007f]/.test(line)) return bad('a command contains control characters');
  }
  return {
    ok: true,
    payload: { v: SHARE_VERSION, seed, brokers, preset: preset as string | null, lines: lines as string[] },
  };
}

export function decodeShare(encoded: string): DecodeResult {
  if (encoded.length === 0) return { ok: false, message: 'This share link is empty.' };
  if (encoded.length > MAX_ENCODED_LENGTH) {
    return { ok: false, message: 'This share link is too long to be a playground link.' };
  }
  const bytes = fromBase64Url(encoded);
  if (!bytes) return { ok: false, message: 'This share link is damaged: it is not valid link text.' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, message: 'This share link is damaged: its contents cannot be read.' };
  }
  return validatePayload(parsed);
}

/** Reads the payload from a location hash like `#s=...`; null when the URL carries no share link. */
export function shareFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(SHARE_PARAM);
}

/** The fragment parameter naming the cluster the views show (UI state beside the replayed log). */
export const CLUSTER_PARAM = 'cluster';
/** A cluster name as the simulation accepts one (the host name of its bootstrap server). */
const CLUSTER_NAME = /^[a-z][a-z0-9-]{0,30}$/;

/** `#s=...`, and `&cluster=west` when the views showed a cluster the reader picked. */
export function shareHash(encoded: string, cluster: string | null = null): string {
  const shown = cluster !== null && CLUSTER_NAME.test(cluster) ? `&${CLUSTER_PARAM}=${cluster}` : '';
  return `#${SHARE_PARAM}=${encoded}${shown}`;
}

/** The cluster a link's views show, or null (none given, or not a cluster name). */
export function clusterFromHash(hash: string): string | null {
  const name = new URLSearchParams(hash.replace(/^#/, '')).get(CLUSTER_PARAM);
  return name !== null && CLUSTER_NAME.test(name) ? name : null;
}
