// A waiting-list offer (?offer=TOKEN) holds one seat for its holder: what it is for shows as available to them,
// even though the seat counts as taken for everyone else. createOrder checks the offer again.
import 'server-only';
import type { AppContext } from '@/lib/context';
import { findLiveOffer } from '@/lib/waitlist/offers';

export type LiveOffer = NonNullable<Awaited<ReturnType<typeof findLiveOffer>>>;

export async function readOffer(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  eventId: string,
  raw: string | undefined,
): Promise<{ token: string; offer: LiveOffer | null }> {
  const token = raw?.trim() ?? '';
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { token: '', offer: null };
  return { token, offer: await findLiveOffer(ctx.db, eventId, token, ctx.clock.now()) };
}

export { withOffer } from '@/lib/catalogue/on-sale';
