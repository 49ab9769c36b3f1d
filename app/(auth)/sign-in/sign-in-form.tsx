'use client';
// The sign-in form. Works without JavaScript (the server action answers with the page); with it, errors appear
// in place and the form error takes focus so it is read out.
import { useActionState } from 'react';
import { EmailField, PasswordField, SubmitButton } from '../_components/field';
import { FocusedFormError } from '../_components/focused-form-error';
import { signInAction, type SignInState } from './actions';

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInAction, {
    email: '',
    fieldErrors: {},
    formError: initialError,
  });
  const formErrorId = 'sign-in-error';
  const describedBy = state.formError ? formErrorId : undefined;
  return (
    <form action={formAction} noValidate className="space-y-5">
      <FocusedFormError id={formErrorId} state={state} message={state.formError} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <EmailField value={state.email} errors={state.fieldErrors.email} describedBy={describedBy} />
      <PasswordField
        id="password"
        label="Password"
        autoComplete="current-password"
        errors={state.fieldErrors.password}
        describedBy={describedBy}
      />
      <SubmitButton
        pending={pending}
        label="Sign in"
        pendingLabel="Signing in…"
        className="btn btn-primary w-full sm:w-auto"
      />
    </form>
  );
}
