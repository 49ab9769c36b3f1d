// Payment events are part of the audit trail: the webhook records each once in payment_events, and both the owners'
// audit log and an order's trail show them as entries of the provider, beside staff and attendee actions.
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { listAuditActions, listAuditEntries, parseAuditFilters } from '@/lib/audit/queries';
import { orderTrail, recordAudit, staffActor } from '@/lib/audit/record';
import { handlePaymentEvent } from '@/lib/payments/handle-payment-event';
import { useTestDb } from '../../support/test-db';
import { buildPaymentFixture, placeOrder, succeeded } from '../payments/helpers';

const t = useTestDb();

describe('payment events in the audit trail', () => {
  it('appear in the audit log and the order trail, filterable like any action', async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'audit-pay' });
    const placed = await placeOrder(fx, 'audited@example.org');
    const event = succeeded(fx, placed);
    await handlePaymentEvent(fx.pctx, event);
    await handlePaymentEvent(fx.pctx, event); // a redelivery is not a second entry
    const [staff] = await t.db.insert(users).values({ email: 'staff@example.org', role: 'organizer' }).returning();
    await recordAudit(t.db, {
      actor: staffActor(staff!),
      action: 'order.note',
      orderId: placed.order.id,
      summary: 'Checked.',
      at: new Date(fx.clock.now().getTime() + 60_000),
    });

    const trail = await orderTrail(t.db, placed.order.id);
    expect(trail.map((e) => e.action)).toEqual(['order.note', 'payment.payment_succeeded']);
    expect(trail[1]).toMatchObject({
      actorType: 'provider',
      targetId: event.id,
      summary: 'Payment event: payment succeeded (paid)',
    });

    const page = await listAuditEntries(t, parseAuditFilters({ action: 'payment.' }), 'Europe/Amsterdam');
    expect(page.entries.map((e) => [e.action, e.orderReference])).toEqual([
      ['payment.payment_succeeded', placed.order.reference],
    ]);
    const byOrder = await listAuditEntries(
      t,
      parseAuditFilters({ order: placed.order.reference.toLowerCase() }),
      'Europe/Amsterdam',
    );
    expect(byOrder.entries.map((e) => e.action)).toEqual(['order.note', 'payment.payment_succeeded']);
    expect(await listAuditActions(t)).toEqual(expect.arrayContaining(['order.note', 'payment.payment_succeeded']));
  });
});
