// Looking up vouchers by their code (case-insensitive: codes are stored upper case).
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { voucherTicketTypes, vouchers, type Voucher } from '@/db/schema';

/** A voucher as registration applies it: its rule, limits and the ticket types it covers (none: all). */
export interface VoucherView extends Pick<
  Voucher,
  'id' | 'code' | 'kind' | 'value' | 'maxUses' | 'validFrom' | 'validUntil'
> {
  ticketTypeIds: string[];
}

export async function findVoucher(db: DbOrTx, eventId: string, code: string): Promise<VoucherView | null> {
  const [v] = await db
    .select()
    .from(vouchers)
    .where(and(eq(vouchers.eventId, eventId), eq(vouchers.code, code.trim().toUpperCase())));
  if (!v) return null;
  const links = await db
    .select({ id: voucherTicketTypes.ticketTypeId })
    .from(voucherTicketTypes)
    .where(eq(voucherTicketTypes.voucherId, v.id));
  return {
    id: v.id,
    code: v.code,
    kind: v.kind,
    value: v.value,
    maxUses: v.maxUses,
    validFrom: v.validFrom,
    validUntil: v.validUntil,
    ticketTypeIds: links.map((l) => l.id),
  };
}
