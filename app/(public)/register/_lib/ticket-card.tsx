// One ticket type on the ticket page: label, price in force and the next one, seats left when few, and either a
// quantity select or why it cannot be bought (with the waiting list when sold out).
import Link from '@/app/_components/link';
import { shortDay } from '@/app/_components/dates';
import { formatMoney } from '@/lib/money';
import type { OnSaleTicketType } from '@/lib/catalogue/on-sale';
import { FieldError } from '@/app/_components/field-message';
import { formatDate } from './format';
import { qtyName, quantityOptions } from './selection';

const FEW_LEFT = 10;

function TicketStatus({ t }: { t: OnSaleTicketType }) {
  if (t.status === 'sold_out') {
    return (
      <p className="flex flex-col gap-1">
        <span className="badge badge-note self-start">Sold out</span>
        <Link href={`/register/waitlist?ticketType=${t.id}`}>
          Join the waiting list<span className="sr-only"> for {t.label}</span>
        </Link>
      </p>
    );
  }
  if (t.status === 'not_yet_on_sale')
    return (
      <p>
        <span className="badge">Not on sale yet</span>
      </p>
    );
  if (t.status === 'sale_ended')
    return (
      <p>
        <span className="badge">Sales have ended</span>
      </p>
    );
  return null;
}

export function TicketCard({
  t,
  timeZone,
  quantity,
  error,
  voucherApplies,
}: {
  t: OnSaleTicketType;
  timeZone: string;
  quantity: number;
  error: string | undefined;
  voucherApplies: boolean;
}) {
  const id = `qty-${t.code}`;
  const options = quantityOptions(t);
  const headingId = `tt-${t.code}`;
  return (
    <li className="card grid gap-4 p-4 sm:grid-cols-[1fr_11rem] sm:p-5" aria-labelledby={headingId}>
      <div className="flex flex-col gap-2">
        <h3 id={headingId} className="text-lg font-semibold leading-snug">
          {t.label}
        </h3>
        <div className="flex flex-wrap gap-2">
          {t.attendance === 'virtual' && <span className="badge">Online</span>}
          {t.validOn && (
            <span className="badge">
              Valid on&nbsp;<time dateTime={t.validOn}>{shortDay(t.validOn)}</time>
            </span>
          )}
          {voucherApplies && <span className="badge badge-brand">Your voucher applies</span>}
        </div>
        {t.description && <p className="text-[0.9375rem]">{t.description}</p>}
        {t.price && (
          <p>
            <strong className="text-lg tabular-nums">{formatMoney(t.price.amount, t.price.currency)}</strong>{' '}
            <span className="text-muted">
              ({t.price.label}
              {t.nextPrice ? (
                <>
                  {' '}
                  until{' '}
                  <time dateTime={t.nextPrice.startsAt.toISOString()}>
                    {formatDate(t.nextPrice.startsAt, timeZone)}
                  </time>
                  , then {formatMoney(t.nextPrice.amount, t.price.currency)}
                </>
              ) : null}
              )
            </span>
          </p>
        )}
        {t.status === 'available' && t.remaining !== null && t.remaining <= FEW_LEFT && (
          <p className="font-medium text-note-ink">Only {t.remaining} left</p>
        )}
        {(t.minPerOrder > 1 || t.maxPerOrder < 10) && t.status === 'available' && (
          <p className="text-sm text-muted">
            {t.minPerOrder > 1 ? `At least ${t.minPerOrder}` : ''}
            {t.minPerOrder > 1 && t.maxPerOrder < 10 ? ', ' : ''}
            {t.maxPerOrder < 10 ? `${t.minPerOrder > 1 ? 'at' : 'At'} most ${t.maxPerOrder}` : ''} per order.
          </p>
        )}
      </div>
      <div className="sm:justify-self-end">
        {t.status === 'available' ? (
          <div>
            <label htmlFor={id} className="field-label">
              Quantity<span className="sr-only"> of {t.label}</span>
            </label>
            <select
              id={id}
              name={qtyName(t)}
              defaultValue={String(options.includes(quantity) ? quantity : 0)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              className="field-control w-28 aria-invalid:border-2 aria-invalid:border-[#b42318]"
            >
              {options.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-error`} messages={error ? [error] : undefined} />
          </div>
        ) : (
          <>
            <TicketStatus t={t} />
            <FieldError id={`${id}-error`} messages={error ? [error] : undefined} />
          </>
        )}
      </div>
    </li>
  );
}
