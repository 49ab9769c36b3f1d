// The waiting-list emails, composed when they are sent: the confirmation (double opt-in) and the offer of a freed
// place. A fresh link is issued then (only its hash is stored), so no usable secret waits in the outbox. Each
// composes to nothing once its entry has moved on (confirmed, taken, lapsed, withdrawn or gone), so a late resend
// never says something untrue.
import { eq } from 'drizzle-orm';
import { sessions, ticketTypes, waitlistEntries, type EmailMessage, type Event } from '@/db/schema';
import type { ComposeCtx, ComposedEmail } from './compose';
import { issueOfferLink, issueWaitlistConfirmLink, urls } from '../links/secret-links';
import { loadEvent, sameAddress } from './order-data';
import { emailSubject, eventLabel } from './subjects';
import { renderEmailTemplate, type EmailTemplate } from './templates';
import { formatInstant } from '../time';

/** The entry a waiting-list email is about, with what it waits for ("A place" when that is gone), or null. */
async function loadEntry(ctx: ComposeCtx, entryId: unknown) {
  if (typeof entryId !== 'string') return null;
  const [entry] = await ctx.db
    .select({
      id: waitlistEntries.id,
      eventId: waitlistEntries.eventId,
      email: waitlistEntries.email,
      status: waitlistEntries.status,
      confirmedAt: waitlistEntries.confirmedAt,
      confirmExpiresAt: waitlistEntries.confirmExpiresAt,
      offerExpiresAt: waitlistEntries.offerExpiresAt,
      typeLabel: ticketTypes.publicLabel,
      sessionTitle: sessions.title,
    })
    .from(waitlistEntries)
    .leftJoin(ticketTypes, eq(ticketTypes.id, waitlistEntries.ticketTypeId))
    .leftJoin(sessions, eq(sessions.id, waitlistEntries.sessionId))
    .where(eq(waitlistEntries.id, entryId));
  return entry ? { ...entry, place: entry.typeLabel ?? entry.sessionTitle ?? 'A place' } : null;
}

/** Renders the template built for the entry's event (null once the event is gone), with its subject. */
async function render(
  ctx: ComposeCtx,
  eventId: string,
  template: (event: Event, eventName: ReturnType<typeof eventLabel>) => Promise<EmailTemplate>,
): Promise<ComposedEmail | null> {
  const event = await loadEvent(ctx.db, eventId);
  if (!event) return null;
  const eventName = eventLabel(event);
  const built = await template(event, eventName);
  const { html, text } = await renderEmailTemplate(built);
  return { subject: emailSubject(built.kind, { eventName }), html, text };
}

export async function composeWaitlistConfirm(ctx: ComposeCtx, message: EmailMessage): Promise<ComposedEmail | null> {
  const entryId = message.params.entryId;
  if (typeof entryId !== 'string' || !/^[0-9a-f-]{36}$/i.test(entryId)) return null;
  const now = ctx.clock.now();
  const entry = await loadEntry(ctx, entryId);
  if (
    !entry ||
    entry.status !== 'waiting' ||
    entry.confirmedAt ||
    !entry.confirmExpiresAt ||
    entry.confirmExpiresAt <= now
  )
    return null;
  if (!sameAddress(entry.email, message.toEmail)) return null;
  const confirmBy = entry.confirmExpiresAt;
  return render(ctx, entry.eventId, async (event, eventName) => ({
    kind: 'waitlist_confirm',
    props: {
      eventName,
      requestedFor: entry.place,
      confirmBy: formatInstant(confirmBy, event.timezone),
      confirmUrl: urls.waitlistConfirm(ctx.config.APP_URL, await issueWaitlistConfirmLink(ctx.db, entry.id, now)),
    },
  }));
}

export async function composeWaitlistOffer(ctx: ComposeCtx, message: EmailMessage): Promise<ComposedEmail | null> {
  const now = ctx.clock.now();
  const entry = await loadEntry(ctx, message.params.entryId);
  // Taken, lapsed or withdrawn since it was queued: nothing to offer any more.
  if (!entry || entry.status !== 'offered' || !entry.offerExpiresAt || entry.offerExpiresAt <= now) return null;
  const deadline = entry.offerExpiresAt;
  return render(ctx, entry.eventId, async (event, eventName) => ({
    kind: 'waitlist_offer',
    props: {
      eventName,
      offeredFor: entry.place,
      deadline: formatInstant(deadline, event.timezone),
      offerUrl: urls.offer(ctx.config.APP_URL, await issueOfferLink(ctx.db, entry.id, now)),
    },
  }));
}
