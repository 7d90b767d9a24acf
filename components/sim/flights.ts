// Which simulator events become flights in the producer view. A flight is drawn between two anchors
// (the producer or a broker); the data all comes from the event, the view only chooses the shape.
import type { SimEventVM } from './model';

export type Anchor = { kind: 'producer'; name: string } | { kind: 'broker'; id: number };

export type Flight = {
  from: Anchor;
  to: Anchor;
  kind: 'record' | 'replicate' | 'ack' | 'fail';
  /** Short label drawn beside the dot (offset, error name). */
  label: string;
};

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Where the leader of a partition is, for events that do not name the broker (acknowledgements). */
export type LeaderOf = (topic: string, partition: number) => number | null;

const errorCode = (v: unknown): string | null =>
  typeof v === 'object' && v !== null ? str((v as { code?: unknown }).code) : str(v);

/**
 * Flights for one event, or none when the event is not a movement of data. The core's order for one
 * record is recordAccumulated → produceRequestSent → recordsAppended → replicaFetched × followers →
 * highWatermarkAdvanced → batchAcknowledged (CORE_API.md), so launching them in event order replays it.
 */
export function flightsFor(event: SimEventVM, leaderOf: LeaderOf): Flight[] {
  const d = event.data;
  const producer = str(d.producer);
  const topic = str(d.topic);
  const partition = num(d.partition);
  const broker = num(d.broker) ?? (topic !== null && partition !== null ? leaderOf(topic, partition) : null);
  const toBroker = (kind: Flight['kind'], label: string): Flight[] =>
    producer && broker !== null
      ? [{ from: { kind: 'producer', name: producer }, to: { kind: 'broker', id: broker }, kind, label }]
      : [];
  const toProducer = (kind: Flight['kind'], label: string): Flight[] =>
    producer && broker !== null
      ? [{ from: { kind: 'broker', id: broker }, to: { kind: 'producer', name: producer }, kind, label }]
      : [];
  switch (event.type) {
    case 'produceRequestSent':
      return toBroker('record', topic !== null && partition !== null ? `${topic}-${partition}` : '');
    case 'replicaFetched': {
      const leader = num(d.leader);
      const follower = num(d.follower);
      return leader !== null && follower !== null && (num(d.count) ?? 0) > 0
        ? [
            {
              from: { kind: 'broker', id: leader },
              to: { kind: 'broker', id: follower },
              kind: 'replicate',
              label: '',
            },
          ]
        : [];
    }
    case 'batchAcknowledged':
      return toProducer('ack', offsetLabel(d));
    case 'produceRejected':
      return toBroker('fail', str(d.error) ?? 'rejected');
    case 'produceRequestLost':
      return toBroker('fail', 'request lost');
    case 'produceResponseLost':
      return toProducer('fail', 'response lost');
    case 'produceRequestTimedOut':
      return toBroker('fail', 'request timed out');
    case 'batchRetrying':
      return toBroker('fail', `${errorCode(d.error) ?? 'error'}, retrying`);
    case 'batchFailed':
      return toBroker('fail', errorCode(d.error) ?? 'failed');
    default:
      return [];
  }
}

function offsetLabel(d: Record<string, unknown>): string {
  const offset = num(d.baseOffset) ?? num(d.offset);
  return offset === null || offset < 0 ? '' : `@${offset}`;
}
