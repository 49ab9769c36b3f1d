// The one way personal data leaves the database, shared by erasure (one person, by email) and retention (every
// attendee of an event long past): names become 'Erased', addresses an undeliverable placeholder, answers,
// pronouns, access requests, views, agenda and waiting-list places go, every link stops working, unsent email is
// dropped, and the audit trail's summaries lose the names and addresses. Amounts, dates, references, payments,
// refunds and the billing name of a paid order stay: accounting must keep them. Runs inside the caller's transaction.
import { randomBytes } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { hashToken, newSecretToken } from '../tokens';

export const ERASED_NAME = 'Erased';
export const ERASED_TEXT = '[erased]';

/** A unique address that can never be delivered (.invalid is reserved by RFC 2606). */
export function erasedEmail(): string {
  return `erased-${randomBytes(6).toString('hex')}@invalid`;
}

export interface AnonymizeCounts {
  tickets: number;
  orders: number;
  answers: number;
  accessRequests: number;
  sensitiveViews: number;
  agendaItems: number;
  ticketTokens: number;
  orderLinks: number;
  emailsDropped: number;
  emailsScrubbed: number;
  waitlistEntries: number;
  auditEntriesScrubbed: number;
}

export const emptyCounts = (): AnonymizeCounts => ({
  tickets: 0,
  orders: 0,
  answers: 0,
  accessRequests: 0,
  sensitiveViews: 0,
  agendaItems: 0,
  ticketTokens: 0,
  orderLinks: 0,
  emailsDropped: 0,
  emailsScrubbed: 0,
  waitlistEntries: 0,
  auditEntriesScrubbed: 0,
});

export interface AnonymizeTarget {
  /** Tickets whose holder is erased. */
  ticketIds: string[];
  /** Orders whose buyer is erased (their order link stops working). */
  orderIds: string[];
  /** Waiting-list entries to remove. */
  waitlistIds: string[];
  /** Lower-case addresses whose email history is scrubbed and whose unsent email is dropped. */
  emails: string[];
  now: Date;
}

/** A moment as a query parameter (the driver takes strings in raw statements). */
export const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const uuids = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
const texts = (list: string[]) =>
  sql`${`{${list.map((s) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`}::text[]`;

async function count(db: DbOrTx, statement: SQL): Promise<number> {
  const rows = await db.execute<{ n: number }>(
    sql`with changed as (${statement} returning 1) select count(*)::int as n from changed`,
  );
  return rows[0]?.n ?? 0;
}

/** Words worth scrubbing from free text: names and addresses of three characters or more, placeholders excepted. */
function needles(values: string[]): string[] {
  const out = new Set<string>();
  for (const v of values) {
    const t = v.trim();
    if (t.length >= 3 && t !== ERASED_NAME && !t.endsWith('@invalid')) out.add(t);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces every name and address in the audit trail's summaries and details (and refund reasons, email subjects). */
async function scrubTexts(db: DbOrTx, words: string[]): Promise<{ audit: number }> {
  let audit = 0;
  for (let i = 0; i < words.length; i += 100) {
    const pattern = words
      .slice(i, i + 100)
      .map(escapeRegex)
      .join('|');
    audit += await count(
      db,
      sql`update audit_log set
        summary = regexp_replace(summary, ${pattern}, ${ERASED_TEXT}, 'gi'),
        details = regexp_replace(details::text, ${pattern}, ${ERASED_TEXT}, 'gi')::jsonb
      where summary ~* ${pattern} or details::text ~* ${pattern}`,
    );
    await db.execute(
      sql`update refunds set reason = regexp_replace(reason, ${pattern}, ${ERASED_TEXT}, 'gi') where reason ~* ${pattern}`,
    );
    await db.execute(sql`update email_messages set subject = regexp_replace(subject, ${pattern}, ${ERASED_TEXT}, 'gi'),
        last_error = regexp_replace(last_error, ${pattern}, ${ERASED_TEXT}, 'gi')
      where subject ~* ${pattern} or last_error ~* ${pattern}`);
  }
  return { audit };
}

export async function anonymize(db: DbOrTx, target: AnonymizeTarget): Promise<AnonymizeCounts> {
  const counts = emptyCounts();
  const { ticketIds, orderIds, waitlistIds, now } = target;
  const emails = [...new Set(target.emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  // What to scrub from free text, read before it is overwritten.
  const words: string[] = [...emails];
  if (ticketIds.length) {
    const rows = await db.execute<{ legal_name: string; badge_name: string; email: string }>(
      sql`select legal_name, badge_name, email from tickets where id = any(${uuids(ticketIds)})`,
    );
    for (const r of rows) words.push(r.legal_name, r.badge_name, r.email);
  }
  if (orderIds.length) {
    const rows = await db.execute<{ buyer_name: string; buyer_email: string }>(
      sql`select buyer_name, buyer_email from orders where id = any(${uuids(orderIds)})`,
    );
    for (const r of rows) words.push(r.buyer_name, r.buyer_email);
  }
  if (waitlistIds.length) {
    const rows = await db.execute<{ name: string; email: string }>(
      sql`select name, email from waitlist_entries where id = any(${uuids(waitlistIds)})`,
    );
    for (const r of rows) words.push(r.name, r.email);
  }

  if (ticketIds.length) {
    const ids = uuids(ticketIds);
    counts.answers = await count(db, sql`delete from answers where ticket_id = any(${ids})`);
    counts.accessRequests = await count(db, sql`delete from access_requests where ticket_id = any(${ids})`);
    counts.sensitiveViews = await count(db, sql`delete from sensitive_data_views where ticket_id = any(${ids})`);
    counts.agendaItems = await count(db, sql`delete from agenda_items where ticket_id = any(${ids})`);
    counts.ticketTokens = await count(
      db,
      sql`update ticket_tokens set revoked_at = ${ts(now)}, revoked_reason = 'erased'
      where ticket_id = any(${ids}) and revoked_at is null`,
    );
    // An attendee without an address keeps '' (the buyer manages them); any other gets a placeholder.
    counts.tickets = await count(
      db,
      sql`update tickets set legal_name = ${ERASED_NAME}, badge_name = ${ERASED_NAME},
        email = case when email = '' then '' else 'erased-' || substr(md5(random()::text || id::text), 1, 12) || '@invalid' end,
        pronouns = '', pronouns_cipher = null, pronouns_key_id = null, directory_opt_in = false, photo_preference = 'no_photos',
        feed_version = feed_version + 1, anonymized_at = ${ts(now)}, updated_at = ${ts(now)}
      where id = any(${ids})`,
    );
    // A request still pending for these tickets is settled by this: nothing is left to erase, and its sealed
    // address must not outlive the ticket's.
    await db.execute(sql`update erasure_requests set email_hash = null, email_cipher = null, email_key_id = null,
        status = case when status = 'requested' then 'confirmed'::erasure_request_status else status end, decided_at = coalesce(decided_at, ${ts(now)})
      where ticket_id = any(${ids})`);
  }
  if (orderIds.length) {
    const ids = uuids(orderIds);
    counts.orderLinks = await count(db, sql`delete from order_links where order_id = any(${ids})`);
    // The billing name stays on an order money was paid for (the receipt, the books); the token is replaced by the
    // hash of a secret nobody holds, so the order link stops working.
    const rows = await db.execute<{ id: string }>(sql`select id from orders where id = any(${ids})`);
    for (const { id } of rows) {
      await db.execute(sql`update orders set buyer_email = ${erasedEmail()},
          buyer_name = case when paid_at is not null or amount_paid > 0 then buyer_name else ${ERASED_NAME} end,
          access_token_hash = ${hashToken(newSecretToken())}, client_key = null, anonymized_at = ${ts(now)}, updated_at = ${ts(now)}
        where id = ${id}::uuid`);
    }
    counts.orders = rows.length;
  }
  if (waitlistIds.length) {
    counts.waitlistEntries = await count(db, sql`delete from waitlist_entries where id = any(${uuids(waitlistIds)})`);
  }
  if (emails.length) {
    const list = texts(emails);
    counts.emailsDropped = await count(
      db,
      sql`update email_messages set status = 'skipped', last_error = 'recipient erased', updated_at = ${ts(now)}
      where to_email = any(${list}) and status = 'queued'`,
    );
    counts.emailsScrubbed = await count(
      db,
      sql`update email_messages
      set to_email = 'erased-' || substr(md5(random()::text || id::text), 1, 12) || '@invalid', updated_at = ${ts(now)}
      where to_email = any(${list})`,
    );
    await db.execute(sql`delete from email_suppressions where email = any(${list})`);
  }
  counts.auditEntriesScrubbed = (await scrubTexts(db, needles(words))).audit;
  return counts;
}
