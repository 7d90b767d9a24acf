// Which simulator events become flights in the producer view. A flight is drawn between two anchors
// (the producer or a broker); the data all comes from the typed event, the view only chooses the shape.
import type { SimEvent } from '@/simulator';

export type Anchor = { kind: 'producer'; name: string } | { kind: 'broker'; id: number };

export type Flight = {
  from: Anchor;
  to: Anchor;
  kind: 'record' | 'replicate' | 'ack' | 'fail';
  /** Short label drawn beside the dot (offset, error name). */
  label: string;
};

/** Where the leader of a partition is, for events that do not name the broker (acknowledgements). */
export type LeaderOf = (topic: string, partition: number) => number | null;

function toBroker(producer: string, broker: number | null, kind: Flight['kind'], label: string): Flight[] {
  return broker === null
    ? []
    : [{ from: { kind: 'producer', name: producer }, to: { kind: 'broker', id: broker }, kind, label }];
}

function toProducer(producer: string, broker: number | null, kind: Flight['kind'], label: string): Flight[] {
  return broker === null
    ? []
    : [{ from: { kind: 'broker', id: broker }, to: { kind: 'producer', name: producer }, kind, label }];
}

/**
 * Flights for one event, or none when the event is not a movement of data. The core's order for one
 * record is recordAccumulated → produceRequestSent → recordsAppended → replicaFetched × followers →
 * highWatermarkAdvanced → batchAcknowledged (CORE_API.md), so launching them in event order replays it.
 */
export function flightsFor(event: SimEvent, leaderOf: LeaderOf): Flight[] {
  switch (event.type) {
    case 'produceRequestSent':
      return toBroker(event.producer, event.broker, 'record', `${event.topic}-${event.partition}`);
    case 'replicaFetched':
      return event.count > 0
        ? [
            {
              from: { kind: 'broker', id: event.leader },
              to: { kind: 'broker', id: event.follower },
              kind: 'replicate',
              label: '',
            },
          ]
        : [];
    case 'batchAcknowledged':
      return toProducer(
        event.producer,
        leaderOf(event.topic, event.partition),
        'ack',
        event.baseOffset < 0 ? '' : `@${event.baseOffset}`,
      );
    case 'produceRejected':
      return toBroker(event.producer, event.broker, 'fail', event.error);
    case 'produceRequestLost':
      return toBroker(event.producer, event.broker, 'fail', 'request lost');
    case 'produceResponseLost':
      return toProducer(event.producer, event.broker, 'fail', 'response lost');
    case 'produceRequestTimedOut':
      return toBroker(event.producer, event.broker, 'fail', 'request timed out');
    case 'batchRetrying':
      return toBroker(
        event.producer,
        leaderOf(event.topic, event.partition),
        'fail',
        `${event.error.code}, retrying`,
      );
    case 'batchFailed':
      return toBroker(event.producer, leaderOf(event.topic, event.partition), 'fail', event.error.code);
    default:
      return [];
  }
}
