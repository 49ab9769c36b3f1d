'use client';
// "Move up" / "Move down" for one row of an ordered list (tracks, rooms). A plain form posting to an
// adminAction, so it works without JavaScript; with it, the result is announced and focus returns to the
// button used after the list re-renders in its new order.
import { useActionState, useEffect, useRef } from 'react';
import { initialAdminState, type AdminFormState } from '@/app/admin/_lib/form-state';

interface MoveButtonsProps {
  action: (previous: AdminFormState, formData: FormData) => Promise<AdminFormState>;
  id: string;
  name: string;
  isFirst: boolean;
  isLast: boolean;
}

export function MoveButtons({ action, id, name, isFirst, isLast }: MoveButtonsProps) {
  const [state, formAction, pending] = useActionState(action, initialAdminState);
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const last = useRef<'up' | 'down' | null>(null);
  useEffect(() => {
    if (!state.seq || !last.current) return;
    // The button used may now be disabled (the row reached an end): fall back to the other one.
    const wanted = last.current === 'up' ? up.current : down.current;
    const other = last.current === 'up' ? down.current : up.current;
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  }, [state.seq, isFirst, isLast]);
  const button = 'btn btn-secondary min-h-11 px-3';
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      {/* The name starts with the visible word, so speech input ("click Up") still finds it. */}
      <button
        ref={up}
        type="submit"
        name="direction"
        value="up"
        className={button}
        disabled={isFirst || pending}
        aria-label={`Up: move ${name} up`}
        onClick={() => {
          last.current = 'up';
        }}
      >
        Up
      </button>
      <button
        ref={down}
        type="submit"
        name="direction"
        value="down"
        className={button}
        disabled={isLast || pending}
        aria-label={`Down: move ${name} down`}
        onClick={() => {
          last.current = 'down';
        }}
      >
        Down
      </button>
      <span role="status" className={state.ok ? 'sr-only' : 'text-sm font-medium text-[#b42318]'}>
        {state.seq > 0 ? (state.ok ? state.message : state.error) : null}
      </span>
    </form>
  );
}
