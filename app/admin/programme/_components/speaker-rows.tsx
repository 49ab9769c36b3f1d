'use client';
// The speakers of a session as numbered rows (speaker + role), in the order they are listed publicly. Works
// without JavaScript: blank rows are ignored, so there are always a few spare ones. Errors about the list as a
// whole ("speakers") show under the group's legend.
import { useFieldErrors } from '@/app/admin/_components/admin-form';

interface SpeakerRowsProps {
  options: { value: string; label: string }[];
  roles: readonly string[];
  rows: { speakerId: string; role: string }[];
}

export function SpeakerRows({ options, roles, rows }: SpeakerRowsProps) {
  const errors = useFieldErrors('speakers');
  const errorId = errors?.length ? 'speakers-error' : undefined;
  return (
    <fieldset
      className="flex flex-col gap-3 rounded-md border border-line p-4"
      aria-describedby={['speakers-hint', errorId].filter(Boolean).join(' ')}
    >
      <legend className="px-1 font-semibold">
        Speakers <span className="font-normal text-muted">(optional)</span>
      </legend>
      <p id="speakers-hint" className="text-sm text-muted">
        Listed in this order on the public programme. Leave spare rows empty.
      </p>
      {errorId ? (
        <p id={errorId} className="text-sm font-medium text-[#b42318]">
          <span aria-hidden="true">⚠ </span>
          {errors!.join(' ')}
        </p>
      ) : null}
      <ol className="flex flex-col gap-3">
        {rows.map((row, i) => (
          <li key={i} className="grid gap-2 sm:grid-cols-[2fr_1fr]">
            <div>
              <label htmlFor={`speaker-${i}`} className="field-label">
                Speaker {i + 1}
              </label>
              <select
                id={`speaker-${i}`}
                name="speakerId"
                defaultValue={row.speakerId}
                className="field-control"
                aria-invalid={errorId ? true : undefined}
              >
                <option value="">No speaker</option>
                {options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`speaker-role-${i}`} className="field-label">
                Role of speaker {i + 1}
              </label>
              <select
                id={`speaker-role-${i}`}
                name="speakerRole"
                defaultValue={row.role || 'speaker'}
                className="field-control capitalize"
              >
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {r[0]!.toUpperCase() + r.slice(1)}
                  </option>
                ))}
              </select>
            </div>
          </li>
        ))}
      </ol>
    </fieldset>
  );
}
