// Joining a waiting list the way a person does: the join, the confirmation email composed from the outbox (which
// issues the link), and the click on that link.
import { and, desc, eq, sql } from 'drizzle-orm';
import { emailMessages } from '@/db/schema';
import { composeEmail, type ComposeCtx } from '@/lib/email/compose';
import { confirmWaitlistEntry } from '@/lib/waitlist/confirm';
import { joinWaitlist } from '@/lib/waitlist/join';

export const CONFIRM_LINK = /\/register\/waitlist\/confirm\/([A-Za-z0-9_-]{20,})/;

/** The newest confirmation email queued for the entry. */
export async function confirmationMessage(ctx: ComposeCtx, entryId: string) {
  const [row] = await ctx.db
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.kind, 'waitlist_confirm'), eq(sql`${emailMessages.params}->>'entryId'`, entryId)))
    .orderBy(desc(emailMessages.createdAt), desc(emailMessages.id))
    .limit(1);
  return row ?? null;
}

/** Composes the entry's confirmation email as the sender would and returns the token in its link. */
export async function confirmationToken(ctx: ComposeCtx, entryId: string): Promise<string> {
  const message = await confirmationMessage(ctx, entryId);
  if (!message) throw new Error(`No confirmation email for entry ${entryId}`);
  const composed = await composeEmail(ctx, message);
  const token = CONFIRM_LINK.exec(composed?.text ?? '')?.[1];
  if (!token) throw new Error(`The confirmation email for entry ${entryId} has no link`);
  return token;
}

export interface Person {
  name: string;
  email: string;
  ticketTypeId?: string;
  sessionId?: string;
}

/** Joins and confirms at once; returns the entry's id. */
export async function joinAndConfirm(
  ctx: ComposeCtx,
  eventId: string,
  person: Person,
  clientKey: string | null = null,
): Promise<string> {
  const joined = await joinWaitlist(ctx, eventId, person, { clientKey });
  if (!joined.entryId || !joined.outcome.startsWith('confirmation_'))
    throw new Error(`Joining answered ${joined.outcome}`);
  const confirmed = await confirmWaitlistEntry(ctx, await confirmationToken(ctx, joined.entryId));
  if (confirmed.state !== 'confirmed') throw new Error(`Confirming answered ${confirmed.state}`);
  return joined.entryId;
}
