// The audit log viewer's queries: newest first, pages of 50, and filters by action (exact or "prefix."), actor
// (part of the label, any case, wildcards taken literally), order reference (any case) and a date range of the
// event's calendar days (an entry late in the UTC evening belongs to the next day in Amsterdam).
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '@/db/schema';
import {
  AUDIT_PAGE_SIZE,
  listAuditActions,
  listAuditEntries,
  parseAuditFilters,
  type AuditFilterInput,
} from '@/lib/audit/queries';
import { recordAudit, staffActor } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import { createOrder } from '@/lib/orders/create-order';
import { attendee, buildRegistrationFixture, registration } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';

const t = useTestDb();
const TZ = 'Europe/Amsterdam';
let orderRef = '';

beforeAll(async () => {
  const fx = await buildRegistrationFixture(t.db, { slug: 'audit' });
  const { order } = await createOrder(fx.ctx, fx.event.id, registration([attendee(fx.fullPass.id)]), {
    clientKey: null,
  });
  orderRef = order.reference;
  const [owner] = await t.db.insert(users).values({ email: 'owner@staff.example', role: 'owner' }).returning();
  const [pat] = await t.db.insert(users).values({ email: 'pat_100%@staff.example', role: 'organizer' }).returning();
  await t.db.delete(auditLog);
  const at = (iso: string) => new Date(iso);
  await recordAudit(t.db, {
    actor: staffActor(owner!),
    action: 'order.refund',
    orderId: order.id,
    eventId: fx.event.id,
    targetType: 'order',
    targetId: order.id,
    summary: 'Refunded 100.00.',
    at: at('2030-03-27T12:00:00Z'),
  });
  // 23:30 UTC on the 27th is 00:30 on the 28th in Amsterdam.
  await recordAudit(t.db, {
    actor: staffActor(pat!),
    action: 'order.cancel',
    orderId: order.id,
    summary: 'Cancelled the order.',
    at: at('2030-03-27T23:30:00Z'),
  });
  await recordAudit(t.db, {
    actor: { type: 'provider', label: 'stripe' },
    action: 'payment.succeeded',
    orderId: order.id,
    summary: 'Paid.',
    at: at('2030-03-28T08:00:00Z'),
  });
  await recordAudit(t.db, {
    actor: staffActor(owner!),
    action: 'user.invite',
    summary: 'Invited someone.',
    at: at('2030-03-29T08:00:00Z'),
  });
  // Older filler entries for paging.
  for (let i = 0; i < 55; i++) {
    await recordAudit(t.db, {
      actor: { type: 'system' },
      action: 'housekeeping.expire',
      summary: `Expired hold ${i}.`,
      at: new Date(Date.UTC(2030, 0, 1, 0, i)),
    });
  }
});

const list = (input: AuditFilterInput) => listAuditEntries(t, parseAuditFilters(input), TZ);
const actions = async (input: AuditFilterInput) => (await list(input)).entries.map((e) => e.action);

describe('audit log queries', () => {
  it('shows the newest first, 50 to a page, with the order reference beside the entry', async () => {
    const first = await list({});
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.hasNext).toBe(true);
    expect(first.entries.slice(0, 4).map((e) => e.action)).toEqual([
      'user.invite',
      'payment.succeeded',
      'order.cancel',
      'order.refund',
    ]);
    expect(first.entries[3]).toMatchObject({
      actorLabel: 'owner@staff.example',
      orderReference: orderRef,
      summary: 'Refunded 100.00.',
    });
    const second = await list({ page: '2' });
    expect(second.entries).toHaveLength(59 - AUDIT_PAGE_SIZE);
    expect(second.hasNext).toBe(false);
    expect(second.entries.at(-1)!.summary).toBe('Expired hold 0.');
    // A page number that is not one falls back to the first page.
    expect((await list({ page: 'abc' })).page).toBe(1);
  });

  it('filters by exact action or by a prefix ending in a dot', async () => {
    expect(await actions({ action: 'order.refund' })).toEqual(['order.refund']);
    expect(await actions({ action: 'order.' })).toEqual(['order.cancel', 'order.refund']);
    expect(await actions({ action: 'order' })).toEqual([]);
  });

  it('filters by part of the actor, in any case, taking wildcards literally', async () => {
    expect(await actions({ actor: 'OWNER@' })).toEqual(['user.invite', 'order.refund']);
    expect(await actions({ actor: '100%' })).toEqual(['order.cancel']);
    expect(await actions({ actor: '%' })).toEqual(['order.cancel']);
    expect(await actions({ actor: 'stripe' })).toEqual(['payment.succeeded']);
  });

  it('filters by order reference in any case', async () => {
    expect(await actions({ order: orderRef.toLowerCase() })).toEqual([
      'payment.succeeded',
      'order.cancel',
      'order.refund',
    ]);
    expect(await actions({ order: 'NOPE-0000' })).toEqual([]);
  });

  it('filters by calendar days in the event time zone, both ends included', async () => {
    expect(await actions({ from: '2030-03-28', to: '2030-03-28' })).toEqual(['payment.succeeded', 'order.cancel']);
    expect(await actions({ from: '2030-03-27', to: '2030-03-27' })).toEqual(['order.refund']);
    expect(await actions({ from: '2030-03-29' })).toEqual(['user.invite']);
    expect((await list({ to: '2029-12-31' })).entries).toEqual([]);
    expect(await actions({ action: 'order.', from: '2030-03-28', actor: 'pat' })).toEqual(['order.cancel']);
  });

  it('refuses filters that are not valid with field errors', () => {
    const bad = (input: AuditFilterInput) => {
      try {
        parseAuditFilters(input);
      } catch (e) {
        if (e instanceof DomainError) return e.fieldErrors;
      }
      throw new Error('expected a DomainError');
    };
    expect(bad({ from: '28/03/2030' }).from).toBeDefined();
    expect(bad({ from: '2030-03-29', to: '2030-03-28' }).to).toBeDefined();
    expect(bad({ actor: 'x'.repeat(300) }).actor).toBeDefined();
  });

  it('lists the actions that occur, once each, in order', async () => {
    expect(await listAuditActions(t)).toEqual([
      'housekeeping.expire',
      'order.cancel',
      'order.refund',
      'payment.succeeded',
      'user.invite',
    ]);
  });
});
