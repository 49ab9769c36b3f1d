'use client';
// Step 2: buyer and attendees, then a review priced on the server, then confirmation. One server action answers
// both buttons; without JavaScript the browser posts the form and the page comes back with the same state.
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useMemo, useRef } from 'react';
import { FieldError } from '@/app/_components/field-message';
import { ErrorSummary, type SummaryItem } from '../_lib/error-summary';
import {
  fieldId,
  initialRegistrationState,
  type RegistrationFormState,
  type SlotView,
  type WorkshopView,
} from '../_lib/form-state';
import { registerAttendeesAction } from './actions';
import { AttendeeFieldset, type FormValues } from './attendee-fieldset';
import { TextField } from './fields';
import { ReviewSummary } from './review-summary';
import { PrivacyNoticeLink } from '@/app/_components/privacy-link';

interface Props {
  slots: SlotView[];
  workshops: WorkshopView[];
  timeZone: string;
  voucherCode: string;
  offerToken: string;
  changeHref: string;
}

const FIELD_LABELS: Record<string, string> = {
  legalName: 'Full name',
  badgeName: 'Badge name',
  email: 'Email',
  pronouns: 'Pronouns',
  workshopIds: 'Workshops',
  directoryOptIn: 'Directory',
  photoPreference: 'Photos',
  ticketTypeId: 'Ticket',
};

function valueReader(values: Record<string, string[]>): FormValues {
  return {
    get: (name) => values[name]?.[0],
    all: (name) => values[name] ?? [],
    has: (name) => (values[name]?.length ?? 0) > 0,
  };
}

function summaryItems(state: RegistrationFormState, slots: SlotView[], rendered: Set<string>): SummaryItem[] {
  const items: SummaryItem[] = [];
  if (state.formError) items.push({ message: state.formError, href: null });
  for (const [key, messages] of Object.entries(state.fieldErrors)) {
    const m = /^attendees\.(\d+)\.(.+)$/.exec(key);
    let prefix =
      key === 'buyer.name'
        ? 'Billing name'
        : key === 'buyer.email'
          ? 'Billing email'
          : key === 'voucherCode'
            ? 'Voucher'
            : '';
    if (m) {
      const slot = slots[Number(m[1])];
      const field = m[2]!;
      const question = field.startsWith('answers.')
        ? slot?.questions.find((q) => `answers.${q.key}` === field)
        : undefined;
      prefix = `Attendee ${Number(m[1]) + 1}, ${question?.label ?? FIELD_LABELS[field] ?? 'details'}`;
    }
    const href = rendered.has(key) ? `#${fieldId(key)}` : key === 'attendees' ? '#attendees' : null;
    for (const message of messages) {
      items.push({ message: prefix && !message.startsWith(prefix) ? `${prefix}: ${message}` : message, href });
    }
  }
  return items;
}

export function RegistrationForm({ slots, workshops, timeZone, voucherCode, offerToken, changeHref }: Props) {
  const [state, formAction, pending] = useActionState(registerAttendeesAction, initialRegistrationState);
  const values = useMemo(() => valueReader(state.values), [state.values]);
  const errors = state.fieldErrors;
  const summaryRef = useRef<HTMLDivElement>(null);
  const reviewRef = useRef<HTMLHeadingElement>(null);

  const rendered = useMemo(() => {
    const names = new Set(['buyer.name', 'buyer.email']);
    if (voucherCode) names.add('voucherCode');
    if (offerToken) names.add('offerToken');
    slots.forEach((s, i) => {
      const at = `attendees.${i}`;
      for (const f of [
        'legalName',
        'badgeName',
        'email',
        'pronouns',
        'directoryOptIn',
        'photoPreference',
        'ticketTypeId',
      ])
        names.add(`${at}.${f}`);
      if (s.workshopIds.length) names.add(`${at}.workshopIds`);
      for (const q of s.questions) names.add(`${at}.answers.${q.key}`);
    });
    return names;
  }, [slots, voucherCode, offerToken]);
  // A sold-out answer has its own alert with the way out; the affected fields still carry their message.
  const summary = state.soldOut ? [] : summaryItems(state, slots, rendered);
  const soldOutFields = state.soldOut ? Object.keys(state.fieldErrors).filter((k) => rendered.has(k)) : [];
  const router = useRouter();

  useEffect(() => {
    // Only after an answer from the server: move focus to what the person needs to read next.
    if (state.seq === 0) return;
    if (state.soldOut) {
      document.getElementById('sold-out')?.focus();
      // Fetch fresh seat counts so what sold out shows as full (or is explained above the form).
      router.refresh();
    } else if (summaryRef.current) summaryRef.current.focus();
    else if (state.quote) reviewRef.current?.focus();
  }, [state, router]);

  return (
    <form
      key={state.seq}
      action={formAction}
      noValidate
      className="flex flex-col gap-6"
      aria-describedby="required-note"
    >
      <ErrorSummary ref={summaryRef} items={summary} />
      {state.soldOut && (
        <div
          id="sold-out"
          role="alert"
          tabIndex={-1}
          className="rounded-lg border-2 border-note-line bg-note px-4 py-3 text-note-ink outline-none"
        >
          <p className="font-semibold">{state.soldOut.message} Nothing was booked.</p>
          <ul className="mt-1 list-disc pl-5">
            {state.soldOut.waitlistHref && (
              <li>
                <a href={state.soldOut.waitlistHref} className="font-medium">
                  Join the waiting list
                </a>
              </li>
            )}
            {soldOutFields.map((k) => (
              <li key={k}>
                <a href={`#${fieldId(k)}`}>
                  Choose again for attendee {Number(/^attendees\.(\d+)\./.exec(k)?.[1] ?? 0) + 1}
                </a>
              </li>
            ))}
            {!soldOutFields.length && (
              <li>
                <a href={changeHref}>Choose other tickets</a>
              </li>
            )}
          </ul>
        </div>
      )}
      {state.notice && (
        <p
          role="status"
          className="rounded-lg border border-brand bg-brand-soft px-4 py-3 font-medium text-brand-strong"
        >
          {state.notice}
        </p>
      )}
      {state.quote && !summary.length && !state.soldOut && (
        <p className="rounded-lg border border-brand bg-brand-soft px-4 py-3">
          Price checked: <strong>{state.quote.total}</strong> in total.{' '}
          <a href="#review">Go to the summary to confirm</a>.
        </p>
      )}

      <p id="required-note" className="text-sm text-muted">
        Fields marked “required” must be filled in. Everything else is optional.
      </p>
      <input type="hidden" name="voucherCode" value={voucherCode} />
      <input type="hidden" name="offerToken" value={offerToken} />
      {state.fingerprint && <input type="hidden" name="fingerprint" value={state.fingerprint} />}

      {(voucherCode || offerToken) && (
        <div className="card flex flex-col gap-1 p-4">
          {voucherCode && (
            <div id="voucherCode" tabIndex={-1} className="outline-none">
              <p>
                Voucher <strong>{voucherCode}</strong> · <a href={changeHref}>Change</a>
              </p>
              <FieldError id="voucherCode-error" messages={errors.voucherCode} />
            </div>
          )}
          {offerToken && (
            <div id="offerToken" tabIndex={-1} className="outline-none">
              <p>You are using a waiting-list offer.</p>
              <FieldError id="offerToken-error" messages={errors.offerToken} />
            </div>
          )}
        </div>
      )}

      <fieldset className="card flex flex-col gap-4 p-4 sm:p-5">
        <legend className="float-left mb-1 w-full text-xl font-semibold">Billing contact</legend>
        <TextField
          name="buyer.name"
          label="Billing name"
          required
          maxLength={200}
          autoComplete="name"
          hint="The person or organisation paying, as it should appear on the receipt."
          defaultValue={values.get('buyer.name')}
          errors={errors['buyer.name']}
        />
        <TextField
          name="buyer.email"
          label="Billing email"
          type="email"
          required
          maxLength={254}
          autoComplete="email"
          hint="Where we send the order details and the receipt."
          defaultValue={values.get('buyer.email')}
          errors={errors['buyer.email']}
        />
      </fieldset>

      <section aria-labelledby="attendees" className="flex flex-col gap-4">
        <h2 id="attendees" tabIndex={-1} className="text-2xl font-bold outline-none">
          Attendees
        </h2>
        <FieldError id="attendees-error" messages={errors.attendees} />
        {slots.map((slot, i) => (
          <AttendeeFieldset
            key={i}
            index={i}
            slot={slot}
            workshops={workshops}
            timeZone={timeZone}
            values={values}
            errors={errors}
          />
        ))}
      </section>

      <PrivacyNoticeLink />
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          name="intent"
          value="review"
          className={`btn ${state.quote ? 'btn-secondary' : 'btn-primary'}`}
          disabled={pending}
        >
          {state.quote ? 'Check the price again' : 'Review order'}
        </button>
        <a href={changeHref}>Change tickets</a>
        <p role="status" className="text-sm text-muted">
          {pending ? 'Checking with the server…' : ''}
        </p>
      </div>

      {state.quote && (
        <ReviewSummary quote={state.quote} timeZone={timeZone} headingRef={reviewRef} pending={pending} />
      )}
    </form>
  );
}
