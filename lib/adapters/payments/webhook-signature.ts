// The one webhook verification path, shared by the Stripe and the local demo gateway: Stripe's own signature
// check over the raw body with a 300-second tolerance, measured against the gateway's clock.
import Stripe from 'stripe';
import { mapStripeEvent } from './stripe-events';
import { InvalidWebhookError, type PaymentEvent } from './types';

export const WEBHOOK_TOLERANCE_SECONDS = 300;

export function verifyStripeWebhook(
  rawBody: string,
  signatureHeader: string | null,
  secret: string,
  now: Date,
): PaymentEvent {
  if (!signatureHeader) throw new InvalidWebhookError('The Stripe-Signature header is missing.');
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(
      rawBody,
      signatureHeader,
      secret,
      WEBHOOK_TOLERANCE_SECONDS,
      undefined,
      now.getTime(),
    );
  } catch (error) {
    // Stripe's messages are fixed texts (no payload), so they are safe to pass on for the log.
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'unreadable';
    throw new InvalidWebhookError(`The webhook did not verify: ${reason}`);
  }
  if (!event || typeof event !== 'object' || typeof event.id !== 'string' || typeof event.type !== 'string') {
    throw new InvalidWebhookError('The webhook body is not a Stripe event.');
  }
  try {
    return mapStripeEvent(event);
  } catch {
    throw new InvalidWebhookError('The webhook body is not a well-formed Stripe event.');
  }
}

/** A Stripe-Signature header for a body, as Stripe would send it at `at` (the local demo and tests). */
export function signStripeWebhook(payload: string, secret: string, at: Date): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: Math.floor(at.getTime() / 1000) });
}
