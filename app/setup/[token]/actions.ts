'use server';
// Redeems an owner set-up or invitation link: creates the account, then sends the new user to sign in.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { redeemAccountToken } from '@/lib/auth/account-tokens';
import { isDomainError } from '@/lib/errors';
import { getContext } from '@/app/_lib/context';

export interface SetupState {
  email: string;
  name: string;
  fieldErrors: Partial<Record<'email' | 'name' | 'password' | 'passwordConfirm', string[]>>;
  formError?: string;
}

const formSchema = z.object({
  token: z.string().max(200),
  email: z.string().max(254).optional(),
  name: z.string().max(500),
  password: z.string().max(1000),
  passwordConfirm: z.string().max(1000),
});

const text = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v : undefined);

export async function redeemAccountTokenAction(_previous: SetupState, formData: FormData): Promise<SetupState> {
  const parsed = formSchema.safeParse({
    token: text(formData.get('token')) ?? '',
    email: text(formData.get('email')),
    name: text(formData.get('name')) ?? '',
    password: text(formData.get('password')) ?? '',
    passwordConfirm: text(formData.get('passwordConfirm')) ?? '',
  });
  if (!parsed.success) return { email: '', name: '', fieldErrors: {}, formError: 'Please fill in the form again.' };
  const { token, email, name, password, passwordConfirm } = parsed.data;
  const kept = { email: email?.trim() ?? '', name: name.trim() };
  if (password !== passwordConfirm) {
    return { ...kept, fieldErrors: { passwordConfirm: ['The two passwords are not the same.'] } };
  }
  try {
    await redeemAccountToken(getContext(), { token, name, password, email });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.code === 'VALIDATION' || (error.code === 'CONFLICT' && email !== undefined)) {
      const f = error.fieldErrors;
      return {
        ...kept,
        fieldErrors: { email: f.email, name: f.name, password: f.password },
        formError: error.code === 'VALIDATION' ? error.message : undefined,
      };
    }
    return { ...kept, fieldErrors: {}, formError: error.message };
  }
  redirect('/sign-in?notice=account-created');
}
