// The privacy notice: what is collected, why, who sees it, for how long, and how to download or erase it, built
// from the event's settings and the registration form's real questions (lib/privacy/notice.ts).
import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getCachedPageEvent } from '@/app/_lib/current-event';
import { longDay } from '@/app/_components/dates';
import { getContext } from '@/app/_lib/context';
import { getPrivacyNotice } from '@/lib/privacy/notice';

export const metadata: Metadata = { title: 'Privacy notice' };

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

export default async function PrivacyPage() {
  const event = await getCachedPageEvent();
  const ctx = getContext();
  const notice = await getPrivacyNotice(ctx, event, {
    sensitiveDays: ctx.config.SENSITIVE_DATA_RETENTION_DAYS,
    personalDays: ctx.config.PERSONAL_DATA_RETENTION_DAYS,
  });
  const sensitive = notice.questions.filter((q) => q.sensitive);
  const ordinary = notice.questions.filter((q) => !q.sensitive);
  return (
    <article className="mx-auto flex w-full max-w-3xl flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold sm:text-4xl">Privacy notice</h1>
        <p className="text-lg">
          How {notice.eventName} handles the information you give when you register. Some of it, such as access or
          dietary needs, can say something about your health; we treat it with particular care.
        </p>
      </header>

      <section aria-labelledby="who-heading" className="flex flex-col gap-2">
        <h2 id="who-heading" className="text-2xl font-bold">
          Who is responsible
        </h2>
        <p>{notice.organizerName} decides how registration data is used and is responsible for it.</p>
        {notice.privacyContact ? (
          <p>
            Questions about your data: <a href={`mailto:${notice.privacyContact}`}>{notice.privacyContact}</a>.
          </p>
        ) : (
          <p>Questions about your data: reply to any email you received from the registration team.</p>
        )}
      </section>

      <section aria-labelledby="what-heading" className="flex flex-col gap-2">
        <h2 id="what-heading" className="text-2xl font-bold">
          What we collect
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>From the person who registers: name and email address, to send the confirmation, receipt and links.</li>
          <li>
            For each attendee: legal name (for the ticket and receipts), the name for the badge (which can differ), an
            email address for their own ticket page, and optionally pronouns.
          </li>
          <li>Ticket, workshop choices, sessions you star in your agenda, and check-ins at the door or at sessions.</li>
          <li>Payment amounts and references. Card details go to our payment provider and never reach us.</li>
          {ordinary.length > 0 && <li>Answers to these questions: {ordinary.map((q) => q.label).join('; ')}.</li>}
        </ul>
        {sensitive.length > 0 && (
          <>
            <p>These questions are treated as sensitive; answering is up to you unless the form says otherwise:</p>
            <ul className="list-disc space-y-1 pl-5">
              {sensitive.map((q) => (
                <li key={q.label}>
                  {q.label}
                  {q.accessNeed ? ' (opens a request to the accessibility team)' : ''}
                </li>
              ))}
            </ul>
          </>
        )}
        <p>We do not publish an attendee list, and nobody is shown in a directory unless they chose to be.</p>
      </section>

      <section aria-labelledby="why-heading" className="flex flex-col gap-2">
        <h2 id="why-heading" className="text-2xl font-bold">
          Why
        </h2>
        <p>
          To register you, issue and check your ticket, arrange what you asked for (such as an accessible seat or a
          meal), send you emails about your registration, and keep the accounting records the law requires. We do not
          sell your data or use it for advertising.
        </p>
        <p>
          Emails, card statements and calendar entries are worded neutrally, so an inbox, a bank statement or a shared
          calendar does not reveal which event you attend.
        </p>
      </section>

      <section aria-labelledby="sees-heading" className="flex flex-col gap-2">
        <h2 id="sees-heading" className="text-2xl font-bold">
          Who sees it
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>Organizing staff ({notice.attendeeRoles.join(', ')}) see names, tickets and workshop choices.</li>
          <li>
            Sensitive answers are stored encrypted and only the {notice.sensitiveRoles.join(' and ').toLowerCase()} can
            open them. Every time one of them does, it is recorded, and your own ticket page lists who looked and when.
          </li>
          <li>
            Check-in staff see your badge name and ticket, and at most that you have an access arrangement, never its
            details.
          </li>
          <li>
            Someone who registered you sees your name, ticket and workshops, but not your sensitive answers once you
            have your own ticket page.
          </li>
          <li>
            Our payment provider (Stripe) processes payments, and our email provider delivers emails, on our behalf.
          </li>
        </ul>
      </section>

      <section aria-labelledby="long-heading" className="flex flex-col gap-2">
        <h2 id="long-heading" className="text-2xl font-bold">
          How long we keep it
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            Sensitive answers and access requests: deleted {days(notice.sensitiveDays)} after the event ends (it ends on{' '}
            {longDay(notice.endsOn)}).
          </li>
          <li>Other personal data of attendees: made anonymous {days(notice.personalDays)} after the event ends.</li>
          <li>
            Accounting records (amounts, dates, references, the billing name on paid orders) are kept as long as the law
            requires.
          </li>
        </ul>
      </section>

      <section aria-labelledby="rights-heading" className="flex flex-col gap-2">
        <h2 id="rights-heading" className="text-2xl font-bold">
          Seeing, correcting, downloading or erasing your data
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            Your ticket page (the link in your ticket email) shows your answers, lets you change them, and has a link to
            download everything we hold about you.
          </li>
          <li>
            From the same page you can ask for your data to be erased; the organizers confirm it. Accounting records
            stay as the law requires.
          </li>
          <li>
            Lost the link? <Link href="/find-registration">Find my registration</Link> emails you a fresh one.
          </li>
          {notice.privacyContact && (
            <li>
              Or write to <a href={`mailto:${notice.privacyContact}`}>{notice.privacyContact}</a>.
            </li>
          )}
        </ul>
      </section>
    </article>
  );
}
