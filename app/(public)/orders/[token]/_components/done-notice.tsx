'use client';
// The confirmation shown on the order page after a change. Focus moves to it, so a screen reader reads it and
// keyboard users start from it.
import { useEffect, useRef } from 'react';

export function DoneNotice({ message }: { message: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [message]);
  return (
    <p
      ref={ref}
      role="status"
      tabIndex={-1}
      className="rounded-lg border-2 border-brand bg-brand-soft px-4 py-3 font-semibold text-brand-strong outline-none focus-visible:outline-3"
    >
      <span aria-hidden="true">✓ </span>
      {message}
    </p>
  );
}
