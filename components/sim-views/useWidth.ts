'use client';
import { type RefObject, useEffect, useLayoutEffect, useState } from 'react';

// Measured before the browser paints, so the first frame already has the real width: a drawing laid out for the
// fallback width and then redrawn would shift everything below it (CLS). Plain useEffect where there is no DOM.
const useBeforePaint = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/** Width of an element in CSS pixels, following resizes (for choosing how many log cells fit). */
export function useWidth(ref: RefObject<HTMLElement | null>, fallback = 640): number {
  const [width, setWidth] = useState(fallback);
  useBeforePaint(() => {
    const el = ref.current;
    if (!el) return;
    // Floored, so a drawing as wide as the measure never overflows a fractional container (and shrinks).
    // The box's own (unzoomed) CSS pixels, like ResizeObserver's contentRect: a panel under CSS zoom (the classroom
    // projector's) lays out in those.
    const zoom = (el as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
    setWidth(Math.floor(el.getBoundingClientRect().width / zoom) || fallback);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? fallback);
      setWidth((prev) => (Math.abs(prev - w) > 4 ? w : prev));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, fallback]);
  return width;
}
