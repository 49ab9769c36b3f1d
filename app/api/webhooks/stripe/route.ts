// POST /api/webhooks/stripe: Stripe's events (and the local demo checkout's, signed the same way).
// lib/payments/webhook answers 400 for a bad signature, 2xx for an applied or duplicate event and 5xx only when
// a redelivery can help. No answer ever carries a stack or a database message.
import { getContext } from '@/app/_lib/context';
import { webhookRoute } from '@/app/_lib/webhook';
import { receivePaymentWebhook } from '@/lib/payments/webhook';

export const POST = webhookRoute('stripe', (raw, request) =>
  receivePaymentWebhook(getContext(), raw, request.headers.get('stripe-signature')),
);
