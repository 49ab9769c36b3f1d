'use server';
// Custom questions: create (then open the new question) and edit, with the ticket types that ask them.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminAction } from '@/app/admin/_lib/action';
import { formValues } from '@/app/admin/_lib/form-values';
import { asksFromForm, createQuestion, questionFields, updateQuestion } from '@/lib/catalogue/questions';
import { idOf, salesCtx, salesEventId } from '../tickets/_lib/sales';

const read = (formData: FormData) => ({ ...formValues(formData, questionFields), asks: asksFromForm(formData) });

export const createQuestionAction = adminAction('sales.manage', async ({ user, ctx, formData }) => {
  const question = await createQuestion(salesCtx(ctx, user), await salesEventId(ctx), read(formData));
  redirect(`/admin/questions/${question.id}?notice=created`);
});

export const updateQuestionAction = adminAction('sales.manage', async ({ user, ctx, formData }) => {
  const question = await updateQuestion(salesCtx(ctx, user), await salesEventId(ctx), idOf(formData), read(formData));
  refresh();
  return `Saved the question “${question.label}”.`;
});
