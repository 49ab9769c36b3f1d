// POST /api/webhooks/stripe: Stripe's events (and the local demo checkout's, signed the same way). The raw body is
// read first and verified as is; lib/payments/webhook answers 400 for a bad signature, 2xx for an applied or
// duplicate event and 5xx only when a redelivery can help. No answer ever carries a stack or a database message.
import { getContext } from '@/app/_lib/context';
import { receivePaymentWebhook } from '@/lib/payments/webhook';

// Stripe's events are a few kilobytes; anything far larger is not one.
const MAX_BODY_CHARS = 1_000_000;
const headers = { 'Cache-Control': 'no-store' };

export async function POST(request: Request) {
  let raw: string;
  try {
    raw = await request.text();
  } catch {
    return Response.json({ error: 'unreadable body' }, { status: 400, headers });
  }
  if (raw.length > MAX_BODY_CHARS) return Response.json({ error: 'body too large' }, { status: 413, headers });
  try {
    const { status, body } = await receivePaymentWebhook(getContext(), raw, request.headers.get('stripe-signature'));
    return Response.json(body, { status, headers });
  } catch (error) {
    // Configuration or database unavailable before the event could be read: ask Stripe to redeliver.
    console.error(`stripe webhook failed (${error instanceof Error ? error.name : 'unknown'})`);
    return Response.json({ error: 'temporarily unavailable, retry later' }, { status: 503, headers });
  }
}
