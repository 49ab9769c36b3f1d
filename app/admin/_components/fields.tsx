'use client';
// Labelled admin inputs whose errors come from the surrounding AdminForm; wired for screen readers.
import { useFieldErrors } from './admin-form';

interface BaseProps {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  /** Defaults to the name with non-word characters replaced. */
  id?: string;
}

function useDescribers(id: string, name: string, hint?: string) {
  const errors = useFieldErrors(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return { errors, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

function FieldShell({
  id,
  label,
  hint,
  hintId,
  errors,
  errorId,
  children,
  required,
}: {
  id: string;
  label: string;
  hint?: string;
  hintId?: string;
  errors?: string[];
  errorId?: string;
  children: React.ReactNode;
  required?: boolean;
}) {
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
        {required ? null : <span className="font-normal text-muted"> (optional)</span>}
      </label>
      {hint ? (
        <p id={hintId} className="mb-1 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {children}
      {errorId ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-[#b42318]">
          <span aria-hidden="true">⚠ </span>
          {errors!.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export function TextField({
  name,
  label,
  hint,
  required = true,
  id,
  type = 'text',
  defaultValue,
  ...rest
}: BaseProps & {
  type?: 'text' | 'email' | 'number' | 'datetime-local' | 'date' | 'url' | 'search' | 'password';
  defaultValue?: string | number;
  min?: number | string;
  max?: number | string;
  step?: number | string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'text';
}) {
  const fid = id ?? fieldId(name);
  const d = useDescribers(fid, name, hint);
  return (
    <FieldShell
      id={fid}
      label={label}
      hint={hint}
      hintId={d.hintId}
      errors={d.errors}
      errorId={d.errorId}
      required={required}
    >
      <input
        id={fid}
        name={name}
        type={type}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={d.errors?.length ? true : undefined}
        aria-describedby={d.describedBy}
        className="field-control aria-invalid:border-2 aria-invalid:border-[#b42318]"
        {...rest}
      />
    </FieldShell>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  required = false,
  id,
  defaultValue,
  rows = 4,
}: BaseProps & { defaultValue?: string; rows?: number }) {
  const fid = id ?? fieldId(name);
  const d = useDescribers(fid, name, hint);
  return (
    <FieldShell
      id={fid}
      label={label}
      hint={hint}
      hintId={d.hintId}
      errors={d.errors}
      errorId={d.errorId}
      required={required}
    >
      <textarea
        id={fid}
        name={name}
        defaultValue={defaultValue}
        rows={rows}
        required={required}
        aria-invalid={d.errors?.length ? true : undefined}
        aria-describedby={d.describedBy}
        className="field-control aria-invalid:border-2 aria-invalid:border-[#b42318]"
      />
    </FieldShell>
  );
}

export function SelectField({
  name,
  label,
  hint,
  required = true,
  id,
  defaultValue,
  options,
}: BaseProps & {
  defaultValue?: string;
  options: readonly { value: string; label: string }[];
}) {
  const fid = id ?? fieldId(name);
  const d = useDescribers(fid, name, hint);
  return (
    <FieldShell
      id={fid}
      label={label}
      hint={hint}
      hintId={d.hintId}
      errors={d.errors}
      errorId={d.errorId}
      required={required}
    >
      <select
        id={fid}
        name={name}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={d.errors?.length ? true : undefined}
        aria-describedby={d.describedBy}
        className="field-control aria-invalid:border-2 aria-invalid:border-[#b42318]"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField({
  name,
  label,
  hint,
  id,
  defaultChecked,
}: Omit<BaseProps, 'required'> & { defaultChecked?: boolean }) {
  const fid = id ?? fieldId(name);
  const d = useDescribers(fid, name, hint);
  return (
    <div>
      <div className="flex items-center gap-2">
        <input
          id={fid}
          name={name}
          type="checkbox"
          value="on"
          defaultChecked={defaultChecked}
          aria-describedby={d.describedBy}
          className="size-5"
        />
        <label htmlFor={fid} className="font-medium">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={d.hintId} className="ml-7 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {d.errorId ? (
        <p id={d.errorId} className="mt-1 text-sm font-medium text-[#b42318]">
          <span aria-hidden="true">⚠ </span>
          {d.errors!.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
