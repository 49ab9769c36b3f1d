// Delivery state from the provider's webhooks: verify the signature over the raw body (400, nothing written, when
// it fails), record the event id once in email_events (a redelivery changes nothing and still answers 200), and
// move the message forward: delivered, bounced or complained (a bounce or complaint also puts the address on the
// suppression list, so nothing more is sent to it). A late "delivered" never undoes a bounce or a complaint.
import { and, eq, inArray } from 'drizzle-orm';
import { emailEvents, emailMessages, emailSuppressions, type EmailStatus } from '@/db/schema';
import { parseResendWebhook } from '../adapters/mailer/resend-events';
import { InvalidEmailWebhookError, type DeliveryEvent } from '../adapters/mailer/types';
import type { WebhookHeaders } from '../adapters/mailer/webhook-signature';
import type { AppContext } from '../context';
import { isTransientDbError } from '@/db/errors';
import { describeError } from './prepare';

type DeliveryCtx = Pick<AppContext, 'db' | 'clock'>;

/** Each new state, and the states it may replace. */
const MOVES: Partial<Record<DeliveryEvent['type'], { to: EmailStatus; from: EmailStatus[] }>> = {
  delivered: { to: 'delivered', from: ['queued', 'sent', 'failed'] },
  bounced: { to: 'bounced', from: ['queued', 'sent', 'delivered', 'failed'] },
  complained: { to: 'complained', from: ['queued', 'sent', 'delivered', 'failed', 'bounced'] },
  failed: { to: 'failed', from: ['queued', 'sent'] },
};

export interface DeliveryResult {
  duplicate: boolean;
  messageId: string | null;
  status: EmailStatus | null;
  suppressed: string[];
}

export async function applyDeliveryEvent(ctx: DeliveryCtx, event: DeliveryEvent): Promise<DeliveryResult> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [recorded] = await tx
      .insert(emailEvents)
      .values({ providerEventId: event.id, type: event.type, receivedAt: now })
      .onConflictDoNothing({ target: emailEvents.providerEventId })
      .returning({ id: emailEvents.id });
    if (!recorded) return { duplicate: true, messageId: null, status: null, suppressed: [] };

    const [message] = event.providerMessageId
      ? await tx
          .select({ id: emailMessages.id, status: emailMessages.status })
          .from(emailMessages)
          .where(eq(emailMessages.providerMessageId, event.providerMessageId))
      : [];
    let status = message?.status ?? null;
    const move = MOVES[event.type];
    if (message && move) {
      const [moved] = await tx
        .update(emailMessages)
        .set({ status: move.to, updatedAt: now })
        .where(and(eq(emailMessages.id, message.id), inArray(emailMessages.status, move.from)))
        .returning({ status: emailMessages.status });
      status = moved?.status ?? status;
    }
    if (message) await tx.update(emailEvents).set({ messageId: message.id }).where(eq(emailEvents.id, recorded.id));

    // Suppress the address even for a message we cannot match: the address is what must not be mailed again.
    const suppressed = event.type === 'bounced' || event.type === 'complained' ? event.recipients : [];
    if (suppressed.length) {
      await tx
        .insert(emailSuppressions)
        .values(suppressed.map((email) => ({ email, reason: event.type, createdAt: now })))
        .onConflictDoNothing();
    }
    return { duplicate: false, messageId: message?.id ?? null, status, suppressed };
  });
}

export interface WebhookAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** The route's whole job, as plain input and output. */
export async function receiveDeliveryWebhook(
  ctx: DeliveryCtx & { config: Pick<AppContext['config'], 'RESEND_WEBHOOK_SECRET'> },
  rawBody: string,
  headers: WebhookHeaders,
): Promise<WebhookAnswer> {
  const secret = ctx.config.RESEND_WEBHOOK_SECRET;
  if (!secret) return { status: 404, body: { error: 'email webhooks are not configured' } };
  let event: DeliveryEvent;
  try {
    event = parseResendWebhook(rawBody, headers, secret, ctx.clock.now());
  } catch (error) {
    if (error instanceof InvalidEmailWebhookError || (error as Error)?.name === 'InvalidEmailWebhookError') {
      return { status: 400, body: { error: 'invalid signature' } };
    }
    throw error;
  }
  if (event.type === 'ignored') return { status: 200, body: { received: true, ignored: true } };
  try {
    const result = await applyDeliveryEvent(ctx, event);
    return { status: 200, body: { received: true, duplicate: result.duplicate } };
  } catch (error) {
    // Only the event id and a code: messages can quote the row they failed on.
    console.error(`email event ${event.id} failed (${describeError(error)})`);
    return isTransientDbError(error)
      ? { status: 503, body: { error: 'temporarily unavailable, retry later' } }
      : { status: 500, body: { error: 'internal error' } };
  }
}
