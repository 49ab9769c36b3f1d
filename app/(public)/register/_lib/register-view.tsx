// Registration's first step: tickets, workshops and a voucher code.
import type { Metadata } from 'next';
import Form from 'next/form';
import { formatDateRange } from '@/app/_components/dates';
import type { AppContext } from '@/lib/context';
import type { Event } from '@/db/schema';
import { listOnSale } from '@/lib/catalogue/on-sale';
import { FieldError } from '@/app/_components/field-message';
import { ErrorSummary, type SummaryItem } from './error-summary';
import { first, parseSelection, qtyName, type SearchParams } from './selection';
import { TicketCard } from './ticket-card';
import { readOffer, withOffer } from './offer';
import { describeVoucher, readVoucher } from './voucher';
import { WorkshopList } from './workshop-list';

export const registerMetadata: Metadata = { title: 'Register' };

/**
 * Registration's first step, for the cached page (no parameters) and the one with a voucher, a waiting-list offer
 * or a selection to check (app/(public)/register/page.tsx).
 */
export async function RegisterView({ ctx, event, params }: { ctx: AppContext; event: Event; params: SearchParams }) {
  const voucher = await readVoucher(ctx, event.id, first(params.voucher));
  const { token: offerToken, offer } = await readOffer(ctx, event.id, first(params.offer));
  const { ticketTypes, workshops } = withOffer(await listOnSale(ctx, event, voucher.voucher), offer);
  const selection = first(params.check) === '1' ? parseSelection(params, ticketTypes) : null;
  const offeredFor = offer
    ? (ticketTypes.find((t) => t.id === offer.ticketTypeId)?.label ??
      workshops.find((w) => w.id === offer.sessionId)?.title)
    : undefined;
  const tz = event.timezone;
  const appliesTo = voucher.voucher?.ticketTypeIds ?? [];
  const appliesLabels = [...new Set(ticketTypes.filter((t) => appliesTo.includes(t.id)).map((t) => t.label))];

  const summary: SummaryItem[] = [];
  if (first(params.offer) && !offer)
    summary.push({
      message:
        'This waiting-list offer has expired or was already used. You can still register below if seats are available.',
      href: null,
    });
  if (voucher.error) summary.push({ message: voucher.error, href: '#voucher' });
  if (selection?.formError) summary.push({ message: selection.formError, href: '#tickets' });
  for (const t of ticketTypes) {
    const e = selection?.errors.get(t.code);
    if (e)
      summary.push({
        message: `${t.label}: ${e}`,
        href: t.status === 'available' ? `#qty-${t.code}` : `#tt-${t.code}`,
      });
  }

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">Step 1 of 2</p>
        <h1 className="text-3xl font-bold sm:text-4xl">Register</h1>
        <p className="text-muted">
          {event.name}, {formatDateRange(event.startsOn, event.endsOn)}. Prices are in {event.currency}. You can
          register several people in one order.
        </p>
      </header>

      <ErrorSummary items={summary} />
      {offer && offeredFor && (
        <p
          role="status"
          className="rounded-lg border border-brand bg-brand-soft px-4 py-3 font-medium text-brand-strong"
        >
          A seat is held for you from the waiting list: {offeredFor}. Choose it below and complete your registration.
        </p>
      )}

      <Form action="/register/details" prefetch={false} className="flex flex-col gap-6" aria-label="Choose tickets">
        {offer && <input type="hidden" name="offer" value={offerToken} />}
        <section aria-labelledby="voucher-heading" className="card flex flex-col gap-3 p-4 sm:p-5">
          <h2 id="voucher-heading" className="text-xl font-semibold">
            Voucher code
          </h2>
          <div className="flex flex-wrap items-end gap-3">
            <div className="min-w-0 flex-1 basis-56">
              <label htmlFor="voucher" className="field-label">
                Code (optional)
              </label>
              <p id="voucher-hint" className="mb-1 text-sm text-muted">
                A voucher can lower the price or unlock a ticket, such as a sponsored place.
              </p>
              <input
                id="voucher"
                name="voucher"
                type="text"
                defaultValue={voucher.code}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={40}
                aria-invalid={voucher.error ? true : undefined}
                aria-describedby={[
                  'voucher-hint',
                  voucher.error ? 'voucher-error' : voucher.voucher ? 'voucher-ok' : '',
                ]
                  .filter(Boolean)
                  .join(' ')}
                className="field-control aria-invalid:border-2 aria-invalid:border-[#b42318]"
              />
            </div>
            <button type="submit" formAction="/register" className="btn btn-secondary">
              Apply
            </button>
          </div>
          <FieldError id="voucher-error" messages={voucher.error ? [voucher.error] : undefined} />
          {voucher.voucher && (
            <p
              id="voucher-ok"
              role="status"
              className="rounded-lg border border-brand bg-brand-soft px-3 py-2 font-medium text-brand-strong"
            >
              Voucher {voucher.voucher.code} applied: {describeVoucher(voucher.voucher, event.currency)}
              {appliesLabels.length ? ` for ${appliesLabels.join(', ')}` : ' on every ticket'}. The discount shows when
              you review your order.
            </p>
          )}
        </section>

        <section aria-labelledby="tickets-heading" className="flex flex-col gap-3">
          <h2 id="tickets-heading" className="text-2xl font-bold">
            Tickets
          </h2>
          <div id="tickets" tabIndex={-1} className="outline-none">
            {selection?.formError && <FieldError id="tickets-error" messages={[selection.formError]} />}
          </div>
          {ticketTypes.length === 0 ? (
            <p className="card p-5">No tickets are on sale at the moment.</p>
          ) : (
            <ul className="grid gap-3">
              {ticketTypes.map((t) => {
                const asked = Number(first(params[qtyName(t)]) ?? 0);
                return (
                  <TicketCard
                    key={t.id}
                    t={t}
                    timeZone={tz}
                    quantity={Number.isInteger(asked) ? asked : 0}
                    error={selection?.errors.get(t.code)}
                    voucherApplies={appliesTo.includes(t.id)}
                  />
                );
              })}
            </ul>
          )}
        </section>

        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="btn btn-primary">
            Continue
          </button>
          <p className="text-sm text-muted">
            Next: attendee details, workshops and a price check before anything is booked.
          </p>
        </div>
      </Form>

      {workshops.length > 0 && (
        <section aria-labelledby="workshops-heading" className="flex flex-col gap-3">
          <h2 id="workshops-heading" className="text-2xl font-bold">
            Workshops
          </h2>
          <p className="text-muted">
            Hands-on workshops have limited seats. In-person passes include them: you choose them for each person in the
            next step.
          </p>
          <WorkshopList workshops={workshops} timeZone={tz} />
        </section>
      )}
    </div>
  );
}
