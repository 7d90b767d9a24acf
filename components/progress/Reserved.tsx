'use client';
// Stored progress is read only after hydration (it lives in this browser's local storage). Until then the parts
// that show it are drawn with empty progress but invisible, out of the accessibility tree and inert: the space they
// take is already there, so nothing moves when they appear (no layout shift).
import type { ReactNode } from 'react';

export function Reserved({
  shown,
  className = '',
  children,
}: {
  shown: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      className={shown ? className : `${className} invisible`}
      aria-hidden={shown ? undefined : true}
      inert={!shown}
    >
      {children}
    </div>
  );
}
