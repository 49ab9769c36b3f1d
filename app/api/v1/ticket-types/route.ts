// GET /api/v1/ticket-types: what is on sale now, with public labels, prices and seats left.
// Without a voucher it is served from the cache (app/(public)/[locale]/api/v1/ticket-types/route.ts).
// ?voucher=CODE also lists the hidden types a usable voucher unlocks; look-ups are throttled per client (429 with
// Retry-After), and an unknown, expired or used-up code answers exactly like no code.
import { connection, type NextRequest } from 'next/server';
import { errorResponse } from '@/app/_lib/http';
import { getClientKey, getRequestContext } from '@/app/_lib/request-context';
import { ticketTypesListing } from '@/lib/catalogue/ticket-types-listing';

export async function GET(request: NextRequest) {
  await connection();
  try {
    const ctx = await getRequestContext();
    const voucherCode = request.nextUrl.searchParams.get('voucher') ?? '';
    const body = await ticketTypesListing(ctx, {
      voucherCode,
      clientKey: voucherCode.trim() ? await getClientKey() : null,
    });
    return Response.json(body, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error, 'GET /api/v1/ticket-types');
  }
}
