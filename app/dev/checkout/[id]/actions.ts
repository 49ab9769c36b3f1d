'use server';
// The test checkout's one action: records what the buyer pressed, delivers the signed event to our own webhook
// route exactly as Stripe would (so the demo runs the real payment path), then goes where Stripe would send the
// buyer. If the delivery fails, the page says so; pressing again resends the same event.
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { getRequestContext } from '@/app/_lib/request-context';
import { isDomainError } from '@/lib/errors';
import { LOCAL_OUTCOMES, localCheckoutEvent } from '@/lib/payments/local-checkout';

const localCheckoutSchema = z.object({
  id: z.string().regex(/^cs_local_[a-f0-9]{24}$/),
  outcome: z.enum(LOCAL_OUTCOMES),
});

export async function localCheckoutAction(formData: FormData): Promise<void> {
  const parsed = localCheckoutSchema.safeParse({ id: formData.get('id'), outcome: formData.get('outcome') });
  if (!parsed.success) notFound();
  const { id, outcome } = parsed.data;
  const ctx = await getRequestContext();
  let event;
  try {
    event = await localCheckoutEvent(ctx, id, outcome);
  } catch (error) {
    if (isDomainError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  let delivered = false;
  try {
    const response = await fetch(`${ctx.config.APP_URL.replace(/\/+$/, '')}/api/webhooks/stripe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': event.signatureHeader },
      body: event.rawBody,
      cache: 'no-store',
      signal: AbortSignal.timeout(15_000),
    });
    delivered = response.ok;
    if (!delivered) console.error(`local checkout: the webhook answered ${response.status}`);
  } catch (error) {
    console.error(
      `local checkout: the webhook could not be reached (${error instanceof Error ? error.name : 'unknown'})`,
    );
  }
  redirect(delivered ? event.redirectTo : `/dev/checkout/${id}?delivery=failed`);
}
