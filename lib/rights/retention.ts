// Retention (GDPR article 5(1)(e)): counted from the end of an event's last day (in its timezone), sensitive data
// (answers to sensitive and access-needs questions, pronouns, access requests, the record of staff views) goes
// after SENSITIVE_DATA_RETENTION_DAYS, and every attendee's and buyer's other personal data is anonymized after
// PERSONAL_DATA_RETENTION_DAYS, the way erasure does it (lib/rights/anonymize.ts), accounting records kept.
// Idempotent: a second pass finds nothing. A dry run counts what would go and changes nothing; a real pass is
// audited with its counts.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { recordAudit } from '../audit/record';
import type { AppContext } from '../context';
import { zonedTimeToUtc } from '../time';
import { anonymize, ts, emptyCounts, type AnonymizeCounts } from './anonymize';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

const DAY = 86_400_000;

export interface RetentionLine {
  eventId: string;
  eventSlug: string;
  kind: RetentionKind;
  count: number;
}
export type RetentionKind =
  | 'sensitive answers'
  | 'pronouns'
  | 'access requests'
  | 'sensitive data views'
  | 'attendees'
  | 'buyers'
  | 'waiting-list entries';

export interface RetentionResult {
  dryRun: boolean;
  at: Date;
  /** What went (or would go), per event and kind; kinds with nothing are left out. */
  lines: RetentionLine[];
  totals: Record<RetentionKind, number>;
  /** What anonymizing also touched (tokens, links, emails, audit entries), for real passes. */
  anonymized: AnonymizeCounts;
}

const KINDS: RetentionKind[] = [
  'sensitive answers',
  'pronouns',
  'access requests',
  'sensitive data views',
  'attendees',
  'buyers',
  'waiting-list entries',
];

/** The moment an event is over: the end of its last day where it happens. */
export function eventEnd(event: { endsOn: string; timezone: string }): Date {
  return new Date(zonedTimeToUtc(event.endsOn, '23:59', event.timezone).getTime() + 60_000);
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

async function sensitiveTargets(db: DbOrTx, eventId: string) {
  const tix = sql`select t.id from tickets t join orders o on o.id = t.order_id where o.event_id = ${eventId}::uuid`;
  const [answers, pronouns, access, views] = await Promise.all([
    db.execute<{ n: number }>(sql`select count(*)::int as n from answers a join questions q on q.id = a.question_id
      where q.event_id = ${eventId}::uuid and (q.is_sensitive or q.is_access_need)`),
    db.execute<{ n: number }>(
      sql`select count(*)::int as n from tickets where id in (${tix}) and (pronouns_cipher is not null or pronouns <> '')`,
    ),
    db.execute<{ n: number }>(sql`select count(*)::int as n from access_requests where event_id = ${eventId}::uuid`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from sensitive_data_views where ticket_id in (${tix})`),
  ]);
  return {
    'sensitive answers': answers[0]?.n ?? 0,
    pronouns: pronouns[0]?.n ?? 0,
    'access requests': access[0]?.n ?? 0,
    'sensitive data views': views[0]?.n ?? 0,
  };
}

async function purgeSensitive(db: DbOrTx, eventId: string, now: Date): Promise<void> {
  const tix = sql`select t.id from tickets t join orders o on o.id = t.order_id where o.event_id = ${eventId}::uuid`;
  await db.execute(
    sql`delete from answers a using questions q where q.id = a.question_id and q.event_id = ${eventId}::uuid and (q.is_sensitive or q.is_access_need)`,
  );
  await db.execute(sql`update tickets set pronouns = '', pronouns_cipher = null, pronouns_key_id = null, updated_at = ${ts(now)}
    where id in (${tix}) and (pronouns_cipher is not null or pronouns <> '')`);
  await db.execute(sql`delete from access_requests where event_id = ${eventId}::uuid`);
  await db.execute(sql`delete from sensitive_data_views where ticket_id in (${tix})`);
}

async function personalTargets(db: DbOrTx, eventId: string) {
  const [tickets, orders, waitlist, emails] = await Promise.all([
    db.execute<{ id: string }>(
      sql`select t.id from tickets t join orders o on o.id = t.order_id where o.event_id = ${eventId}::uuid and t.anonymized_at is null`,
    ),
    db.execute<{ id: string }>(sql`select id from orders where event_id = ${eventId}::uuid and anonymized_at is null`),
    db.execute<{ id: string }>(sql`select id from waitlist_entries where event_id = ${eventId}::uuid`),
    db.execute<{ email: string }>(sql`select lower(t.email) as email from tickets t join orders o on o.id = t.order_id
        where o.event_id = ${eventId}::uuid and t.anonymized_at is null and t.email <> ''
      union select lower(buyer_email) from orders where event_id = ${eventId}::uuid and anonymized_at is null
      union select lower(email) from waitlist_entries where event_id = ${eventId}::uuid`),
  ]);
  return {
    ticketIds: ids(tickets),
    orderIds: ids(orders),
    waitlistIds: ids(waitlist),
    emails: emails.map((r) => r.email),
  };
}

function add(into: AnonymizeCounts, more: AnonymizeCounts): void {
  for (const key of Object.keys(into) as (keyof AnonymizeCounts)[]) into[key] += more[key];
}

export async function runRetention(ctx: Ctx, options: { dryRun: boolean }): Promise<RetentionResult> {
  const now = ctx.clock.now();
  const sensitiveMs = ctx.config.SENSITIVE_DATA_RETENTION_DAYS * DAY;
  const personalMs = ctx.config.PERSONAL_DATA_RETENTION_DAYS * DAY;
  return ctx.db.transaction(async (tx) => {
    // One pass at a time (the daily housekeeping pass and a manual run may meet).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('privacy-retention', 0))`);
    const events = await tx.execute<{ id: string; slug: string; ends_on: string; timezone: string }>(
      sql`select id, slug, ends_on::text, timezone from events order by ends_on, slug`,
    );
    const lines: RetentionLine[] = [];
    const anonymized = emptyCounts();
    const push = (eventId: string, eventSlug: string, kind: RetentionKind, count: number) => {
      if (count) lines.push({ eventId, eventSlug, kind, count });
    };
    for (const event of events) {
      const end = eventEnd({ endsOn: event.ends_on, timezone: event.timezone }).getTime();
      if (end + sensitiveMs > now.getTime()) continue;
      const sensitive = await sensitiveTargets(tx, event.id);
      for (const [kind, n] of Object.entries(sensitive)) push(event.id, event.slug, kind as RetentionKind, n);
      if (!options.dryRun) await purgeSensitive(tx, event.id, now);
      if (end + personalMs > now.getTime()) continue;
      const people = await personalTargets(tx, event.id);
      push(event.id, event.slug, 'attendees', people.ticketIds.length);
      push(event.id, event.slug, 'buyers', people.orderIds.length);
      push(event.id, event.slug, 'waiting-list entries', people.waitlistIds.length);
      if (!options.dryRun && (people.ticketIds.length || people.orderIds.length || people.waitlistIds.length)) {
        add(anonymized, await anonymize(tx, { ...people, now }));
      }
    }
    const totals = Object.fromEntries(
      KINDS.map((k) => [k, lines.filter((l) => l.kind === k).reduce((s, l) => s + l.count, 0)]),
    ) as Record<RetentionKind, number>;
    if (!options.dryRun) {
      const total = Object.values(totals).reduce((a, b) => a + b, 0);
      await recordAudit(tx, {
        actor: { type: 'system' },
        action: 'privacy.retention',
        targetType: 'retention',
        at: now,
        summary: total
          ? `Retention pass: ${KINDS.filter((k) => totals[k])
              .map((k) => `${totals[k]} ${k}`)
              .join(', ')}`
          : 'Retention pass: nothing was due',
        details: {
          totals,
          sensitiveDays: ctx.config.SENSITIVE_DATA_RETENTION_DAYS,
          personalDays: ctx.config.PERSONAL_DATA_RETENTION_DAYS,
          perEvent: lines.map((l) => ({ event: l.eventSlug, kind: l.kind, count: l.count })),
          anonymized,
        },
      });
    }
    return { dryRun: options.dryRun, at: now, lines, totals, anonymized };
  });
}

/** Whether a retention pass ran in the 24 hours before `now` (housekeeping runs one at most daily). */
export async function retentionRanRecently(db: DbOrTx, now: Date): Promise<boolean> {
  const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log
    where action = 'privacy.retention' and created_at > ${ts(new Date(now.getTime() - DAY))} and created_at <= ${ts(now)}`);
  return (rows[0]?.n ?? 0) > 0;
}
