// Email history for organizers: the outbox rows about an order, or about one attendee (their ticket's messages
// and anything sent to their address), with their delivery state; and whether an address is suppressed (it
// bounced or complained, so nothing more is sent to it). Subjects only, never bodies.
import { desc, eq, inArray, or } from 'drizzle-orm';
import { emailMessages, emailSuppressions, type EmailStatus } from '@/db/schema';
import type { AppContext } from '../context';

export interface EmailHistoryItem {
  id: string;
  kind: string;
  toEmail: string;
  subject: string | null;
  status: EmailStatus;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
  updatedAt: Date;
}

export interface Suppression {
  email: string;
  reason: string;
  createdAt: Date;
}

const HISTORY_LIMIT = 100;

export async function listEmailHistory(
  ctx: Pick<AppContext, 'db'>,
  about: { orderId?: string; ticketId?: string; email?: string },
): Promise<EmailHistoryItem[]> {
  const conditions = [
    about.orderId ? eq(emailMessages.orderId, about.orderId) : undefined,
    about.ticketId ? eq(emailMessages.ticketId, about.ticketId) : undefined,
    about.email ? eq(emailMessages.toEmail, about.email.trim().toLowerCase()) : undefined,
  ].filter((c) => c !== undefined);
  if (!conditions.length) return [];
  return ctx.db
    .select({
      id: emailMessages.id,
      kind: emailMessages.kind,
      toEmail: emailMessages.toEmail,
      subject: emailMessages.subject,
      status: emailMessages.status,
      attempts: emailMessages.attempts,
      createdAt: emailMessages.createdAt,
      sentAt: emailMessages.sentAt,
      updatedAt: emailMessages.updatedAt,
    })
    .from(emailMessages)
    .where(or(...conditions))
    .orderBy(desc(emailMessages.createdAt), desc(emailMessages.id))
    .limit(HISTORY_LIMIT);
}

export async function findSuppressions(ctx: Pick<AppContext, 'db'>, emails: string[]): Promise<Suppression[]> {
  const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  if (!wanted.length) return [];
  return ctx.db.select().from(emailSuppressions).where(inArray(emailSuppressions.email, wanted));
}
