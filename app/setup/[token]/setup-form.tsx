'use client';
// Name and password (and, for the owner, the email address) for a new staff account. Works without JavaScript.
import { useActionState } from 'react';
import { EmailField, Field, PasswordField, SubmitButton } from '@/app/(auth)/_components/field';
import { FocusedFormError } from '@/app/(auth)/_components/focused-form-error';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-policy';
import { redeemAccountTokenAction, type SetupState } from './actions';

export function SetupForm({ token, askEmail }: { token: string; askEmail: boolean }) {
  const [state, formAction, pending] = useActionState<SetupState, FormData>(redeemAccountTokenAction, {
    email: '',
    name: '',
    fieldErrors: {},
  });
  const formErrorId = 'setup-error';
  return (
    <form action={formAction} noValidate className="space-y-5">
      <FocusedFormError id={formErrorId} state={state} message={state.formError} />
      <input type="hidden" name="token" value={token} />
      {askEmail ? <EmailField value={state.email} errors={state.fieldErrors.email} /> : null}
      <Field
        key={`name-${state.name}`}
        id="name"
        name="name"
        label="Your name"
        autoComplete="name"
        defaultValue={state.name}
        errors={state.fieldErrors.name}
      />
      <PasswordField
        id="password"
        label="Password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong, memorable password.`}
        errors={state.fieldErrors.password}
      />
      <PasswordField
        id="passwordConfirm"
        label="Password again"
        autoComplete="new-password"
        errors={state.fieldErrors.passwordConfirm}
      />
      <SubmitButton pending={pending} label="Create account" pendingLabel="Creating your account…" />
    </form>
  );
}
