'use client';
// A group of checkboxes choosing ticket types (one form field, several values), with its error beside it.
import { useFieldErrors } from '@/app/admin/_components/admin-form';

export function TicketTypeCheckboxes({
  prefix,
  types,
  checked,
  legend,
  hint,
}: {
  prefix: string;
  types: { id: string; label: string; isHidden: boolean }[];
  checked: string[];
  legend: string;
  hint: string;
}) {
  const errors = useFieldErrors('ticketTypeIds');
  const hintId = `${prefix}-types-hint`;
  const errorId = `${prefix}-types-error`;
  return (
    <fieldset aria-describedby={[hintId, errors?.length ? errorId : ''].filter(Boolean).join(' ')}>
      <legend className="field-label">
        {legend}
        <span className="font-normal text-muted"> (optional)</span>
      </legend>
      <p id={hintId} className="mb-2 text-sm text-muted">
        {hint}
      </p>
      <ul className="flex flex-col gap-2">
        {types.map((t) => (
          <li key={t.id} className="flex items-center gap-2">
            <input
              id={`${prefix}-type-${t.id}`}
              type="checkbox"
              name="ticketTypeIds"
              value={t.id}
              defaultChecked={checked.includes(t.id)}
              className="size-5"
            />
            <label htmlFor={`${prefix}-type-${t.id}`}>
              {t.label}
              {t.isHidden ? <span className="text-muted"> (hidden: this voucher unlocks it)</span> : null}
            </label>
          </li>
        ))}
      </ul>
      {errors?.length ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-[#b42318]">
          <span aria-hidden="true">⚠ </span>
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
