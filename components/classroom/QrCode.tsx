'use client';
import { create } from 'qrcode';
import { useMemo } from 'react';

/** A QR code drawn by React from the encoder's module matrix (dark modules as one path). */
export function QrCode({ text, label, size = 176 }: { text: string; label: string; size?: number }) {
  const { path, count } = useMemo(() => {
    const qr = create(text, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    let d = '';
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) if (qr.modules.get(x, y)) d += `M${x + 2} ${y + 2}h1v1h-1z`;
    }
    return { path: d, count: n + 4 };
  }, [text]);
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${count} ${count}`}
      width={size}
      height={size}
      className="rounded bg-white"
    >
      <rect width={count} height={count} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
