'use server';
// Vouchers: create one (then open it), create many (then list them), edit the terms, end one now.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminAction } from '@/app/admin/_lib/action';
import { formList, formValues } from '@/app/admin/_lib/form-values';
import { createVoucher, createVoucherBatch, endVoucher, updateVoucher, voucherFields } from '@/lib/catalogue/vouchers';
import { idOf, salesCtx, salesEventId } from '../tickets/_lib/sales';

const terms = (formData: FormData) => ({
  ...formValues(formData, voucherFields),
  ticketTypeIds: formList(formData, 'ticketTypeIds'),
});

export const createVoucherAction = adminAction('sales.manage', async ({ user, ctx, formData }) => {
  const voucher = await createVoucher(salesCtx(ctx, user), await salesEventId(ctx), {
    ...terms(formData),
    ...formValues(formData, ['code']),
  });
  redirect(`/admin/vouchers/${voucher.id}?notice=created`);
});

export const createVoucherBatchAction = adminAction('sales.manage', async ({ user, ctx, formData }) => {
  const created = await createVoucherBatch(salesCtx(ctx, user), await salesEventId(ctx), {
    ...terms(formData),
    ...formValues(formData, ['prefix', 'count']),
  });
  const prefix = created[0]!.code.slice(0, created[0]!.code.lastIndexOf('-') + 1);
  redirect(`/admin/vouchers?q=${encodeURIComponent(prefix)}&created=${created.length}`);
});

export const updateVoucherAction = adminAction('sales.manage', async ({ user, ctx, formData }) => {
  const voucher = await updateVoucher(salesCtx(ctx, user), await salesEventId(ctx), idOf(formData), terms(formData));
  refresh();
  return `Saved the voucher ${voucher.code}.`;
});

export const endVoucherAction = adminAction('sales.manage', async ({ user, ctx, formData }) => {
  const voucher = await endVoucher(salesCtx(ctx, user), await salesEventId(ctx), idOf(formData));
  refresh();
  return `The voucher ${voucher.code} has ended; new orders can no longer use it.`;
});
