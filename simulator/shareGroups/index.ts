export { INVALID_REQUEST_MESSAGE } from './acknowledgementChecks';
export {
  DEFAULT_SHARE_AUTO_OFFSET_RESET,
  DEFAULT_SHARE_GROUP_CONFIG,
  SHARE_GROUP_CONFIG_RANGES,
  validateShareGroupConfig,
} from './config';
export type {
  ShareGroupDescription,
  ShareGroupStateName,
  ShareMemberDescription,
  ToolOutput,
} from './shareGroupCommand';
export { formatShareGroupMembers, formatShareGroupState } from './shareGroupCommand';
export {
  acknowledge,
  acquire,
  advanceStartOffset,
  expireAcquisitionLocks,
  inFlightCount,
  initSharePartition,
  isTerminal,
  nextFetchOffset,
  nextLockExpiryMs,
  releaseMemberRecords,
} from './sharePartition';
export type { ShareMemberSubscription, ShareTopicPartition, SimpleAssignResult } from './simpleAssignor';
export { simpleAssign } from './simpleAssignor';
export type * from './types';
