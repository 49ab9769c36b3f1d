// Labelled form controls for the registration form: hint and error wired through aria-describedby, the error
// beside the control, and the submitted value as the default so nothing typed is lost on a round trip.
import type { ReactNode } from 'react';
import { FieldError, Hint } from '@/app/_components/field-message';
import { fieldId } from '../_lib/form-state';

export const controlClass = 'field-control aria-invalid:border-2 aria-invalid:border-[#b42318]';

export function Required() {
  return <span className="font-normal text-muted"> (required)</span>;
}

interface Common {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
}

/** The id, aria-invalid and aria-describedby of a control whose hint and error sit beside it. */
function described({ name, hint, errors }: Pick<Common, 'name' | 'hint' | 'errors'>) {
  const id = fieldId(name);
  const ids = [hint !== undefined && `${id}-hint`, Boolean(errors?.length) && `${id}-error`].filter(Boolean);
  return {
    id,
    'aria-invalid': errors?.length ? true : undefined,
    'aria-describedby': ids.join(' ') || undefined,
  } as const;
}

/** The label, hint, control and error of one field, stacked. */
function Stacked({ id, label, hint, required, errors, children }: Common & { id: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
        {required && <Required />}
      </label>
      {hint !== undefined && <Hint id={`${id}-hint`}>{hint}</Hint>}
      {children}
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}

export function TextField({
  defaultValue,
  type = 'text',
  autoComplete,
  maxLength,
  multiline,
  ...field
}: Common & {
  defaultValue?: string;
  type?: 'text' | 'email';
  autoComplete?: string;
  maxLength?: number;
  multiline?: boolean;
}) {
  const control = described(field);
  const props = {
    ...control,
    name: field.name,
    defaultValue,
    maxLength,
    autoComplete,
    required: field.required || undefined,
    className: controlClass,
  } as const;
  return (
    <Stacked {...field} id={control.id}>
      {multiline ? (
        <textarea rows={3} {...props} />
      ) : (
        <input type={type} spellCheck={type === 'email' ? false : undefined} {...props} />
      )}
    </Stacked>
  );
}

export function SelectField({
  defaultValue,
  options,
  ...field
}: Common & { defaultValue?: string; options: string[] }) {
  const control = described(field);
  return (
    <Stacked {...field} id={control.id}>
      <select
        {...control}
        name={field.name}
        defaultValue={defaultValue ?? ''}
        required={field.required || undefined}
        className={controlClass}
      >
        <option value="">Choose…</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </Stacked>
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
  const { id, ...aria } = described({ name, hint, errors });
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
          {...aria}
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
  const { id, 'aria-describedby': describedBy } = described({ name, hint, errors });
  return (
    <fieldset aria-describedby={describedBy}>
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
