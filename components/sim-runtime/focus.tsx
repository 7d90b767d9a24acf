'use client';
// Which topic-partition and group the log, retention and group views look at: UI state of one embed,
// shared by its views so picking a partition in one view moves the others too.
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import type { ReadModel } from '@/simulator';
import { userTopics } from '../sim-views/readHelpers';

export type Focus = { topic: string | null; partition: number; group: string | null };

type FocusCtx = { focus: Focus; setFocus: (next: Partial<Focus>) => void };

const Ctx = createContext<FocusCtx | null>(null);

export function FocusProvider({ initial, children }: { initial?: Partial<Focus>; children: ReactNode }) {
  const [focus, setState] = useState<Focus>({ topic: null, partition: 0, group: null, ...initial });
  const value = useMemo<FocusCtx>(
    () => ({ focus, setFocus: (next) => setState((f) => ({ ...f, ...next })) }),
    [focus],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** The focus resolved against the current state: falls back to the first user topic / group that exists. */
export function useFocus(
  read: ReadModel | null,
): FocusCtx & { topic: string | null; partition: number; group: string | null } {
  const ctx = useContext(Ctx) ?? { focus: { topic: null, partition: 0, group: null }, setFocus: () => {} };
  const topics = read ? userTopics(read) : [];
  const topic = topics.find((t) => t.name === ctx.focus.topic) ?? topics[0] ?? null;
  const partition = topic && ctx.focus.partition < topic.partitions.length ? ctx.focus.partition : 0;
  const groups = read?.groups() ?? [];
  const group = groups.find((g) => g.groupId === ctx.focus.group) ?? groups[0] ?? null;
  return { ...ctx, topic: topic?.name ?? null, partition, group: group?.groupId ?? null };
}
