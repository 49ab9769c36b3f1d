// When self-service cancellation is closed (after refund_until, or never offered): the organizer's refund policy
// in their words and how to reach them.
import type { Event } from '@/db/schema';
import { Paragraphs } from '@/app/_components/paragraphs';
import { formatInstant } from '@/lib/time';

export function RefundPolicy({
  event,
  reference,
  contact,
  headingLevel,
}: {
  event: Pick<Event, 'refundUntil' | 'refundPolicy' | 'timezone'>;
  reference: string;
  contact: string;
  headingLevel: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="flex flex-col gap-2">
      <Heading className={headingLevel === 2 ? 'text-xl font-semibold' : 'text-lg font-semibold'}>
        Refund policy
      </Heading>
      <p>
        {event.refundUntil ? (
          <>
            Online cancellation with a refund closed on{' '}
            <time dateTime={event.refundUntil.toISOString()}>
              {formatInstant(event.refundUntil, event.timezone, { weekday: false })}
            </time>
            .
          </>
        ) : (
          'This registration cannot be cancelled online.'
        )}
      </p>
      {event.refundPolicy.trim() && <Paragraphs text={event.refundPolicy} />}
      <p>
        To ask about a cancellation or a refund, write to the organizers at <a href={`mailto:${contact}`}>{contact}</a>{' '}
        (or reply to any email from us), quoting your order reference <strong className="font-mono">{reference}</strong>
        .
      </p>
    </div>
  );
}
