// The pure parts of joining a waiting list: what the form may send, the confirmation email's key and link.
import { describe, expect, it } from 'vitest';
import { urls } from '@/lib/links/secret-links';
import { joinWaitlistSchema, waitlistConfirmKey } from '@/lib/waitlist/join';

const ID = '0b7a4c1e-2f3d-4e5f-8a9b-0c1d2e3f4a5b';

describe('joinWaitlistSchema', () => {
  it('takes a name, an address and exactly one of a ticket type and a workshop', () => {
    expect(joinWaitlistSchema.safeParse({ name: 'Dana', email: 'Dana@Example.org', ticketTypeId: ID }).success).toBe(
      true,
    );
    expect(joinWaitlistSchema.safeParse({ name: 'Dana', email: 'dana@example.org', sessionId: ID }).success).toBe(true);
    for (const target of [{}, { ticketTypeId: ID, sessionId: ID }, { ticketTypeId: 'not-a-uuid' }]) {
      expect(
        joinWaitlistSchema.safeParse({ name: 'Dana', email: 'dana@example.org', ...target }).success,
        JSON.stringify(target),
      ).toBe(false);
    }
  });

  it('refuses unknown fields, so nobody can set a status or a confirmation time', () => {
    for (const extra of [{ status: 'offered' }, { confirmedAt: '2030-01-01' }, { clientKey: 'x' }]) {
      expect(
        joinWaitlistSchema.safeParse({ name: 'Dana', email: 'dana@example.org', ticketTypeId: ID, ...extra }).success,
        JSON.stringify(extra),
      ).toBe(false);
    }
  });

  it('refuses a bad address and an empty name', () => {
    expect(joinWaitlistSchema.safeParse({ name: 'Dana', email: 'dana@', ticketTypeId: ID }).success).toBe(false);
    expect(joinWaitlistSchema.safeParse({ name: '  ', email: 'dana@example.org', ticketTypeId: ID }).success).toBe(
      false,
    );
  });
});

describe('confirmation email', () => {
  it('is keyed per entry and request, so asking again queues a new email but a replay does not', () => {
    const at = new Date('2030-01-10T10:00:00Z');
    expect(waitlistConfirmKey(ID, at)).toBe(`waitlist_confirm:${ID}:2030-01-10T10:00:00.000Z`);
    expect(waitlistConfirmKey(ID, new Date(at.getTime() + 1))).not.toBe(waitlistConfirmKey(ID, at));
  });

  it('links to the confirmation page under the site address', () => {
    expect(urls.waitlistConfirm('https://reg.example.org/', 'abc_DEF-123')).toBe(
      'https://reg.example.org/register/waitlist/confirm/abc_DEF-123',
    );
  });
});
