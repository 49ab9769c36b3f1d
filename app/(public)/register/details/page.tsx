import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { getRequestContext } from '@/app/_lib/request-context';
import { listOnSale, type OnSaleTicketType, type OnSaleWorkshop } from '@/lib/catalogue/on-sale';
import type { SlotView, WorkshopView } from '../_lib/form-state';
import { dayOf } from '../_lib/format';
import { first, parseSelection, selectionQuery, type SearchParams } from '../_lib/selection';
import { readOffer, withOffer } from '../_lib/offer';
import { readVoucher } from '../_lib/voucher';
import { seatsLeftText } from '../_lib/workshop-list';
import { RegistrationForm } from './registration-form';

export const metadata: Metadata = { title: 'Attendee details', robots: { index: false, follow: false } };

function slotView(t: OnSaleTicketType, workshops: OnSaleWorkshop[], timeZone: string): SlotView {
  const allowed = t.includesWorkshops
    ? workshops.filter((w) => !t.validOn || dayOf(w.startsAt, timeZone) === t.validOn)
    : [];
  return {
    ticketTypeId: t.id,
    label: t.label,
    questions: t.questions.map(({ key, label, help, kind, options, isRequired, isSensitive }) => ({
      key,
      label,
      help,
      kind,
      options,
      isRequired,
      isSensitive,
    })),
    workshopIds: allowed.map((w) => w.id),
  };
}

function workshopView(w: OnSaleWorkshop, all: OnSaleWorkshop[], timeZone: string): WorkshopView {
  return {
    id: w.id,
    title: w.title,
    startsAt: w.startsAt.toISOString(),
    endsAt: w.endsAt.toISOString(),
    day: dayOf(w.startsAt, timeZone),
    seatsLeft: seatsLeftText(w.remaining),
    full: w.remaining !== null && w.remaining <= 0,
    overlaps: all.filter((o) => o.id !== w.id && o.startsAt < w.endsAt && w.startsAt < o.endsAt).map((o) => o.title),
  };
}

export default async function DetailsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const params = await searchParams;
  const event = await getCurrentEvent();
  const ctx = await getRequestContext();
  const voucher = await readVoucher(ctx, event.id, first(params.voucher));
  // Problems with the ticket choice are shown beside the choice itself, on step 1.
  if (voucher.error) redirect(`/register?${selectionQuery(params)}`);
  const { token: offerToken, offer } = await readOffer(ctx, event.id, first(params.offer));
  const { ticketTypes, workshops } = withOffer(await listOnSale(ctx, event, voucher.voucher), offer);
  const selection = parseSelection(params, ticketTypes);
  // Something that sold out after the choice (or while the form was being filled in) is explained here instead,
  // so the details typed so far are not lost.
  const choiceProblem = [...selection.errors.keys()].some((code) => !selection.unavailable.has(code));
  if (selection.formError || choiceProblem) redirect(`/register?${selectionQuery(params, { check: '1' })}`);
  const unavailable = ticketTypes.filter((t) => selection.unavailable.has(t.code));

  const tz = event.timezone;
  const slots = selection.slots.map((t) => slotView(t, workshops, tz));
  const offered = new Set(slots.flatMap((s) => s.workshopIds));
  const workshopViews = workshops.filter((w) => offered.has(w.id)).map((w) => workshopView(w, workshops, tz));
  const changeHref = `/register?${selectionQuery(params)}`;

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">Step 2 of 2</p>
        <h1 className="text-3xl font-bold sm:text-4xl">Attendee details</h1>
        <p className="text-muted">
          {slots.length === 1 ? 'One person' : `${slots.length} people`} in this order.{' '}
          <Link href={changeHref}>Change tickets</Link>. Nothing is booked until you review the price and confirm.
        </p>
      </header>
      {unavailable.length > 0 && (
        <div role="alert" className="rounded-lg border-2 border-note-line bg-note px-4 py-3 text-note-ink">
          <p className="font-semibold">Some of your tickets are no longer available. Nothing was booked.</p>
          <ul className="mt-1 list-disc pl-5">
            {unavailable.map((t) => (
              <li key={t.id}>
                {t.label}: {selection.errors.get(t.code)}.{' '}
                {t.status === 'sold_out' && (
                  <>
                    <Link href={`/register/waitlist?ticketType=${t.id}`}>
                      Join the waiting list<span className="sr-only"> for {t.label}</span>
                    </Link>{' '}
                    or{' '}
                  </>
                )}
                <Link href={changeHref}>change your tickets</Link>.
              </li>
            ))}
          </ul>
        </div>
      )}
      <RegistrationForm
        slots={slots}
        workshops={workshopViews}
        timeZone={tz}
        voucherCode={voucher.voucher?.code ?? ''}
        offerToken={offer ? offerToken : ''}
        changeHref={changeHref}
      />
    </div>
  );
}
