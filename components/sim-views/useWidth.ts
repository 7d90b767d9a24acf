'use client';
import { type RefObject, useEffect, useState } from 'react';

/** Width of an element in CSS pixels, following resizes (for choosing how many log cells fit). */
export function useWidth(ref: RefObject<HTMLElement | null>, fallback = 640): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Floored, so a drawing as wide as the measure never overflows a fractional container (and shrinks).
    setWidth(Math.floor(el.getBoundingClientRect().width) || fallback);
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
