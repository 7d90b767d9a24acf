import { describe, expect, it } from 'vitest';
import {
  formatShareGroupMembers,
  formatShareGroupState,
  type ShareGroupDescription,
} from './shareGroupCommand';

const stable: ShareGroupDescription = {
  groupId: 'orders-workers',
  state: 'Stable',
  coordinator: { host: 'localhost', port: 9092, id: 1 },
  members: [
    {
      consumerId: 'kXx9yQ1dS3uq0Yq8y4ZAmA',
      host: '/127.0.0.1',
      clientId: 'consumer-orders-workers-1',
      assignment: [
        { topic: 'orders', partition: 0 },
        { topic: 'orders', partition: 1 },
      ],
    },
    {
      consumerId: 'Qm2b7Zc4T1eRk0Lw9uVxYg',
      host: '/127.0.0.1',
      clientId: 'consumer-orders-workers-2',
      assignment: [
        { topic: 'orders', partition: 0 },
        { topic: 'orders', partition: 1 },
      ],
    },
  ],
};

describe('kafka-share-groups.sh --describe (ShareGroupCommand.ShareGroupService)', () => {
  it('--members: columns at least 15 wide, widened to the longest value, assignment as topic:partition (printMembers)', () => {
    expect(formatShareGroupMembers(stable)).toEqual({
      stdout:
        'GROUP           CONSUMER-ID            HOST            CLIENT-ID                 ASSIGNMENT\n' +
        'orders-workers  kXx9yQ1dS3uq0Yq8y4ZAmA /127.0.0.1      consumer-orders-workers-1 orders:0,orders:1\n' +
        'orders-workers  Qm2b7Zc4T1eRk0Lw9uVxYg /127.0.0.1      consumer-orders-workers-2 orders:0,orders:1\n',
      stderr: '',
    });
  });

  it('--state: the coordinator is printed "host:port  (id)" in a column at least 25 wide (printStates)', () => {
    expect(formatShareGroupState(stable)).toEqual({
      stdout:
        'GROUP           COORDINATOR (ID)          STATE           #MEMBERS\n' +
        'orders-workers  localhost:9092  (1)       Stable          2\n',
      stderr: '',
    });
  });

  it('an empty group says so on stderr and --members prints no table (maybePrintEmptyGroupState)', () => {
    const empty: ShareGroupDescription = { ...stable, state: 'Empty', members: [] };
    expect(formatShareGroupMembers(empty)).toEqual({
      stdout: '',
      stderr: "\nShare group 'orders-workers' has no active members.\n",
    });
    expect(formatShareGroupState(empty).stdout).toContain(
      'orders-workers  localhost:9092  (1)       Empty           0\n',
    );
  });

  it('a dead group prints "Error: Share group … does not exist." on stdout (maybePrintEmptyGroupState, printError)', () => {
    const dead: ShareGroupDescription = { ...stable, groupId: 'ghost', state: 'Dead', members: [] };
    expect(formatShareGroupMembers(dead)).toEqual({
      stdout: "\nError: Share group 'ghost' does not exist.\n",
      stderr: '',
    });
  });
});
