'use client';
import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ReadModel, SimEvent } from '@/simulator';
import type { SimController, SimInitSpec } from './SimController';

/** One controller per embed, created once; re-renders follow its version counter. */
/** `epoch` forces a fresh controller for the same spec (loading the same preset again). */
/** `later`: lines that will run on it afterwards (a scenario's steps), so their libraries load first too. */
export function useSimController(
  spec: SimInitSpec | null,
  epoch = 0,
  later: readonly string[] = [],
): SimController | null {
  const [controller, setController] = useState<SimController | null>(null);
  const key = spec ? `${epoch}:${JSON.stringify(spec)}` : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the spec is compared by its JSON key
  useEffect(() => {
    if (!spec) {
      setController(null);
      return;
    }
    // The simulator loads on demand (./createController): a page paints before its engine arrives. Until the new
    // controller is built the previous one stays on screen, so a reset does not blank the views.
    let cancelled = false;
    void import('./createController')
      .then(({ createController }) => createController(spec, later))
      .then((created) => {
        if (!cancelled) setController(created);
      });
    return () => {
      cancelled = true;
    };
  }, [key]);
  return controller;
}

const noop = () => () => {};

export function useSimVersion(controller: SimController | null): number {
  return useSyncExternalStore(
    controller ? controller.subscribe : noop,
    controller ? controller.getVersion : () => -1,
    () => -1,
  );
}

/** The read model of the controller's Simulation; re-renders on every change. */
export function useRead(controller: SimController | null): ReadModel | null {
  useSimVersion(controller);
  return controller ? controller.read() : null;
}

/** Calls `handler` with each batch of live events (not replays); the latest handler is always used. */
export function useSimEvents(controller: SimController | null, handler: (events: SimEvent[]) => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!controller) return;
    return controller.onEvents((events) => ref.current(events));
  }, [controller]);
}

export const SimContext = createContext<SimController | null>(null);

export function useSim(): SimController {
  const controller = useContext(SimContext);
  if (!controller) throw new Error('A simulation view must be inside a <SimContext.Provider>.');
  return controller;
}
