'use client';
// The workshops a ticket may take, by day, with the seats left. Ticked ones are the current choice; a full
// workshop can be kept but not joined (its waiting list is linked). Saving takes seats under the pool locks.
import { shortDay } from '@/app/_components/dates';
import { SessionTime } from '@/app/_components/session-time';
import { FieldError } from '../../../../../register/_lib/error-summary';
import type { WorkshopView } from '../../../../../register/_lib/form-state';
import { ManageFormBody, SubmitButton, useManageForm } from '../../../_components/form-shell';
import { changeWorkshopsAction } from '../../../manage-actions';

export function WorkshopsForm({
  token,
  ticketId,
  workshops,
  timeZone,
  initialValues,
}: {
  token: string;
  ticketId: string;
  workshops: WorkshopView[];
  timeZone: string;
  initialValues: Record<string, string[]>;
}) {
  const { state, formAction, pending, values, errors } = useManageForm(changeWorkshopsAction, initialValues);
  const chosen = new Set(values.all('workshopIds'));
  const current = new Set(initialValues.workshopIds ?? []);
  const days = [...new Set(workshops.map((w) => w.day))];
  const messages = errors.workshopIds;
  return (
    <ManageFormBody
      state={state}
      labels={{ workshopIds: 'Workshops' }}
      token={token}
      ticketId={ticketId}
      formAction={formAction}
    >
      <fieldset
        id="workshopIds"
        tabIndex={-1}
        className="flex flex-col gap-4 outline-none"
        aria-describedby={['workshopIds-hint', messages?.length ? 'workshopIds-error' : ''].filter(Boolean).join(' ')}
      >
        <legend className="field-label">Workshops</legend>
        <p id="workshopIds-hint" className="text-sm text-muted">
          Tick the workshops to attend and untick the ones to leave. Choose at most one of the workshops that run at the
          same time.
        </p>
        <FieldError id="workshopIds-error" messages={messages} />
        {days.map((day) => (
          <fieldset key={day} className="flex flex-col gap-2">
            <legend className="mb-1 text-[0.9375rem] font-semibold text-brand-strong">
              <time dateTime={day}>{shortDay(day)}</time>
            </legend>
            {workshops
              .filter((w) => w.day === day)
              .map((w) => {
                const boxId = `workshop-${w.id}`;
                const noteId = `${boxId}-note`;
                // A full workshop stays selectable for the ticket already in it.
                const locked = w.full && !current.has(w.id);
                return (
                  <div key={w.id} className="flex items-start gap-3 rounded-lg border border-line p-3">
                    <input
                      id={boxId}
                      type="checkbox"
                      name="workshopIds"
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
      <SubmitButton pending={pending} label="Save workshop choices" pendingLabel="Saving…" />
    </ManageFormBody>
  );
}
