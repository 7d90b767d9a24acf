// Request checks of a share acknowledgement, with the broker's error codes and messages.
import type {
  AcknowledgementBatch,
  AcknowledgeType,
  SharePartitionError,
  SharePartitionState,
} from './types';

const invalidRecordState = (message: string): SharePartitionError => ({
  code: 'INVALID_RECORD_STATE',
  message,
});
const invalidRequest = (message: string): SharePartitionError => ({ code: 'INVALID_REQUEST', message });

/** Errors.INVALID_REQUEST's default message, which the response carries for a malformed acknowledgement. */
export const INVALID_REQUEST_MESSAGE =
  'This most likely occurs because of a request being malformed by the client library or the message was sent to an incompatible broker. See the broker logs for more details.';

/**
 * KafkaApis#validateAcknowledgementBatches: a batch whose first offset is past its last, or that starts before the
 * previous batch's last offset (batches must come in ascending order; sharing one boundary offset is allowed), fails the partition with INVALID_REQUEST.
 */
export function validateAcknowledgementBatches(batches: AcknowledgementBatch[]): SharePartitionError | null {
  let prevEndOffset = -1;
  for (const b of batches) {
    if (b.firstOffset > b.lastOffset || b.firstOffset < prevEndOffset)
      return invalidRequest(INVALID_REQUEST_MESSAGE);
    prevEndOffset = b.lastOffset;
  }
  return null;
}

/**
 * The checks of SharePartition#fetchSubMapForAcknowledgementBatch and #acknowledgePerOffsetBatchRecords, with
 * their messages (this model tracks every record per offset, so the per-offset wording applies).
 */
export function validateAcknowledgement(
  s: SharePartitionState,
  req: { memberId: string; batches: AcknowledgementBatch[] },
  byOffset: Map<number, AcknowledgeType>,
  repeated: boolean,
): SharePartitionError | null {
  for (const b of req.batches) {
    if (b.lastOffset < s.startOffset) continue;
    if (s.inFlight.length === 0) {
      return invalidRecordState(
        'Batch record not found. The request batch offsets are not found in the cache.',
      );
    }
    if (b.firstOffset > s.endOffset) {
      return invalidRequest('Batch record not found. The first offset in request is past acquired records.');
    }
    if (b.lastOffset > s.endOffset) {
      return invalidRequest('Batch record not found. The last offset in request is past acquired records.');
    }
  }
  // Two batches sharing a boundary offset pass KafkaApis, but the second finds that offset already acknowledged.
  if (repeated) return invalidRecordState('The batch cannot be acknowledged. The offset is not acquired.');
  for (const o of byOffset.keys()) {
    const r = s.inFlight[o - s.startOffset];
    if (r?.state !== 'ACQUIRED')
      return invalidRecordState('The batch cannot be acknowledged. The offset is not acquired.');
    if (r.memberId !== req.memberId) return invalidRecordState('Member is not the owner of offset');
  }
  return null;
}
