'use server';
// The registration form's one action. "Review order" prices the order on the server (nothing is booked);
// "Confirm" books exactly what was reviewed through createOrder, or goes back to the review if anything changed.
import { createHash } from 'node:crypto';
import { redirect } from 'next/navigation';
import { publicAction, submittedValues } from '@/app/_lib/public-action';
import { getClientKey, getRequestContext } from '@/app/_lib/request-context';
import { DomainError } from '@/lib/errors';
import { formatMoney } from '@/lib/money';
import { createOrder } from '@/lib/orders/create-order';
import { getEventBySlug } from '@/lib/programme/queries';
import { registrationFromForm } from '@/app/_lib/registration-form';
import { checkboxQuestionKeys, quoteOrder, type Quote } from '@/lib/orders/quote';
import type { QuoteView, RegistrationFormState } from '../_lib/form-state';
import { GENERIC_ERROR, registrationErrorState } from '../_lib/map-error';

/** The form's values given back with the answer: every field but the button and the review's fingerprint. */
const VALUES = { skip: ['intent', 'fingerprint'], maxFields: 600 } as const;

function quoteView(q: Quote): QuoteView {
  const money = (amount: number) => formatMoney(amount, q.currency);
  return {
    lines: q.lines.map((l) => ({
      label: l.label,
      badgeName: l.badgeName,
      price: money(l.price),
      discount: l.discount ? money(l.discount) : null,
      workshops: l.workshops.map((w) => ({
        title: w.title,
        startsAt: w.startsAt.toISOString(),
        endsAt: w.endsAt.toISOString(),
      })),
    })),
    subtotal: money(q.subtotal),
    discount: q.discount ? money(q.discount) : null,
    total: money(q.total),
    isFree: q.total === 0,
    voucherCode: q.voucherCode,
    holdMinutes: q.holdMinutes,
  };
}

/** What the person reviewed: the request and its price. Not a secret; createOrder reprices anyway. */
function fingerprintOf(input: unknown, quote: Quote): string {
  return createHash('sha256')
    .update(JSON.stringify({ input, total: quote.total, lines: quote.lines.map((l) => [l.price, l.discount]) }))
    .digest('base64url');
}

export async function registerAttendeesAction(
  previous: RegistrationFormState,
  formData: FormData,
): Promise<RegistrationFormState> {
  const intent = formData.get('intent') === 'confirm' ? 'confirm' : 'review';
  const values = submittedValues(formData, VALUES);
  const base: RegistrationFormState = { seq: previous.seq + 1, values, fieldErrors: {} };
  return publicAction(
    'registerAttendeesAction',
    GENERIC_ERROR,
    async () => {
      const ctx = await getRequestContext();
      const event = await getEventBySlug(ctx, ctx.config.EVENT_SLUG);
      if (!event) throw new DomainError('NOT_FOUND', 'Registration is not open.');
      const typeIds = [...formData.keys()]
        .filter((k) => /^attendees\.\d{1,2}\.ticketTypeId$/.test(k))
        .map((k) => String(formData.get(k)));
      const checkboxes = await checkboxQuestionKeys(ctx, event.id, typeIds);
      const input = registrationFromForm(formData, (id) => checkboxes.get(id) ?? new Set());
      const clientKey = await getClientKey();
      const quote = await quoteOrder(ctx, event, input, { clientKey });
      const fingerprint = fingerprintOf(input, quote);
      if (intent === 'review' || formData.get('fingerprint') !== fingerprint) {
        const notice =
          intent === 'confirm'
            ? 'Something changed since your review, so nothing was booked yet. Check the updated summary and confirm again.'
            : undefined;
        return { ...base, quote: quoteView(quote), fingerprint, notice };
      }
      const { accessToken } = await createOrder(ctx, event.id, input, { clientKey });
      redirect(`/orders/${accessToken}`);
    },
    (failure) => ({ ...base, ...registrationErrorState(failure, values) }),
  );
}
