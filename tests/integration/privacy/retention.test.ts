// Retention by the clock: nothing goes before an event's cut-off; after SENSITIVE_DATA_RETENTION_DAYS its
// sensitive answers, pronouns, access requests and view records go (other data stays); after
// PERSONAL_DATA_RETENTION_DAYS its attendees and buyers are anonymized, accounting records kept. A dry run changes
// nothing; a second pass finds nothing; each real pass is audited with counts; housekeeping runs one a day.
import { and, desc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  accessRequests,
  answers,
  auditLog,
  erasureRequests,
  orders,
  questions,
  sensitiveDataViews,
  tickets,
} from '@/db/schema';
import { getAccessRequest } from '@/lib/access/queue';
import { runHousekeeping } from '@/lib/housekeeping';
import { requestErasure } from '@/lib/rights/erasure-requests';
import { eventEnd, runRetention } from '@/lib/rights/retention';
import { findInDatabase } from '../../support/find-in-database';
import { useTestDb } from '../../support/test-db';
import { setEvent, ticketRow } from '../self-service/manage-fixture';
import { buildPrivacyFixture, canaries, groupOrder, type GroupOrder, type PrivacyFixture } from './fixture';

const t = useTestDb();
const DAY = 86_400_000;
let fx: PrivacyFixture;
let later: PrivacyFixture;
let g: GroupOrder;
let g2: GroupOrder;
const c = canaries();
const c2 = canaries();
let end: number;

async function sensitiveAnswers(eventId: string): Promise<number> {
  const [row] = await t.db
    .select({ n: sql<number>`count(*)::int` })
    .from(answers)
    .innerJoin(questions, eq(questions.id, answers.questionId))
    .where(and(eq(questions.eventId, eventId), sql`(${questions.isSensitive} or ${questions.isAccessNeed})`));
  return row!.n;
}

async function accounting() {
  const [row] = await t.db.execute<Record<string, unknown>>(sql`select (select sum(total)::int from orders) as totals,
    (select sum(amount_paid)::int from orders) as paid, (select sum(price)::int from tickets) as prices,
    (select string_agg(reference || coalesce(paid_at::text, ''), ',' order by reference) from orders) as refs`);
  return row;
}

beforeAll(async () => {
  fx = await buildPrivacyFixture(t.db);
  g = await groupOrder(fx, c);
  const request = (await t.db.select().from(accessRequests).where(eq(accessRequests.ticketId, g.otherTicketId)))[0]!;
  await getAccessRequest(fx.ctx, { id: request.id, reader: fx.staff.accessibility });
  // A second event a year later, sharing the database: its cut-offs are later too.
  later = await buildPrivacyFixture(t.db);
  g2 = await groupOrder(later, c2);
  await setEvent(t.db, later, { startsOn: '2031-03-28', endsOn: '2031-03-30' });
  end = eventEnd(fx.event).getTime();
});

describe('retention', () => {
  it('purges nothing before the sensitive-data cut-off', async () => {
    fx.clock.set(new Date(end + 29 * DAY));
    const result = await runRetention(fx.ctx, { dryRun: false });
    expect(result.lines).toEqual([]);
    expect(await sensitiveAnswers(fx.event.id)).toBeGreaterThan(0);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'privacy.retention'));
    expect(entry).toMatchObject({ actorType: 'system', summary: 'Retention pass: nothing was due' });
  });

  it('lists in a dry run what would go after the cut-off, and changes nothing', async () => {
    fx.clock.set(new Date(end + 31 * DAY));
    const audits = (await t.db.select().from(auditLog).where(eq(auditLog.action, 'privacy.retention'))).length;
    const before = await sensitiveAnswers(fx.event.id);
    const result = await runRetention(fx.ctx, { dryRun: true });
    expect(result.dryRun).toBe(true);
    expect(result.lines).toEqual(
      expect.arrayContaining([
        { eventId: fx.event.id, eventSlug: fx.event.slug, kind: 'sensitive answers', count: before },
        { eventId: fx.event.id, eventSlug: fx.event.slug, kind: 'access requests', count: 1 },
        { eventId: fx.event.id, eventSlug: fx.event.slug, kind: 'sensitive data views', count: 1 },
      ]),
    );
    expect(result.lines.every((l) => l.eventId === fx.event.id)).toBe(true);
    expect(result.lines.some((l) => l.kind === 'attendees')).toBe(false);
    expect(await sensitiveAnswers(fx.event.id)).toBe(before);
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, 'privacy.retention'))).length).toBe(audits);
  });

  it('purges sensitive data after the cut-off, keeps the rest and the later event, audits the counts, then finds nothing', async () => {
    const result = await runRetention(fx.ctx, { dryRun: false });
    expect(result.totals['sensitive answers']).toBeGreaterThan(0);
    expect(result.totals).toMatchObject({ 'access requests': 1, 'sensitive data views': 1, attendees: 0, buyers: 0 });
    expect(await sensitiveAnswers(fx.event.id)).toBe(0);
    expect(await findInDatabase(t.sql, c.diet)).toEqual([]);
    expect(await t.db.select().from(accessRequests).where(eq(accessRequests.eventId, fx.event.id))).toEqual([]);
    expect(
      await t.db.select().from(sensitiveDataViews).where(eq(sensitiveDataViews.ticketId, g.otherTicketId)),
    ).toEqual([]);
    expect(await ticketRow(t.db, g.otherTicketId)).toMatchObject({
      legalName: 'Alex Colleague',
      pronounsCipher: null,
      pronouns: '',
    });
    const plain = await t.db.select().from(answers).where(eq(answers.ticketId, g.otherTicketId));
    expect(plain.map((a) => a.value)).toContain('Peer worker');
    // The later event is not due.
    expect(await sensitiveAnswers(later.event.id)).toBeGreaterThan(0);

    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'privacy.retention'))
      .orderBy(desc(auditLog.createdAt))
      .limit(1);
    expect(entry!.details).toMatchObject({ totals: { 'access requests': 1 }, sensitiveDays: 30, personalDays: 730 });
    expect(entry!.summary).toMatch(/^Retention pass: \d+ sensitive answers/);

    expect((await runRetention(fx.ctx, { dryRun: false })).lines).toEqual([]);
  });

  it('anonymizes attendees and buyers after the personal-data cut-off, keeping the accounts, then finds nothing', async () => {
    fx.clock.set(new Date(end + 729 * DAY));
    expect((await runRetention(fx.ctx, { dryRun: true })).lines.filter((l) => l.eventId === fx.event.id)).toEqual([]);
    fx.clock.set(new Date(end + 731 * DAY));
    const dry = await runRetention(fx.ctx, { dryRun: true });
    expect(dry.lines.filter((l) => l.eventId === fx.event.id)).toEqual([
      { eventId: fx.event.id, eventSlug: fx.event.slug, kind: 'attendees', count: 2 },
      { eventId: fx.event.id, eventSlug: fx.event.slug, kind: 'buyers', count: 1 },
    ]);
    expect(await findInDatabase(t.sql, g.otherEmail)).not.toEqual([]);

    // A request nobody decided: its sealed address must not outlive the data.
    await requestErasure(fx.ctx, { token: g.pageToken });
    const before = await accounting();
    const result = await runRetention(fx.ctx, { dryRun: false });
    expect(await t.db.select().from(erasureRequests)).toMatchObject([
      { status: 'confirmed', emailCipher: null, emailHash: null },
    ]);
    expect(result.totals).toMatchObject({ attendees: 2, buyers: 1 });
    for (const needle of [g.otherEmail, g.buyerEmail]) {
      expect({ needle, hits: await findInDatabase(t.sql, needle) }).toEqual({ needle, hits: [] });
    }
    // The later event's people stay until its own cut-off (its sensitive data has passed its own by now).
    expect(await findInDatabase(t.sql, g2.otherEmail)).toContain('public.tickets.email');
    expect(await sensitiveAnswers(later.event.id)).toBe(0);
    const [order] = await t.db.select().from(orders).where(eq(orders.id, g.order.id));
    expect(order).toMatchObject({ buyerName: 'Robin Buyer', status: 'paid', total: g.order.total });
    expect(await accounting()).toEqual(before);
    expect((await t.db.select().from(tickets).where(eq(tickets.orderId, g.order.id))).map((x) => x.legalName)).toEqual([
      'Erased',
      'Erased',
    ]);

    expect((await runRetention(fx.ctx, { dryRun: false })).lines).toEqual([]);
  });

  it('runs in housekeeping at most once a day', async () => {
    fx.clock.set(new Date(end + 800 * DAY));
    const first = await runHousekeeping(fx.ctx);
    expect(first?.retention).toMatchObject({ dryRun: false, lines: [] });
    fx.clock.advance(23 * 60 * 60_000);
    expect((await runHousekeeping(fx.ctx))?.retention).toBeUndefined();
    fx.clock.advance(2 * 60 * 60_000);
    expect((await runHousekeeping(fx.ctx))?.retention).toBeDefined();
  });
});
