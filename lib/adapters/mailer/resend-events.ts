// Resend's webhook events mapped to DeliveryEvent: the Svix message id is the event id (the same on every
// redelivery), data.email_id the provider's message id, data.to the recipients. Anything else is 'ignored'.
import { InvalidEmailWebhookError, type DeliveryEvent } from './types';
import { verifyEmailWebhook, type WebhookHeaders } from './webhook-signature';

const TYPES: Record<string, DeliveryEvent['type']> = {
  'email.sent': 'sent',
  'email.delivered': 'delivered',
  'email.delivery_delayed': 'delivery_delayed',
  'email.bounced': 'bounced',
  'email.complained': 'complained',
  'email.failed': 'failed',
};

export function parseResendWebhook(body: string, headers: WebhookHeaders, secret: string, now: Date): DeliveryEvent {
  verifyEmailWebhook(body, headers, secret, now);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new InvalidEmailWebhookError('The webhook body is not JSON.');
  }
  if (!parsed || typeof parsed !== 'object' || typeof (parsed as { type?: unknown }).type !== 'string') {
    throw new InvalidEmailWebhookError('The webhook body is not a Resend event.');
  }
  const event = parsed as { type: string; data?: { email_id?: unknown; to?: unknown; tags?: unknown } };
  const data = event.data ?? {};
  const to = Array.isArray(data.to) ? data.to : typeof data.to === 'string' ? [data.to] : [];
  return {
    id: headers.id!,
    type: TYPES[event.type] ?? 'ignored',
    providerMessageId: typeof data.email_id === 'string' ? data.email_id : null,
    recipients: to.filter((a): a is string => typeof a === 'string').map((a) => bareAddress(a).toLowerCase()),
    messageId: tagValue(data.tags, 'message_id'),
  };
}

/** "Name <a@b>" -> "a@b". */
function bareAddress(address: string): string {
  const match = /<([^>]+)>\s*$/.exec(address);
  return (match?.[1] ?? address).trim();
}

/** Resend sends tags as an object ({ name: value }); older payloads as [{ name, value }]. */
function tagValue(tags: unknown, name: string): string | null {
  if (Array.isArray(tags)) {
    const found = tags.find((t) => t && typeof t === 'object' && (t as { name?: unknown }).name === name) as
      { value?: unknown } | undefined;
    return typeof found?.value === 'string' ? found.value : null;
  }
  if (tags && typeof tags === 'object') {
    const value = (tags as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : null;
  }
  return null;
}
