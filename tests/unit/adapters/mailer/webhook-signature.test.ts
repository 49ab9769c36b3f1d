import { describe, expect, it } from 'vitest';
import { parseResendWebhook } from '@/lib/adapters/mailer/resend-events';
import { signEmailWebhook, verifyEmailWebhook } from '@/lib/adapters/mailer/webhook-signature';

const secret = `whsec_${Buffer.from('a test signing secret, 24+ bytes').toString('base64')}`;
const now = new Date('2030-01-01T10:00:00Z');
const body = JSON.stringify({
  type: 'email.bounced',
  data: { email_id: 'em_1', to: ['Ana <Ana@Example.org>'], tags: { message_id: 'm-1' } },
});
const headersOf = (h: Record<string, string>) => ({
  id: h['svix-id'] ?? null,
  timestamp: h['svix-timestamp'] ?? null,
  signature: h['svix-signature'] ?? null,
});

describe('Svix webhook signatures', () => {
  it('accepts what it signed, with any of several signatures (secret rotation)', () => {
    const h = signEmailWebhook(body, secret, 'msg_1', now);
    expect(() => verifyEmailWebhook(body, headersOf(h), secret, now)).not.toThrow();
    const rotated = { ...h, 'svix-signature': `v1,bm90IGl0 ${h['svix-signature']}` };
    expect(() => verifyEmailWebhook(body, headersOf(rotated), secret, now)).not.toThrow();
  });

  it('refuses another body, another id, another secret, a missing header, an unknown version and a stale timestamp', () => {
    const h = signEmailWebhook(body, secret, 'msg_1', now);
    expect(() => verifyEmailWebhook(`${body} `, headersOf(h), secret, now)).toThrow(/No signature/);
    expect(() => verifyEmailWebhook(body, { ...headersOf(h), id: 'msg_2' }, secret, now)).toThrow(/No signature/);
    expect(() =>
      verifyEmailWebhook(body, headersOf(h), `whsec_${Buffer.from('other').toString('base64')}`, now),
    ).toThrow(/No signature/);
    expect(() => verifyEmailWebhook(body, { ...headersOf(h), signature: null }, secret, now)).toThrow(/missing/);
    expect(() =>
      verifyEmailWebhook(body, { ...headersOf(h), signature: h['svix-signature'].replace('v1,', 'v2,') }, secret, now),
    ).toThrow(/No signature/);
    expect(() => verifyEmailWebhook(body, headersOf(h), secret, new Date(now.getTime() + 301_000))).toThrow(
      /tolerance/,
    );
  });

  it('maps a Resend event to a delivery event with bare, lower-cased recipients', () => {
    const h = signEmailWebhook(body, secret, 'msg_1', now);
    expect(parseResendWebhook(body, headersOf(h), secret, now)).toEqual({
      id: 'msg_1',
      type: 'bounced',
      providerMessageId: 'em_1',
      recipients: ['ana@example.org'],
      messageId: 'm-1',
    });
  });
});
