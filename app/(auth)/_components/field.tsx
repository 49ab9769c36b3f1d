// A labelled text input with its hint and inline error, wired for screen readers (aria-describedby, aria-invalid),
// and the fields and button the staff account forms (sign-in, set-up) share.
import { FieldError, Hint } from '@/app/_components/field-message';

interface FieldProps {
  id: string;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  defaultValue?: string;
  hint?: string;
  errors?: string[];
  /** Ids of other messages that describe this field too, such as a form-level error. */
  describedBy?: string;
  required?: boolean;
  autoFocus?: boolean;
}

export function Field({
  id,
  name,
  label,
  type = 'text',
  autoComplete,
  defaultValue,
  hint,
  errors,
  describedBy,
  required = true,
  autoFocus,
}: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describers = [hintId, errorId, describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint ? <Hint id={hintId}>{hint}</Hint> : null}
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        required={required}
        autoFocus={autoFocus}
        aria-invalid={errors?.length || describedBy ? true : undefined}
        aria-describedby={describers}
        className="field-control aria-invalid:border-[#b42318] aria-invalid:border-2"
      />
      <FieldError id={errorId} messages={errors} />
    </div>
  );
}

type SharedFieldProps = Pick<FieldProps, 'errors' | 'describedBy'>;

/** The account's email; keyed by the value sent, so the form's reset after its action keeps what was typed. */
export function EmailField({ value, ...props }: SharedFieldProps & { value: string }) {
  return (
    <Field
      key={`email-${value}`}
      id="email"
      name="email"
      type="email"
      label="Email"
      autoComplete="username"
      defaultValue={value}
      {...props}
    />
  );
}

export function PasswordField(
  props: SharedFieldProps & Pick<FieldProps, 'id' | 'hint' | 'label'> & { autoComplete: string },
) {
  return <Field name={props.id} type="password" {...props} />;
}

export function SubmitButton({
  pending,
  label,
  pendingLabel,
  className = 'btn btn-primary',
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  className?: string;
}) {
  return (
    <button type="submit" className={className} aria-disabled={pending} disabled={pending}>
      {pending ? pendingLabel : label}
    </button>
  );
}

/** The form-level message region: always in the page, so a message appearing in it is announced. */
export function FormError({ id, message }: { id: string; message?: string }) {
  return (
    <div id={id} role="alert" aria-atomic="true">
      {message ? (
        <p className="rounded-lg border-2 border-[#b42318] bg-[#fef3f2] px-4 py-3 font-medium text-[#7a271a]">
          {message}
        </p>
      ) : null}
    </div>
  );
}
