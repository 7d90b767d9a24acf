'use client';
// UI-only preferences shared by every embed on a page. The simulation's truth never lives here: it stays
// in each embed's SimController (command log + Simulation).
import { create } from 'zustand';

export type AnimationSpeed = 0.5 | 1 | 2 | 4;

type UiState = {
  largeMode: boolean;
  speed: AnimationSpeed;
  setLargeMode: (on: boolean) => void;
  setSpeed: (speed: AnimationSpeed) => void;
};

const LARGE_MODE_KEY = 'kafka-roadmap:large-mode';

export const useSimUi = create<UiState>((set) => ({
  largeMode: false,
  speed: 1,
  setLargeMode: (on) => {
    if (typeof document !== 'undefined') document.documentElement.classList.toggle('large-mode', on);
    try {
      localStorage.setItem(LARGE_MODE_KEY, on ? '1' : '0');
    } catch {
      // Storage may be unavailable (private mode); the toggle still works for this page.
    }
    set({ largeMode: on });
  },
  setSpeed: (speed) => set({ speed }),
}));

/** Restores the saved large-mode choice once on the client. */
export function restoreLargeMode(): void {
  try {
    if (localStorage.getItem(LARGE_MODE_KEY) === '1') useSimUi.getState().setLargeMode(true);
  } catch {
    // ignore
  }
}

/** True when the reader asked the system for less motion: flights become instant changes. */
export function prefersReducedMotion(): boolean {
  return (
    typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true
  );
}
