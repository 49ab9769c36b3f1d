// POST /api/webhooks/resend: Resend's delivery events (Svix-signed). The raw body is read first and verified as
// is; lib/email/delivery answers 400 for a bad signature (nothing written), 200 for an applied or repeated event,
// 404 while no signing secret is configured, and 5xx only when a redelivery can help.
import { getContext } from '@/app/_lib/context';
import { webhookHeadersFrom } from '@/lib/adapters/mailer/webhook-signature';
import { receiveDeliveryWebhook } from '@/lib/email/delivery';

// Resend's events are a few kilobytes; anything far larger is not one.
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
    const { status, body } = await receiveDeliveryWebhook(getContext(), raw, webhookHeadersFrom((name) => request.headers.get(name)));
    return Response.json(body, { status, headers });
  } catch (error) {
    console.error(`resend webhook failed (${error instanceof Error ? error.name : 'unknown'})`);
    return Response.json({ error: 'temporarily unavailable, retry later' }, { status: 503, headers });
  }
}
