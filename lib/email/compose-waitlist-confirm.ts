// The waiting-list confirmation email (double opt-in), composed when it is sent: a fresh confirmation link is
// issued then (only its hash is stored), so no usable secret waits in the outbox. Composes to nothing once the
// entry no longer waits for confirmation (confirmed, lapsed or gone), so a late resend never says something untrue.
import { eq } from 'drizzle-orm';
import { sessions, ticketTypes, waitlistEntries, type EmailMessage } from '@/db/schema';
import type { ComposeCtx, ComposedEmail } from './compose';
import { issueWaitlistConfirmLink, urls } from '../links/secret-links';
import { loadEvent, sameAddress } from './order-data';
import { emailSubject, eventLabel } from './subjects';
import { renderEmailTemplate } from './templates';
import { formatInstant } from '../time';

export async function composeWaitlistConfirm(ctx: ComposeCtx, message: EmailMessage): Promise<ComposedEmail | null> {
  const entryId = message.params.entryId;
  if (typeof entryId !== 'string' || !/^[0-9a-f-]{36}$/i.test(entryId)) return null;
  const now = ctx.clock.now();
  const [entry] = await ctx.db
    .select({
      id: waitlistEntries.id,
      eventId: waitlistEntries.eventId,
      email: waitlistEntries.email,
      status: waitlistEntries.status,
      confirmedAt: waitlistEntries.confirmedAt,
      confirmExpiresAt: waitlistEntries.confirmExpiresAt,
      typeLabel: ticketTypes.publicLabel,
      sessionTitle: sessions.title,
    })
    .from(waitlistEntries)
    .leftJoin(ticketTypes, eq(ticketTypes.id, waitlistEntries.ticketTypeId))
    .leftJoin(sessions, eq(sessions.id, waitlistEntries.sessionId))
    .where(eq(waitlistEntries.id, entryId));
  if (
    !entry ||
    entry.status !== 'waiting' ||
    entry.confirmedAt ||
    !entry.confirmExpiresAt ||
    entry.confirmExpiresAt <= now
  )
    return null;
  if (!sameAddress(entry.email, message.toEmail)) return null;
  const event = await loadEvent(ctx.db, entry.eventId);
  if (!event) return null;
  const token = await issueWaitlistConfirmLink(ctx.db, entry.id, now);
  const eventName = eventLabel(event);
  const { html, text } = await renderEmailTemplate({
    kind: 'waitlist_confirm',
    props: {
      eventName,
      requestedFor: entry.typeLabel ?? entry.sessionTitle ?? 'A place',
      confirmBy: formatInstant(entry.confirmExpiresAt, event.timezone),
      confirmUrl: urls.waitlistConfirm(ctx.config.APP_URL, token),
    },
  });
  return { subject: emailSubject('waitlist_confirm', { eventName }), html, text };
}
