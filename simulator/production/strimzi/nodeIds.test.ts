import { describe, expect, it } from 'vitest';
import { assignNodeIds } from './nodeIds';

describe('KafkaNodePool node ids (NodeIdAssignor)', () => {
  it('new pools take ids from 0 upwards, pool after pool', () => {
    expect(
      assignNodeIds([
        { name: 'broker', current: [], replicas: 3 },
        { name: 'controller', current: [], replicas: 3 },
      ]).map((a) => a.desired),
    ).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
  });

  it('scale-up fills the lowest gap first (NodeIdAssignor#findNextUnusedIdFromGap)', () => {
    const [a] = assignNodeIds([
      { name: 'broker', current: [0, 2], replicas: 4 },
      { name: 'controller', current: [3], replicas: 1 },
    ]);
    expect(a?.added).toEqual([1, 4]);
  });

  it('scale-down removes the highest id of the pool, and a simultaneous scale-up elsewhere does not reuse it', () => {
    const [a, b] = assignNodeIds([
      { name: 'a', current: [0, 1, 2], replicas: 2 },
      { name: 'b', current: [3], replicas: 2 },
    ]);
    expect(a).toMatchObject({ desired: [0, 1], removed: [2] });
    expect(b).toMatchObject({ desired: [3, 4], added: [4] });
  });
});
