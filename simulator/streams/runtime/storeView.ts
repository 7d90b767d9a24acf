// A store's contents as rows for a state-store view (key, window, value, timestamp), sorted by key and window.

import { mapEntries } from '../persistentMap';
import { isLive } from './stores';
import type { StoreState } from './types';

export type StoreRow = {
  key: string;
  value: string | null;
  timestamp: number;
  window?: { start: number; end: number };
};

export function storeRows(s: StoreState): StoreRow[] {
  switch (s.type) {
    case 'keyValue':
      return mapEntries(s.map).map(([key, e]) => ({ key, value: e.v, timestamp: e.t }));
    case 'window':
      return mapEntries(s.map).flatMap(([key, list]) =>
        list
          .filter((w) => isLive(s, w.s))
          .map((w) => ({ key, value: w.v, timestamp: w.t, window: { start: w.s, end: w.e } })),
      );
    case 'session':
      return mapEntries(s.map).flatMap(([key, list]) =>
        list
          .filter((w) => isLive(s, w.e))
          .map((w) => ({ key, value: w.v, timestamp: w.e, window: { start: w.s, end: w.e } })),
      );
    case 'joinWindow':
      return mapEntries(s.map).flatMap(([key, list]) =>
        list.filter((j) => isLive(s, j.t)).map((j) => ({ key, value: j.v, timestamp: j.t })),
      );
    case 'outerJoin':
      return mapEntries(s.map).flatMap(([, e]) =>
        e.vs.map((v) => ({ key: e.k, value: `${e.left ? 'left' : 'right'}: ${v}`, timestamp: e.t })),
      );
    case 'suppress':
      return s.entries.map((e) => ({ key: e.kt, value: e.nv, timestamp: e.ts }));
  }
}
