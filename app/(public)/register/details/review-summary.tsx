// The server's price for the order as entered, and the button that creates it.
import type { Ref } from 'react';
import { SessionTime } from '@/app/_components/session-time';
import type { QuoteView } from '../_lib/form-state';

export function ReviewSummary({
  quote,
  timeZone,
  headingRef,
  pending,
}: {
  quote: QuoteView;
  timeZone: string;
  headingRef: Ref<HTMLHeadingElement>;
  pending: boolean;
}) {
  return (
    <section
      id="review"
      aria-labelledby="review-heading"
      className="card flex flex-col gap-4 border-2 border-brand p-4 sm:p-5"
    >
      <h2 id="review-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-bold outline-none">
        Review your order
      </h2>
      <ol className="flex flex-col gap-3">
        {quote.lines.map((line, i) => (
          <li key={i} className="flex flex-col gap-1 border-b border-line pb-3 last:border-b-0">
            <div className="flex flex-wrap justify-between gap-x-4">
              <span>
                <strong>Attendee {i + 1}:</strong> {line.badgeName} – {line.label}
              </span>
              <span className="tabular-nums">{line.price}</span>
            </div>
            {line.discount && (
              <div className="flex flex-wrap justify-between gap-x-4 text-muted">
                <span>Voucher {quote.voucherCode}</span>
                <span className="tabular-nums">−{line.discount}</span>
              </div>
            )}
            {line.workshops.length > 0 && (
              <ul className="text-sm">
                {line.workshops.map((w) => {
                  const startsAt = new Date(w.startsAt);
                  return (
                    <li key={w.startsAt + w.title}>
                      Workshop: {w.title},{' '}
                      <SessionTime startsAt={startsAt} endsAt={new Date(w.endsAt)} timeZone={timeZone} showDay />
                    </li>
                  );
                })}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
        {quote.discount && (
          <>
            <dt>Subtotal</dt>
            <dd className="text-right tabular-nums">{quote.subtotal}</dd>
            <dt>Discount</dt>
            <dd className="text-right tabular-nums">−{quote.discount}</dd>
          </>
        )}
        <dt className="text-lg font-bold">Total</dt>
        <dd className="text-right text-lg font-bold tabular-nums">{quote.total}</dd>
      </dl>
      <p>
        {quote.isFree
          ? 'This order costs nothing: confirming registers everyone straight away.'
          : `Confirming holds these seats for ${quote.holdMinutes} minutes. Online payment will be offered on the next page; an order that is not paid in time expires and its seats are released.`}
      </p>
      <div>
        <button type="submit" name="intent" value="confirm" className="btn btn-primary" disabled={pending}>
          {quote.isFree ? 'Confirm registration' : 'Confirm and hold seats'}
        </button>
      </div>
    </section>
  );
}
