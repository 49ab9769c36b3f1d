// Resend signs its webhooks the Svix way: HMAC-SHA256 over `${id}.${timestamp}.${raw body}` with the secret's
// base64 part (after "whsec_"), sent as space-separated "v1,<base64>" entries in svix-signature (or
// webhook-signature, the Standard Webhooks names). A timestamp more than 5 minutes from our clock is refused, so a
// captured delivery cannot be replayed later.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidEmailWebhookError } from './types';

export const EMAIL_WEBHOOK_TOLERANCE_SECONDS = 300;

export interface WebhookHeaders {
  id: string | null;
  timestamp: string | null;
  signature: string | null;
}

function secretBytes(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
}

function sign(secret: string, id: string, timestamp: string, body: string): string {
  return createHmac('sha256', secretBytes(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
}

/** Throws InvalidEmailWebhookError unless one of the signatures matches and the timestamp is recent. */
export function verifyEmailWebhook(body: string, headers: WebhookHeaders, secret: string, now: Date): void {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature) throw new InvalidEmailWebhookError('A signature header is missing.');
  if (!/^\d{1,12}$/.test(timestamp)) throw new InvalidEmailWebhookError('The timestamp is malformed.');
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > EMAIL_WEBHOOK_TOLERANCE_SECONDS) {
    throw new InvalidEmailWebhookError('The timestamp is outside the tolerance.');
  }
  const expected = Buffer.from(sign(secret, id, timestamp, body));
  const matches = signature.split(' ').some((entry) => {
    const [version, value] = entry.split(',', 2);
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new InvalidEmailWebhookError('No signature matches.');
}

/** The headers Resend (Svix) would send with `body` at `at`: for the fake provider and tests. */
export function signEmailWebhook(
  body: string,
  secret: string,
  id: string,
  at: Date,
): { 'svix-id': string; 'svix-timestamp': string; 'svix-signature': string } {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return { 'svix-id': id, 'svix-timestamp': timestamp, 'svix-signature': `v1,${sign(secret, id, timestamp, body)}` };
}

/** Reads the signature headers from a request, under either naming. */
export function webhookHeadersFrom(get: (name: string) => string | null): WebhookHeaders {
  return {
    id: get('svix-id') ?? get('webhook-id'),
    timestamp: get('svix-timestamp') ?? get('webhook-timestamp'),
    signature: get('svix-signature') ?? get('webhook-signature'),
  };
}
