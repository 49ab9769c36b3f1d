'use server';
// Saving the event settings. refresh() shows the saved values in place.
import { refresh } from 'next/cache';
import { adminAction } from '@/app/admin/_lib/action';
import { formValues } from '@/app/admin/_lib/form-values';
import { eventSettingsFields, updateEventSettings } from '@/lib/catalogue/settings';
import { salesCtx, salesEventId } from '../tickets/_lib/sales';

export const updateEventSettingsAction = adminAction('sales.manage', async ({ user, ctx, formData }) => {
  const { changed } = await updateEventSettings(
    salesCtx(ctx, user),
    await salesEventId(ctx),
    formValues(formData, eventSettingsFields),
  );
  refresh();
  return changed.length ? 'Settings saved.' : 'Nothing changed.';
});
