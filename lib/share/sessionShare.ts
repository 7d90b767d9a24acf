// Share links of version 2: a session whose simulation was driven by commands rather than console lines — the
// live view's real clients (`kafka-sim --listen --ui`, each Kafka request a simulator command). The payload is the
// seed, broker count, preset and console lines of version 1 plus that command log; the simulator is deterministic,
// so replaying it on a fresh page (no server) rebuilds the same offsets, groups and committed offsets.
// A command log is far longer than console lines, so the JSON is deflated (raw DEFLATE, RFC 1951, through the
// platform's CompressionStream) before base64url. Version 1 links (uncompressed console lines) still open.
import type { Command } from '@/simulator';
import {
  type DecodeResult,
  decodeShare,
  fromBase64Url,
  MAX_BROKERS,
  MAX_LINE_LENGTH,
  MAX_LINES,
  type SharePayload,
  toBase64Url,
} from './shareLink';

export const SESSION_SHARE_VERSION = 2;
/** What starts a version 2 payload (after `#s=`); `.` is outside base64url, so no version 1 payload starts so. */
export const SESSION_PREFIX = '2.';
/**
 * Longest version 2 link payload (characters after `#s=`): about 150 KB of URL, which browsers open (Chromium
 * takes URLs up to 2 MB) but which is past what many chat tools accept in one message — such a link is better
 * sent as a file or e-mail. Longer sessions are refused when the link is made, never cut short.
 */
export const MAX_SESSION_LINK_LENGTH = 150_000;
/** Most commands a session link may carry (a produce request is one command, a heartbeat one more). */
export const MAX_SESSION_COMMANDS = 50_000;
/** Largest inflated payload accepted: a link is untrusted input, and a small deflate stream can inflate hugely. */
export const MAX_SESSION_JSON_BYTES = 8_000_000;

export type SessionSharePayload = Omit<SharePayload, 'v'> & {
  v: typeof SESSION_SHARE_VERSION;
  /** Commands dispatched after the preset's setup and before the console lines (SimController's remote log). */
  commands: Command[];
};

/** Either version, as the playground opens it. */
export type AnySharePayload = SharePayload | SessionSharePayload;
export type AnyDecodeResult = { ok: true; payload: AnySharePayload } | { ok: false; message: string };

function pipeBytes(bytes: Uint8Array, transform: CompressionStream | DecompressionStream) {
  return new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
}

/** Raw DEFLATE of the payload's JSON, base64url, prefixed. Refuses (throws a message) past the length limit. */
export async function encodeSessionShare(payload: Omit<SessionSharePayload, 'v'>): Promise<string> {
  if (payload.commands.length > MAX_SESSION_COMMANDS) {
    throw new Error(
      `This session is too long to share as a link: ${payload.commands.length} commands, the limit is ${MAX_SESSION_COMMANDS}.`,
    );
  }
  const body: SessionSharePayload = { v: SESSION_SHARE_VERSION, ...payload };
  const json = new TextEncoder().encode(JSON.stringify(body));
  const stream = pipeBytes(json, new CompressionStream('deflate-raw'));
  const deflated = new Uint8Array(await new Response(stream).arrayBuffer());
  const encoded = SESSION_PREFIX + toBase64Url(deflated);
  if (encoded.length > MAX_SESSION_LINK_LENGTH) {
    throw new Error(
      `This session is too long to share as a link: ${encoded.length} characters compressed, the limit is ${MAX_SESSION_LINK_LENGTH}.`,
    );
  }
  return encoded;
}

/** Inflates with a ceiling; null when the bytes are not a DEFLATE stream, 'too-big' past the ceiling. */
async function inflate(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array | 'too-big' | null> {
  const reader = pipeBytes(bytes, new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        return 'too-big';
      }
      chunks.push(value);
    }
  } catch {
    return null;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

const PRESET_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Command types are camelCase identifiers; an unknown one replays as the simulator's INVALID_COMMAND error. */
const COMMAND_TYPE = /^[a-zA-Z][a-zA-Z0-9]{0,63}$/;

/** Checks every field of a version 2 payload; a message a learner can act on instead of throwing. */
export function validateSessionPayload(value: unknown): AnyDecodeResult {
  const bad = (why: string): AnyDecodeResult => ({
    ok: false,
    message: `This share link is damaged: ${why}.`,
  });
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return bad('it is not a playground');
  const record = value as Record<string, unknown>;
  const allowed = new Set(['v', 'seed', 'brokers', 'preset', 'lines', 'commands']);
  for (const key of Object.keys(record))
    if (!allowed.has(key)) return bad(`unexpected field "${key.slice(0, 20)}"`);
  if (record.v !== SESSION_SHARE_VERSION) {
    return { ok: false, message: 'This share link was made by a different version of the playground.' };
  }
  const { seed, brokers, preset, lines, commands } = record;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) {
    return bad('the seed is not a whole number');
  }
  if (typeof brokers !== 'number' || !Number.isInteger(brokers) || brokers < 1 || brokers > MAX_BROKERS) {
    return bad(`the broker count must be 1 to ${MAX_BROKERS}`);
  }
  if (preset !== null && (typeof preset !== 'string' || !PRESET_ID.test(preset)))
    return bad('the preset id is invalid');
  if (!Array.isArray(lines)) return bad('the console lines are missing');
  if (lines.length > MAX_LINES) return bad(`more than ${MAX_LINES} console lines`);
  for (const line of lines) {
    if (typeof line !== 'string') return bad('a console line is not text');
    if (line.length > MAX_LINE_LENGTH) return bad('a console line is too long');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting them is the point
    if (/[\u0000-\u0009\u000b-\u001f\u007f]/.test(line))
      return bad('a console line contains control characters');
  }
  if (!Array.isArray(commands)) return bad('the command log is missing');
  if (commands.length > MAX_SESSION_COMMANDS) return bad(`more than ${MAX_SESSION_COMMANDS} commands`);
  for (const command of commands) {
    if (typeof command !== 'object' || command === null || Array.isArray(command))
      return bad('a command is not a command');
    const type = (command as { type?: unknown }).type;
    if (typeof type !== 'string' || !COMMAND_TYPE.test(type)) return bad('a command has no valid type');
  }
  return {
    ok: true,
    payload: {
      v: SESSION_SHARE_VERSION,
      seed,
      brokers,
      preset: preset as string | null,
      lines: lines as string[],
      commands: commands as Command[],
    },
  };
}

/** Opens either version: version 1 synchronously as before, version 2 inflated first. Never throws. */
export async function decodeAnyShare(encoded: string): Promise<AnyDecodeResult> {
  if (!encoded.startsWith(SESSION_PREFIX)) return decodeShare(encoded) as DecodeResult;
  if (encoded.length > MAX_SESSION_LINK_LENGTH) {
    return { ok: false, message: 'This share link is too long to be a playground link.' };
  }
  if (typeof DecompressionStream !== 'function') {
    return {
      ok: false,
      message: 'This browser cannot open compressed share links (no DecompressionStream).',
    };
  }
  const bytes = fromBase64Url(encoded.slice(SESSION_PREFIX.length));
  if (!bytes) return { ok: false, message: 'This share link is damaged: it is not valid link text.' };
  const inflated = await inflate(bytes, MAX_SESSION_JSON_BYTES);
  if (inflated === 'too-big')
    return { ok: false, message: 'This share link unpacks to too much to be genuine.' };
  if (!inflated) return { ok: false, message: 'This share link is damaged: it cannot be unpacked.' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return { ok: false, message: 'This share link is damaged: its contents cannot be read.' };
  }
  return validateSessionPayload(parsed);
}
