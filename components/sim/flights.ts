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

/** Flights for one event, or none when the event is not a movement of data. */
export function flightsFor(event: SimEventVM): Flight[] {
  const d = event.data;
  const producer = str(d.producer) ?? str(d.clientId) ?? str(d.name);
  const broker = num(d.broker) ?? num(d.brokerId) ?? num(d.leader);
  switch (event.type) {
    case 'produceSent':
    case 'produceRequestSent':
    case 'batchSent':
      return producer && broker !== null
        ? [{ from: { kind: 'producer', name: producer }, to: { kind: 'broker', id: broker }, kind: 'record', label: '' }]
        : [];
    case 'recordsAppended':
    case 'leaderAppended':
      return producer && broker !== null
        ? [{ from: { kind: 'producer', name: producer }, to: { kind: 'broker', id: broker }, kind: 'record', label: offsetLabel(d) }]
        : [];
    case 'followerFetched':
    case 'replicaFetched':
    case 'followerAppended': {
      const leader = num(d.leader) ?? num(d.from);
      const follower = num(d.follower) ?? num(d.broker) ?? num(d.brokerId);
      return leader !== null && follower !== null && leader !== follower
        ? [{ from: { kind: 'broker', id: leader }, to: { kind: 'broker', id: follower }, kind: 'replicate', label: '' }]
        : [];
    }
    case 'produceAcked':
    case 'produceAcknowledged':
      return producer && broker !== null
        ? [{ from: { kind: 'broker', id: broker }, to: { kind: 'producer', name: producer }, kind: 'ack', label: offsetLabel(d) }]
        : [];
    case 'produceFailed':
    case 'produceError':
      return producer
        ? [
            {
              from: { kind: 'producer', name: producer },
              to: broker !== null ? { kind: 'broker', id: broker } : { kind: 'producer', name: producer },
              kind: 'fail',
              label: str(d.error) ?? str(d.code) ?? 'failed',
            },
          ]
        : [];
    default:
      return [];
  }
}

function offsetLabel(d: Record<string, unknown>): string {
  const offset = num(d.offset) ?? num(d.baseOffset) ?? num(d.firstOffset);
  return offset === null ? '' : `@${offset}`;
}
