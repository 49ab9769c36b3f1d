// POST /api/webhooks/resend: Resend's delivery events (Svix-signed). lib/email/delivery answers 400 for a bad
// signature (nothing written), 200 for an applied or repeated event, 404 while no signing secret is configured,
// and 5xx only when a redelivery can help.
import { getContext } from '@/app/_lib/context';
import { webhookRoute } from '@/app/_lib/webhook';
import { webhookHeadersFrom } from '@/lib/adapters/mailer/webhook-signature';
import { receiveDeliveryWebhook } from '@/lib/email/delivery';

export const POST = webhookRoute('resend', (raw, request) =>
  receiveDeliveryWebhook(
    getContext(),
    raw,
    webhookHeadersFrom((name) => request.headers.get(name)),
  ),
);
