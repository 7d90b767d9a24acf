// The consumer protocol's payloads inside JoinGroup metadata and SyncGroup assignments
// (ConsumerProtocolSubscription.json, ConsumerProtocolAssignment.json): a version, then the subscribed topics /
// the assigned partitions. The coordinator never needs them; the simulation reads them so that
// kafka-consumer-groups and the views show what real clients subscribe to and own. Anything unreadable
// (another protocol type, a truncated payload) reads as nothing.
import type { TopicPartition } from '../assignors/types';

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

export function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

class Cursor {
  private at = 0;
  private readonly view: DataView;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  int16(): number {
    const v = this.view.getInt16(this.at);
    this.at += 2;
    return v;
  }
  int32(): number {
    const v = this.view.getInt32(this.at);
    this.at += 4;
    return v;
  }
  string(): string {
    const n = this.int16();
    if (n < 0 || this.at + n > this.bytes.length) throw new RangeError('string out of range');
    const s = new TextDecoder().decode(this.bytes.subarray(this.at, this.at + n));
    this.at += n;
    return s;
  }
  count(): number {
    const n = this.int32();
    if (n < 0 || n > this.bytes.length) throw new RangeError('array out of range');
    return n;
  }
}

/** Topics of a ConsumerProtocolSubscription (any version: the topic list comes first). */
export function subscribedTopics(metadataHex: string): string[] {
  try {
    const c = new Cursor(fromHex(metadataHex));
    c.int16();
    const n = c.count();
    return Array.from({ length: n }, () => c.string());
  } catch {
    return [];
  }
}

/** Partitions of a ConsumerProtocolAssignment (any version: the assigned partitions come first). */
export function assignedPartitions(assignmentHex: string): TopicPartition[] {
  try {
    const c = new Cursor(fromHex(assignmentHex));
    if (assignmentHex.length === 0) return [];
    c.int16();
    const out: TopicPartition[] = [];
    const topics = c.count();
    for (let i = 0; i < topics; i++) {
      const topic = c.string();
      const n = c.count();
      for (let j = 0; j < n; j++) out.push({ topic, partition: c.int32() });
    }
    return out;
  } catch {
    return [];
  }
}
