// Checks a registration against the catalogue before any seat is touched: ticket types of this event on sale,
// per-order limits, hidden types only with their voucher, answers to the questions, workshops that fit.
// Pure: everything it needs is passed in.
import { DomainError } from '../../errors';
import { dateInZone } from '../../time';
import type { CatalogueTicketType, CatalogueWorkshop } from '../../catalogue/listing';
import { currentPrice, voucherApplies, type VoucherRule } from '../../catalogue/pricing';
import type { Registration } from '../schemas';
import { FORBIDDEN_CHARS } from '../../validation';
import type { VoucherView } from '../../catalogue/voucher-queries';

export interface ValidationInput {
  registration: Registration;
  types: Map<string, CatalogueTicketType>;
  workshops: Map<string, CatalogueWorkshop>;
  voucher: VoucherView | null;
  now: Date;
  timezone: string;
}

export interface ValidatedAttendee {
  ticketTypeId: string;
  price: number;
  badgeName: string;
  answers: CheckedAnswer[];
  workshopIds: string[];
}

type Errors = Record<string, string[]>;

/** A valid answer with what decides how it is stored: sealed when sensitive, opening a request when an access need. */
export interface CheckedAnswer {
  questionId: string;
  value: string;
  isSensitive: boolean;
  isAccessNeed: boolean;
}

function push(errors: Errors, key: string, message: string) {
  (errors[key] ??= []).push(message);
}

export function voucherRule(v: VoucherView): VoucherRule {
  return { kind: v.kind, value: v.value, ticketTypeIds: v.ticketTypeIds };
}

function checkVoucher(input: ValidationInput, errors: Errors): void {
  const { registration, voucher, now } = input;
  if (!registration.voucherCode) return;
  if (!voucher) return push(errors, 'voucherCode', 'This voucher code is not valid');
  if ((voucher.validFrom && now < voucher.validFrom) || (voucher.validUntil && now >= voucher.validUntil)) {
    return push(errors, 'voucherCode', 'This voucher is not valid at this time');
  }
  if (!registration.attendees.some((a) => voucherApplies(voucherRule(voucher), a.ticketTypeId))) {
    push(errors, 'voucherCode', 'This voucher does not apply to the tickets you chose');
  }
}

/** Answers to a ticket type's questions, checked as on the registration form (also used by self-service edits). */
export function checkAnswers(
  type: Pick<CatalogueTicketType, 'questions'>,
  answers: Record<string, string | boolean>,
  at: string,
  errors: Errors,
) {
  const out: CheckedAnswer[] = [];
  const known = new Map(type.questions.map((q) => [q.key, q]));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) push(errors, `${at}.answers.${key}`, 'This question does not belong to the ticket type');
  }
  for (const q of type.questions) {
    const raw = Object.prototype.hasOwnProperty.call(answers, q.key) ? answers[q.key] : undefined;
    const field = `${at}.answers.${q.key}`;
    if (q.kind === 'checkbox') {
      if (raw !== undefined && typeof raw !== 'boolean') push(errors, field, 'Answer yes or no');
      else if (q.isRequired && raw !== true) push(errors, field, `${q.label} must be ticked`);
      else if (raw !== undefined)
        out.push({
          questionId: q.id,
          value: raw ? 'yes' : 'no',
          isSensitive: q.isSensitive,
          isAccessNeed: q.isAccessNeed,
        });
      continue;
    }
    if (typeof raw === 'boolean') {
      push(errors, field, 'Answer with text');
      continue;
    }
    const value = (raw ?? '').trim();
    // Line breaks and tabs are fine in a long answer; other controls and direction overrides are not.
    if (FORBIDDEN_CHARS.test(value.replace(/[\r\n\t]/g, ' '))) {
      push(errors, field, 'The answer contains characters that are not allowed');
    } else if (!value) {
      if (q.isRequired) push(errors, field, `${q.label} is required`);
    } else if (q.kind === 'select' && !q.options.includes(value)) {
      push(errors, field, 'Choose one of the options');
    } else if (q.kind === 'text' && value.length > 300) {
      push(errors, field, 'Answers must be at most 300 characters');
    } else {
      out.push({ questionId: q.id, value, isSensitive: q.isSensitive, isAccessNeed: q.isAccessNeed });
    }
  }
  return out;
}

function checkWorkshops(
  input: ValidationInput,
  type: CatalogueTicketType,
  ids: string[],
  at: string,
  errors: Errors,
): void {
  const chosen: CatalogueWorkshop[] = [];
  for (const id of new Set(ids)) {
    const w = input.workshops.get(id);
    if (!w) {
      push(errors, `${at}.workshopIds`, 'Unknown workshop');
      continue;
    }
    if (!type.includesWorkshops) {
      push(errors, `${at}.workshopIds`, `${type.publicLabel} does not include workshops`);
      continue;
    }
    if (type.validOn && dateInZone(w.startsAt, input.timezone) !== type.validOn) {
      push(errors, `${at}.workshopIds`, `"${w.title}" is not on the day this pass is valid for`);
      continue;
    }
    const clash = chosen.find((c) => c.startsAt < w.endsAt && w.startsAt < c.endsAt);
    if (clash) push(errors, `${at}.workshopIds`, `"${w.title}" overlaps "${clash.title}"; choose one of them`);
    chosen.push(w);
  }
}

export function validateRegistration(input: ValidationInput): ValidatedAttendee[] {
  const { registration, types, voucher, now } = input;
  const errors: Errors = {};
  checkVoucher(input, errors);
  const counts = new Map<string, number>();
  const out: ValidatedAttendee[] = [];
  registration.attendees.forEach((a, i) => {
    const at = `attendees.${i}`;
    const type = types.get(a.ticketTypeId);
    if (!type) return push(errors, `${at}.ticketTypeId`, 'This ticket type is not available');
    counts.set(type.id, (counts.get(type.id) ?? 0) + 1);
    if (type.isHidden && !(voucher && voucher.ticketTypeIds.includes(type.id))) {
      return push(errors, `${at}.ticketTypeId`, 'This ticket type needs a voucher');
    }
    const price = currentPrice(type.prices, now);
    const onSale = (!type.saleStartsAt || type.saleStartsAt <= now) && (!type.saleEndsAt || now < type.saleEndsAt);
    if (!onSale || !price) return push(errors, `${at}.ticketTypeId`, `${type.publicLabel} is not on sale at this time`);
    const answers = checkAnswers(type, a.answers, at, errors);
    checkWorkshops(input, type, a.workshopIds, at, errors);
    const badgeName = (a.badgeName || a.legalName.split(/\s+/)[0] || a.legalName).slice(0, 60);
    out.push({
      ticketTypeId: type.id,
      price: price.amount,
      badgeName,
      answers,
      workshopIds: [...new Set(a.workshopIds)],
    });
  });
  for (const [id, n] of counts) {
    const type = types.get(id)!;
    if (n < type.minPerOrder) push(errors, 'attendees', `${type.publicLabel}: at least ${type.minPerOrder} per order`);
    if (n > type.maxPerOrder) push(errors, 'attendees', `${type.publicLabel}: at most ${type.maxPerOrder} per order`);
  }
  if (Object.keys(errors).length) {
    const onlySale = Object.values(errors)
      .flat()
      .every((m) => m.endsWith('is not on sale at this time'));
    throw new DomainError(
      onlySale ? 'SALE_CLOSED' : 'VALIDATION',
      onlySale ? 'Some tickets are not on sale at this time.' : 'Please correct the highlighted fields.',
      errors,
    );
  }
  return out;
}
