'use server';
// "Pay now": starts (or resumes) the order's checkout and sends the buyer to it. Errors come back to the form:
// a provider outage as a "try again in a moment" message; the retry reuses the same idempotency key.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { publicAction } from '@/app/_lib/public-action';
import { getRequestContext } from '@/app/_lib/request-context';
import { startCheckout } from '@/lib/payments/start-checkout';

export interface PayNowState {
  seq: number;
  error?: string;
}

const payNowSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

export async function startCheckoutAction(previous: PayNowState, formData: FormData): Promise<PayNowState> {
  const seq = previous.seq + 1;
  const parsed = payNowSchema.safeParse({ token: formData.get('token') });
  if (!parsed.success) return { seq, error: 'This order link is not valid.' };
  return publicAction(
    'startCheckoutAction',
    'Something went wrong on our side and no payment was started. Please try again in a moment.',
    async () => {
      const { url } = await startCheckout(await getRequestContext(), parsed.data.token);
      redirect(url);
    },
    (failure) => ({ seq, error: failure.message }),
  );
}
