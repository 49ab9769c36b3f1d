// Ticket tokens (what QR codes and ticket calendar links carry) stop working when their order stops being paid:
// cancelled or refunded in full. Called in the transaction that changes the order's status, so there is no moment
// when the order is cancelled and its QR code still opens.
import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { ticketTokens, tickets } from '@/db/schema';

export type TicketTokenRevocation = 'cancelled' | 'refunded';

/** Revokes every live token of the order's tickets; earlier revocations (a transfer) keep their reason. */
export async function revokeOrderTicketTokens(
  tx: DbOrTx,
  orderId: string,
  reason: TicketTokenRevocation,
  now: Date,
): Promise<number> {
  const revoked = await tx
    .update(ticketTokens)
    .set({ revokedAt: now, revokedReason: reason })
    .where(
      and(
        isNull(ticketTokens.revokedAt),
        inArray(
          ticketTokens.ticketId,
          tx
            .select({ id: tickets.id })
            .from(tickets)
            .where(sql`${tickets.orderId} = ${orderId}::uuid`),
        ),
      ),
    )
    .returning({ id: ticketTokens.id });
  return revoked.length;
}
