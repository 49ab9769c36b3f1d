'use client';
// Labelled admin inputs whose errors come from the surrounding AdminForm; wired for screen readers.
import { FieldError, Hint } from '@/app/_components/field-message';
import { useFieldErrors } from './admin-form';

interface BaseProps {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  /** Defaults to the name with non-word characters replaced. */
  id?: string;
}

const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** A field's id, its errors from the surrounding AdminForm, and the ids of its hint and error. */
function useDescribers({ name, hint, id }: Pick<BaseProps, 'name' | 'hint' | 'id'>) {
  const fid = id ?? fieldId(name);
  const errors = useFieldErrors(name);
  const hintId = hint ? `${fid}-hint` : undefined;
  const errorId = errors?.length ? `${fid}-error` : undefined;
  return { fid, errors, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

const CONTROL_CLASS = 'field-control aria-invalid:border-2 aria-invalid:border-[#b42318]';

/** A labelled control with its hint above and its error below; `control` gets the props every control takes. */
function LabelledField({
  control,
  ...props
}: BaseProps & {
  control: (common: {
    id: string;
    name: string;
    required: boolean;
    'aria-invalid': true | undefined;
    'aria-describedby': string | undefined;
    className: string;
  }) => React.ReactNode;
}) {
  const { name, label, hint, required = false } = props;
  const d = useDescribers(props);
  return (
    <div>
      <label htmlFor={d.fid} className="field-label">
        {label}
        {required ? null : <span className="font-normal text-muted"> (optional)</span>}
      </label>
      {hint ? <Hint id={d.hintId}>{hint}</Hint> : null}
      {control({
        id: d.fid,
        name,
        required,
        'aria-invalid': d.errors?.length ? true : undefined,
        'aria-describedby': d.describedBy,
        className: CONTROL_CLASS,
      })}
      <FieldError id={d.errorId} messages={d.errors} />
    </div>
  );
}

export function TextField({
  required = true,
  type = 'text',
  defaultValue,
  min,
  max,
  step,
  autoComplete,
  inputMode,
  ...field
}: BaseProps & {
  type?: 'text' | 'email' | 'number' | 'datetime-local' | 'date' | 'url' | 'search' | 'password';
  defaultValue?: string | number;
  min?: number | string;
  max?: number | string;
  step?: number | string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'text';
}) {
  return (
    <LabelledField
      {...field}
      required={required}
      control={(common) => (
        <input
          type={type}
          defaultValue={defaultValue}
          min={min}
          max={max}
          step={step}
          autoComplete={autoComplete}
          inputMode={inputMode}
          {...common}
        />
      )}
    />
  );
}

export function TextAreaField({
  required = false,
  defaultValue,
  rows = 4,
  ...field
}: BaseProps & { defaultValue?: string; rows?: number }) {
  return (
    <LabelledField
      {...field}
      required={required}
      control={(common) => <textarea defaultValue={defaultValue} rows={rows} {...common} />}
    />
  );
}

export function SelectField({
  required = true,
  defaultValue,
  options,
  ...field
}: BaseProps & {
  defaultValue?: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <LabelledField
      {...field}
      required={required}
      control={(common) => (
        <select defaultValue={defaultValue} {...common}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function CheckboxField({
  name,
  label,
  hint,
  id,
  defaultChecked,
}: Omit<BaseProps, 'required'> & { defaultChecked?: boolean }) {
  const d = useDescribers({ name, hint, id });
  return (
    <div>
      <div className="flex items-center gap-2">
        <input
          id={d.fid}
          name={name}
          type="checkbox"
          value="on"
          defaultChecked={defaultChecked}
          aria-describedby={d.describedBy}
          className="size-5"
        />
        <label htmlFor={d.fid} className="font-medium">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={d.hintId} className="ml-7 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <FieldError id={d.errorId} messages={d.errors} />
    </div>
  );
}
