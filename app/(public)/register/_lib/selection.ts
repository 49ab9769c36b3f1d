// The ticket choice of step 1, carried in the query string (?qty.full=2&voucher=CODE) so it works without
// JavaScript and survives a reload. Pure: checks the choice against what is on sale, createOrder decides later.
import type { OnSaleTicketType } from '@/lib/catalogue/on-sale';

export type SearchParams = Record<string, string | string[] | undefined>;

export const QTY_PREFIX = 'qty.';
/** The most attendees one order may carry (registrationSchema). */
export const MAX_ATTENDEES = 20;

export function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function qtyName(t: Pick<OnSaleTicketType, 'code'>): string {
  return `${QTY_PREFIX}${t.code}`;
}

/** The quantities someone may pick: none, or from the minimum to what the order and the seats allow. */
export function quantityOptions(t: OnSaleTicketType): number[] {
  if (t.status !== 'available') return [0];
  const top = Math.min(t.maxPerOrder, t.remaining ?? t.maxPerOrder, MAX_ATTENDEES);
  const out = [0];
  for (let n = t.minPerOrder; n <= top; n++) out.push(n);
  return out;
}

export interface Selection {
  /** One ticket type per attendee, in the order the ticket list shows them. */
  slots: OnSaleTicketType[];
  /** Chosen quantity by ticket type code, as asked (for re-showing the selects). */
  quantities: Map<string, number>;
  /** Problems by ticket type code. */
  errors: Map<string, string>;
  /** The codes whose problem is availability (sold out, off sale, too few left) rather than the choice itself. */
  unavailable: Set<string>;
  formError: string | null;
}

export function parseSelection(params: SearchParams, ticketTypes: OnSaleTicketType[]): Selection {
  const quantities = new Map<string, number>();
  const errors = new Map<string, string>();
  const unavailable = new Set<string>();
  const slots: OnSaleTicketType[] = [];
  for (const t of ticketTypes) {
    const raw = first(params[qtyName(t)])?.trim() ?? '';
    if (!raw || raw === '0') continue;
    const n = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(n)) {
      errors.set(t.code, 'Choose a number from the list');
      continue;
    }
    quantities.set(t.code, n);
    if (n < t.minPerOrder) errors.set(t.code, `At least ${t.minPerOrder} per order`);
    else if (n > t.maxPerOrder) errors.set(t.code, `At most ${t.maxPerOrder} per order`);
    else {
      const problem =
        t.status === 'sold_out'
          ? 'Sold out'
          : t.status !== 'available'
            ? 'Not on sale at this time'
            : t.remaining !== null && n > t.remaining
              ? t.remaining === 1
                ? 'Only 1 left'
                : `Only ${t.remaining} left`
              : null;
      if (problem) {
        errors.set(t.code, problem);
        unavailable.add(t.code);
      }
      for (let i = 0; i < n; i++) slots.push(t);
    }
  }
  const known = new Set(ticketTypes.map((t) => qtyName(t)));
  const unknown = Object.keys(params).some(
    (k) => k.startsWith(QTY_PREFIX) && !known.has(k) && (first(params[k]) ?? '0') !== '0',
  );
  let formError: string | null = null;
  if (slots.length > MAX_ATTENDEES)
    formError = `One order can carry at most ${MAX_ATTENDEES} people. Please split your group into several orders.`;
  else if (unknown) formError = 'Some of the tickets you chose are not available any more, or need a voucher code.';
  else if (!slots.length && !errors.size) formError = 'Choose at least one ticket.';
  return { slots, quantities, errors, unavailable, formError };
}

/** The query that carries the choice between pages: quantities, voucher and waiting-list offer. */
export function selectionQuery(params: SearchParams, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const v = first(value);
    if (v === undefined || v === '') continue;
    if (
      (key.startsWith(QTY_PREFIX) && /^[a-z0-9-]{1,60}$/.test(key.slice(QTY_PREFIX.length)) && v !== '0') ||
      key === 'voucher' ||
      key === 'offer'
    ) {
      q.set(key, v.slice(0, 100));
    }
  }
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}
