import { describe, expect, it } from 'vitest';
import {
  EMAIL_KINDS,
  emailSubject,
  eventLabel,
  GENERIC_SUBJECT,
  headerSafe,
  type EmailKind,
} from '@/lib/email/subjects';
import { renderEmailTemplate, type EmailTemplate, type TicketCard } from '@/lib/email/templates';

// Words that must never reach an inbox list (subject, preview) or the emails' own wording.
const SENSITIVE =
  /addiction|recovery|relapse|rehab|substance|alcohol|drug|sobriety|sober|overdose|glutamate|scholarship|sponsored|clinician|community rate/i;
// The internal label of the ticket type the samples use; only its public label may appear.
const INTERNAL_LABEL = 'Scholarship (sponsored)';
const QR = 'https://reg.example.org/tickets/ticket-token-abcdefghijklmnop/qr.png';

const event = { dates: 'Thursday 28 March 2030 – Saturday 30 March 2030', venue: 'Harbour Hall, Quay 1, Amsterdam' };
const ticket = (name: string, extra: Partial<TicketCard> = {}): TicketCard => ({
  attendeeName: name,
  label: 'Conference pass (3 days)',
  day: null,
  online: false,
  qr: { src: QR, alt: `QR code for the ticket of ${name}` },
  workshops: [{ title: 'Hands-on session A', when: 'Thursday 28 March 2030, 09:00–10:30 CET', where: 'Studio' }],
  ...extra,
});

/** One sample per kind, and the facts its text part must carry. */
const samples: Record<EmailKind, { template: EmailTemplate; facts: string[]; qrAlts?: string[] }> = {
  order_confirmation: {
    template: {
      kind: 'order_confirmation',
      props: {
        eventName: null,
        buyerName: 'Robin Buyer',
        reference: 'IAC-7K2M9QXD',
        event,
        tickets: [ticket('Ana Attendee'), ticket('Ben Online', { online: true, qr: null, workshops: [] })],
        total: '€390.00',
        manageUrl: 'https://reg.example.org/orders/manage-token-abcdefghijklmnop',
        calendarUrl: 'https://reg.example.org/orders/manage-token-abcdefghijklmnop/calendar.ics',
      },
    },
    facts: [
      'https://reg.example.org/orders/manage-token-abcdefghijklmnop/calendar.ics',
      'Robin Buyer',
      'IAC-7K2M9QXD',
      '€390.00',
      'Ana Attendee',
      'Ben Online',
      'Conference pass (3 days)',
      'Hands-on session A',
      '09:00–10:30 CET',
      'Harbour Hall',
      'https://reg.example.org/orders/manage-token-abcdefghijklmnop',
      'Thursday 28 March 2030',
    ],
    qrAlts: ['QR code for the ticket of Ana Attendee'],
  },
  ticket: {
    template: {
      kind: 'ticket',
      props: {
        eventName: null,
        reference: 'IAC-7K2M9QXD',
        event,
        ticket: ticket('Ana Attendee', { day: 'Friday 29 March 2030' }),
        calendarUrl: 'https://reg.example.org/tickets/tt/calendar.ics',
        pageUrl: 'https://reg.example.org/tickets/page-token',
      },
    },
    facts: [
      'https://reg.example.org/tickets/tt/calendar.ics',
      'https://reg.example.org/tickets/page-token',
      'Ana Attendee',
      'IAC-7K2M9QXD',
      'Conference pass (3 days)',
      'Friday 29 March 2030',
      'Hands-on session A',
      'Harbour Hall',
    ],
    qrAlts: ['QR code for the ticket of Ana Attendee'],
  },
  payment_receipt: {
    template: {
      kind: 'payment_receipt',
      props: {
        eventName: null,
        buyerName: 'Robin Buyer',
        reference: 'IAC-7K2M9QXD',
        paidAt: 'Thursday 10 January 2030, 11:00 CET',
        paymentReference: 'pi_123',
        lines: [
          { label: 'Conference pass (3 days)', amount: '€300.00' },
          { label: 'Online pass', amount: '€90.00' },
        ],
        discount: '−€30.00',
        total: '€360.00',
        receiptUrl: 'https://reg.example.org/orders/tok/receipt',
      },
    },
    facts: [
      'IAC-7K2M9QXD',
      'pi_123',
      '€300.00',
      '€90.00',
      '−€30.00',
      '€360.00',
      'Thursday 10 January 2030',
      'https://reg.example.org/orders/tok/receipt',
    ],
  },
  payment_failed: {
    template: {
      kind: 'payment_failed',
      props: {
        eventName: null,
        reference: 'IAC-7K2M9QXD',
        holdUntil: 'Thursday 10 January 2030, 11:15 CET',
        retryUrl: 'https://reg.example.org/orders/tok',
      },
    },
    facts: ['IAC-7K2M9QXD', '11:15 CET', 'https://reg.example.org/orders/tok', 'nothing has been charged'],
  },
  hold_expired: {
    template: {
      kind: 'hold_expired',
      props: { eventName: null, reference: 'IAC-7K2M9QXD', registerUrl: 'https://reg.example.org/register' },
    },
    facts: ['IAC-7K2M9QXD', 'released', 'Nothing was charged', 'https://reg.example.org/register'],
  },
  refund: {
    template: {
      kind: 'refund',
      props: {
        eventName: null,
        reference: 'IAC-7K2M9QXD',
        amount: '€100.00',
        totalRefunded: '€150.00',
        fullyRefunded: false,
        orderUrl: 'https://reg.example.org/orders/tok',
      },
    },
    facts: ['IAC-7K2M9QXD', '€100.00', '€150.00', 'https://reg.example.org/orders/tok'],
  },
  cancellation: {
    template: {
      kind: 'cancellation',
      props: {
        eventName: null,
        reference: 'IAC-7K2M9QXD',
        wasPaid: true,
        registerUrl: 'https://reg.example.org/register',
      },
    },
    facts: ['IAC-7K2M9QXD', 'cancelled', 'separate email', 'https://reg.example.org/register'],
  },
  order_access: {
    template: {
      kind: 'order_access',
      props: {
        eventName: null,
        validFor: '24 hours',
        findUrl: 'https://reg.example.org/find-registration',
        orders: [
          { reference: 'IAC-7K2M9QXD', url: 'https://reg.example.org/orders/fresh-token', status: 'Registered' },
        ],
      },
    },
    facts: [
      'IAC-7K2M9QXD',
      'https://reg.example.org/orders/fresh-token',
      '24 hours',
      'https://reg.example.org/find-registration',
      'Registered',
    ],
  },
  ticket_transferred: {
    template: {
      kind: 'ticket_transferred',
      props: { eventName: null, reference: 'IAC-7K2M9QXD', label: 'Conference pass (3 days)' },
    },
    facts: ['IAC-7K2M9QXD', 'Conference pass (3 days)', 'no longer works'],
  },
  staff_invitation: {
    template: {
      kind: 'staff_invitation',
      props: {
        eventName: null,
        role: 'Check-in staff',
        url: 'https://reg.example.org/setup/invite-token',
        expires: 'Sunday 29 November 2026, 16:00 UTC',
      },
    },
    facts: ['Check-in staff', 'https://reg.example.org/setup/invite-token', '29 November 2026', 'works once'],
  },
  access_update: {
    template: {
      kind: 'access_update',
      props: { eventName: null, pageUrl: 'https://reg.example.org/tickets/page-token' },
    },
    facts: ['https://reg.example.org/tickets/page-token', 'update about your registration', 'does not say more'],
  },
  waitlist_offer: {
    template: {
      kind: 'waitlist_offer',
      props: {
        eventName: null,
        offeredFor: 'Conference pass (3 days)',
        deadline: 'Saturday 12 January 2030, 10:00 CET',
        offerUrl: 'https://reg.example.org/register?offer=tok',
      },
    },
    facts: [
      'Conference pass (3 days)',
      'Saturday 12 January 2030, 10:00 CET',
      'https://reg.example.org/register?offer=tok',
    ],
  },
  waitlist_confirm: {
    template: {
      kind: 'waitlist_confirm',
      props: {
        eventName: null,
        requestedFor: 'Conference pass (3 days)',
        confirmBy: 'Friday 11 January 2030, 10:00 CET',
        confirmUrl: 'https://reg.example.org/register/waitlist/confirm/tok',
      },
    },
    facts: [
      'Conference pass (3 days)',
      'Friday 11 January 2030, 10:00 CET',
      'https://reg.example.org/register/waitlist/confirm/tok',
      'ignore this email',
    ],
  },
  late_payment_refunded: {
    template: {
      kind: 'late_payment_refunded',
      props: {
        eventName: null,
        reference: 'IAC-7K2M9QXD',
        amount: '€300.00',
        reason: 'seats_gone',
        registerUrl: 'https://reg.example.org/register',
      },
    },
    facts: ['IAC-7K2M9QXD', '€300.00', 'refunded', 'https://reg.example.org/register'],
  },
  reminder: {
    template: {
      kind: 'reminder',
      props: {
        eventName: null,
        reference: 'IAC-7K2M9QXD',
        event,
        tickets: [ticket('Ana Attendee')],
        manageUrl: 'https://reg.example.org/orders/tok',
      },
    },
    facts: [
      'starts soon',
      'Thursday 28 March 2030',
      'Harbour Hall',
      'Ana Attendee',
      'IAC-7K2M9QXD',
      'https://reg.example.org/orders/tok',
    ],
    qrAlts: ['QR code for the ticket of Ana Attendee'],
  },
};

/** The inbox preview (pre-header) is the first hidden block of the HTML. */
function previewOf(html: string): string {
  const m = /<div style="display:none[^"]*"[^>]*>([^<]*)/.exec(html);
  return m?.[1] ?? '';
}

describe('email subjects', () => {
  it('has a neutral subject for every kind, free of sensitive words', () => {
    for (const kind of EMAIL_KINDS) {
      const subject = emailSubject(kind);
      expect(subject, kind).not.toMatch(SENSITIVE);
      expect(subject, kind).not.toContain(INTERNAL_LABEL);
      expect(subject.length, kind).toBeGreaterThan(5);
    }
    expect(emailSubject('order_confirmation')).toBe('Your registration is confirmed');
    expect(emailSubject('reminder')).toBe('Reminder: your conference starts soon');
  });

  it('falls back to the generic subject for a kind it does not know', () => {
    expect(emailSubject('something_new')).toBe(GENERIC_SUBJECT);
  });

  it('names the conference only when the event opted in', () => {
    const opted = { name: 'Integrative Addiction Conference', nameInEmailSubjects: true };
    expect(eventLabel({ ...opted, nameInEmailSubjects: false })).toBeNull();
    expect(
      emailSubject('order_confirmation', { eventName: eventLabel({ ...opted, nameInEmailSubjects: false }) }),
    ).toBe('Your registration is confirmed');
    expect(emailSubject('order_confirmation', { eventName: eventLabel(opted) })).toBe(
      'Your registration is confirmed – Integrative Addiction Conference',
    );
  });

  it('keeps a subject to one line whatever the event is called (no header injection)', () => {
    const subject = emailSubject('ticket', { eventName: 'Conf\r\nBcc: someone@example.org' });
    expect(subject).not.toMatch(/[\r\n]/);
    expect(headerSafe('a\u0000b\tc\u2028d')).toBe('a b c d');
    expect(headerSafe('x'.repeat(300), 20)).toHaveLength(20);
  });
});

describe('email templates', () => {
  for (const kind of EMAIL_KINDS) {
    describe(kind, () => {
      const sample = samples[kind];

      it('renders an HTML part with a language and a text part with the key facts', async () => {
        const { html, text } = await renderEmailTemplate(sample.template);
        expect(html).toMatch(/<html[^>]*\slang="en"/);
        expect(text.trim().length).toBeGreaterThan(50);
        expect(text).not.toMatch(/<[a-z][^>]*>/i);
        for (const fact of sample.facts) expect(text, fact).toContain(fact);
      });

      it('says nothing sensitive in its own words, preview or text, and never an internal label', async () => {
        const { html, text } = await renderEmailTemplate(sample.template);
        expect(text).not.toMatch(SENSITIVE);
        expect(html).not.toMatch(SENSITIVE);
        expect(previewOf(html).trim().length).toBeGreaterThan(5);
        expect(previewOf(html)).not.toMatch(SENSITIVE);
        expect(html).not.toContain(INTERNAL_LABEL);
        expect(text).not.toContain(INTERNAL_LABEL);
      });

      if (sample.qrAlts) {
        it('shows each in-person ticket as a QR image with alternative text, and no image in the text part', async () => {
          const { html, text } = await renderEmailTemplate(sample.template);
          for (const alt of sample.qrAlts!) expect(html).toContain(`alt="${alt}"`);
          expect(html).toContain(QR);
          expect(text).not.toContain('data:image');
        });
      }
    });
  }

  it('refers to "the conference" by default and to the event by name once it opted in', async () => {
    const base = samples.cancellation.template as Extract<EmailTemplate, { kind: 'cancellation' }>;
    const discreet = await renderEmailTemplate(base);
    expect(discreet.text).toContain('for the conference');
    const named = await renderEmailTemplate({
      ...base,
      props: { ...base.props, eventName: 'Integrative Addiction Conference' },
    });
    expect(named.text).toContain('Integrative Addiction Conference');
  });

  it('shows no QR code for an online ticket', async () => {
    const { html } = await renderEmailTemplate({
      kind: 'ticket',
      props: {
        eventName: null,
        reference: 'R-1',
        event,
        ticket: ticket('Ben Online', { online: true, qr: null }),
        calendarUrl: null,
        pageUrl: 'https://x.example/tickets/p',
      },
    });
    expect(html).not.toContain('<img');
    expect(html).toContain('Online');
  });

  it('explains a refunded second payment without inviting the buyer to register again', async () => {
    const { text } = await renderEmailTemplate({
      kind: 'late_payment_refunded',
      props: {
        eventName: null,
        reference: 'R-1',
        amount: '€10.00',
        reason: 'duplicate',
        registerUrl: 'https://x.example/register',
      },
    });
    expect(text).toContain('already paid');
    expect(text).toContain('unchanged');
    expect(text).not.toContain('https://x.example/register');
  });
});
