// Labelled form controls for the registration form: hint and error wired through aria-describedby, the error
// beside the control, and the submitted value as the default so nothing typed is lost on a round trip.
import type { ReactNode } from 'react';
import { FieldError } from '../_lib/error-summary';
import { fieldId } from '../_lib/form-state';

export const controlClass = 'field-control aria-invalid:border-2 aria-invalid:border-[#b42318]';

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

export function Required() {
  return <span className="font-normal text-muted"> (required)</span>;
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="mb-1 text-sm text-muted">
      {children}
    </p>
  );
}

interface Common {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
}

export function TextField({
  name,
  label,
  hint,
  errors,
  required,
  defaultValue,
  type = 'text',
  autoComplete,
  maxLength,
  multiline,
}: Common & {
  defaultValue?: string;
  type?: 'text' | 'email';
  autoComplete?: string;
  maxLength?: number;
  multiline?: boolean;
}) {
  const id = fieldId(name);
  const props = {
    id,
    name,
    defaultValue,
    maxLength,
    autoComplete,
    required: required || undefined,
    'aria-invalid': errors?.length ? true : undefined,
    'aria-describedby': describedBy(hint !== undefined && `${id}-hint`, Boolean(errors?.length) && `${id}-error`),
    className: controlClass,
  } as const;
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
        {required && <Required />}
      </label>
      {hint !== undefined && <Hint id={`${id}-hint`}>{hint}</Hint>}
      {multiline ? (
        <textarea rows={3} {...props} />
      ) : (
        <input type={type} spellCheck={type === 'email' ? false : undefined} {...props} />
      )}
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  hint,
  errors,
  required,
  defaultValue,
  options,
}: Common & { defaultValue?: string; options: string[] }) {
  const id = fieldId(name);
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
        {required && <Required />}
      </label>
      {hint !== undefined && <Hint id={`${id}-hint`}>{hint}</Hint>}
      <select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ''}
        required={required || undefined}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(hint !== undefined && `${id}-hint`, Boolean(errors?.length) && `${id}-error`)}
        className={controlClass}
      >
        <option value="">Choose…</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}

export function CheckboxField({
  name,
  label,
  hint,
  errors,
  required,
  defaultChecked,
}: Common & { defaultChecked?: boolean }) {
  const id = fieldId(name);
  return (
    <div>
      <div className="flex items-start gap-3">
        <input
          id={id}
          name={name}
          type="checkbox"
          value="yes"
          defaultChecked={defaultChecked}
          required={required || undefined}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy(hint !== undefined && `${id}-hint`, Boolean(errors?.length) && `${id}-error`)}
          className="mt-1 size-5 shrink-0 accent-brand"
        />
        <div>
          <label htmlFor={id} className="font-medium">
            {label}
            {required && <Required />}
          </label>
          {hint !== undefined && (
            <p id={`${id}-hint`} className="text-sm text-muted">
              {hint}
            </p>
          )}
        </div>
      </div>
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}

export function RadioGroup({
  name,
  legend,
  hint,
  errors,
  options,
  defaultValue,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  options: { value: string; label: string }[];
  defaultValue: string;
}) {
  const id = fieldId(name);
  return (
    <fieldset
      aria-describedby={describedBy(hint !== undefined && `${id}-hint`, Boolean(errors?.length) && `${id}-error`)}
    >
      <legend className="field-label">{legend}</legend>
      {hint !== undefined && <Hint id={`${id}-hint`}>{hint}</Hint>}
      <div className="flex flex-col gap-2">
        {options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${o.value}`;
          return (
            <div key={o.value} className="flex items-center gap-3">
              <input
                id={optionId}
                type="radio"
                name={name}
                value={o.value}
                defaultChecked={defaultValue === o.value}
                aria-invalid={errors?.length ? true : undefined}
                className="size-5 shrink-0 accent-brand"
              />
              <label htmlFor={optionId}>{o.label}</label>
            </div>
          );
        })}
      </div>
      <FieldError id={`${id}-error`} messages={errors} />
    </fieldset>
  );
}
