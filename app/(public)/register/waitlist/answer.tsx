'use client';
// What the waiting-list forms (join, confirm) share: after each answer focus moves to it (the confirmation, or the
// list of problems), so a screen reader reads it; the confirmation replaces the form.
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

/** A ref for the answer; focused after every answer of the form's action (state.seq counts them). */
export function useAnswerFocus(state: { seq: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.seq > 0) ref.current?.focus();
  }, [state]);
  return ref;
}

export function AnswerCard({
  focusRef,
  heading,
  children,
}: {
  focusRef: RefObject<HTMLDivElement | null>;
  heading: string;
  children: ReactNode;
}) {
  return (
    <div
      ref={focusRef}
      tabIndex={-1}
      role="status"
      className="card flex flex-col gap-2 border-2 border-brand p-4 outline-none sm:p-5"
    >
      <h2 className="text-xl font-semibold">{heading}</h2>
      {children}
    </div>
  );
}
