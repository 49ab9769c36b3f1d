// The payment webhook as plain input and output: verify the signature over the raw body (400, nothing written,
// when it fails), apply the event once, and answer 5xx only when a retry can help, so the provider redelivers.
// The body never carries a stack trace or a database message.
import { isTransientDbError, pgErrorCode } from '@/db/errors';
import { InvalidWebhookError, type PaymentEvent } from '../adapters/payments/types';
import { isDomainError } from '../errors';
import type { PaymentsCtx } from '../context';
import { handlePaymentEvent } from './handle-payment-event';

export interface WebhookAnswer {
  status: number;
  body: Record<string, unknown>;
}

export function isRetryableWebhookError(error: unknown): boolean {
  if (isDomainError(error)) return error.code === 'BUSY' || error.code === 'PAYMENT_UNAVAILABLE';
  // Lock and serialization failures, a database that is restarting, full or unreachable.
  return isTransientDbError(error);
}

export async function receivePaymentWebhook(
  ctx: PaymentsCtx,
  rawBody: string,
  signatureHeader: string | null,
): Promise<WebhookAnswer> {
  let event: PaymentEvent;
  try {
    event = ctx.payments.parseWebhook(rawBody, signatureHeader);
  } catch (error) {
    if (error instanceof InvalidWebhookError || (error as Error)?.name === 'InvalidWebhookError') {
      return { status: 400, body: { error: 'invalid signature' } };
    }
    console.error(`payment webhook could not be read (${(error as Error)?.name ?? 'unknown'})`);
    return { status: 500, body: { error: 'internal error' } };
  }
  if (event.type === 'ignored') return { status: 200, body: { received: true, ignored: true } };
  try {
    const { outcome } = await handlePaymentEvent(ctx, event);
    return { status: 200, body: { received: true, outcome } };
  } catch (error) {
    if (isRetryableWebhookError(error)) return { status: 503, body: { error: 'temporarily unavailable, retry later' } };
    const code = isDomainError(error) ? error.code : pgErrorCode(error);
    // The event id and a code only: messages can quote personal data from the row they failed on.
    console.error(`payment event ${event.id} failed (${(error as Error)?.name ?? 'unknown'}${code ? ` ${code}` : ''})`);
    return { status: 500, body: { error: 'internal error' } };
  }
}
