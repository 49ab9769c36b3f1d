import { describe, expect, it } from 'vitest';
import { emailKeys, paidOrderEmails, reminderSendAfter } from '@/lib/outbox/triggers';

const now = new Date('2030-01-10T10:00:00Z');
const event = { startsOn: '2030-03-28', timezone: 'Europe/Amsterdam' };
const order = { id: 'o1', buyerEmail: 'Robin@Example.org', total: 39000 };

describe('paidOrderEmails', () => {
  it('queues the confirmation, the receipt, a ticket email per attendee with another address, and the reminder', () => {
    const emails = paidOrderEmails({
      order,
      event,
      now,
      reminderHours: 48,
      tickets: [
        { id: 't1', email: 'robin@example.org' },
        { id: 't2', email: 'ana@example.org' },
        { id: 't3', email: 'ROBIN@example.org ' },
      ],
    });
    expect(emails.map((e) => [e.kind, e.to, e.idempotencyKey])).toEqual([
      ['order_confirmation', 'robin@example.org', 'order_confirmation:o1'],
      ['payment_receipt', 'robin@example.org', 'payment_receipt:o1'],
      ['ticket', 'ana@example.org', 'ticket:t2'],
      ['reminder', 'robin@example.org', 'reminder:o1'],
    ]);
    expect(emails.find((e) => e.kind === 'ticket')).toMatchObject({ orderId: 'o1', ticketId: 't2' });
    expect(emails.find((e) => e.kind === 'reminder')?.sendAfter).toEqual(new Date('2030-03-25T23:00:00Z'));
  });

  it('sends no receipt for a free order', () => {
    const kinds = paidOrderEmails({ order: { ...order, total: 0 }, event, now, reminderHours: 48, tickets: [] }).map(
      (e) => e.kind,
    );
    expect(kinds).toEqual(['order_confirmation', 'reminder']);
  });

  it('queues no reminder once its time has passed', () => {
    const late = new Date('2030-03-27T12:00:00Z');
    const kinds = paidOrderEmails({ order, event, now: late, reminderHours: 48, tickets: [] }).map((e) => e.kind);
    expect(kinds).toEqual(['order_confirmation', 'payment_receipt']);
  });

  it('carries no names or other personal data in params', () => {
    for (const e of paidOrderEmails({
      order,
      event,
      now,
      reminderHours: 48,
      tickets: [{ id: 't2', email: 'ana@example.org' }],
    })) {
      expect(e.params ?? {}).toEqual({});
    }
  });
});

describe('reminderSendAfter', () => {
  it('counts back from midnight of the first day in the event timezone', () => {
    expect(reminderSendAfter(event, 48)).toEqual(new Date('2030-03-25T23:00:00Z'));
    expect(reminderSendAfter({ startsOn: '2030-07-01', timezone: 'Europe/Amsterdam' }, 24)).toEqual(
      new Date('2030-06-29T22:00:00Z'),
    );
  });
});

describe('emailKeys', () => {
  it('names each change once', () => {
    expect(emailKeys.waitlistOffer('e1', now)).toBe('waitlist_offer:e1:2030-01-10T10:00:00.000Z');
    expect(emailKeys.paymentFailed('o1', 'cs_1')).toBe('payment_failed:o1:cs_1');
    expect(emailKeys.latePaymentRefunded('o1', 'pi_1')).toBe('late_payment_refunded:o1:pi_1');
  });
});
