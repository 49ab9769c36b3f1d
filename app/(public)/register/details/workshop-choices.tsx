// The workshops a ticket may take, as checkboxes by day with the seats left: on the registration form and on the
// order's workshops page. A full workshop cannot be joined (its waiting list is linked) but stays ticked for the
// ticket already in it.
import type { ReactNode } from 'react';
import { shortDay } from '@/app/_components/dates';
import { FieldError, Hint } from '@/app/_components/field-message';
import { SessionTime } from '@/app/_components/session-time';
import { fieldId, type WorkshopView } from '../_lib/form-state';

const NONE = new Set<string>();

export function WorkshopChoices({
  name,
  legend,
  hint,
  workshops,
  timeZone,
  chosen,
  current = NONE,
  errors,
  boxIdPrefix,
  className,
}: {
  name: string;
  legend: string;
  hint: ReactNode;
  workshops: WorkshopView[];
  timeZone: string;
  /** The ticked workshops. */
  chosen: Set<string>;
  /** The ticket's workshops before this change (marked as such, and kept selectable when full). */
  current?: Set<string>;
  errors?: string[];
  /** Each checkbox's id is this, a dash and the workshop's id; the fieldset's id by default. */
  boxIdPrefix?: string;
  className: string;
}) {
  const id = fieldId(name);
  const days = [...new Set(workshops.map((w) => w.day))];
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={className}
      aria-describedby={[`${id}-hint`, errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ')}
    >
      <legend className="field-label">{legend}</legend>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      <FieldError id={`${id}-error`} messages={errors} />
      {days.map((day) => (
        <fieldset key={day} className="flex flex-col gap-2">
          <legend className="mb-1 text-[0.9375rem] font-semibold text-brand-strong">
            <time dateTime={day}>{shortDay(day)}</time>
          </legend>
          {workshops
            .filter((w) => w.day === day)
            .map((w) => {
              const boxId = `${boxIdPrefix ?? id}-${w.id}`;
              const noteId = `${boxId}-note`;
              const locked = w.full && !current.has(w.id);
              return (
                <div key={w.id} className="flex items-start gap-3 rounded-lg border border-line p-3">
                  <input
                    id={boxId}
                    type="checkbox"
                    name={name}
                    value={w.id}
                    disabled={locked}
                    defaultChecked={!locked && chosen.has(w.id)}
                    aria-describedby={noteId}
                    className="mt-1 size-5 shrink-0 accent-brand"
                  />
                  <div className="flex flex-col gap-0.5">
                    <label htmlFor={boxId} className="font-medium">
                      {w.title}
                    </label>
                    <span id={noteId} className="flex flex-col text-sm">
                      <SessionTime
                        startsAt={new Date(w.startsAt)}
                        endsAt={new Date(w.endsAt)}
                        day={w.day}
                        timeZone={timeZone}
                      />
                      {current.has(w.id) && (
                        <span className="font-semibold text-brand-strong">Your current choice</span>
                      )}
                      {w.full ? (
                        <span className="font-semibold text-note-ink">Full</span>
                      ) : (
                        w.seatsLeft && <span className="text-muted">{w.seatsLeft}</span>
                      )}
                      {w.overlaps.length > 0 && (
                        <span className="text-muted">Same time as {w.overlaps.map((t) => `“${t}”`).join(', ')}</span>
                      )}
                    </span>
                    {locked && (
                      <a href={`/register/waitlist?session=${w.id}`} className="text-sm">
                        Join the waiting list<span className="sr-only"> for {w.title}</span>
                      </a>
                    )}
                  </div>
                </div>
              );
            })}
        </fieldset>
      ))}
    </fieldset>
  );
}
