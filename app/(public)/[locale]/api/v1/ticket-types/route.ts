// GET /api/v1/ticket-types without a voucher, served from the cache like the public pages (../../../layout.tsx):
// seats left are at most a second old, and an order checks them again.
import { notFound } from 'next/navigation';
import { getContext } from '@/app/_lib/context';
import { errorResponse } from '@/app/_lib/http';
import { isLocale } from '@/lib/http/public-cache';
import { ticketTypesListing } from '@/lib/catalogue/ticket-types-listing';

export const revalidate = 1;

export function generateStaticParams(): { locale: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  if (!isLocale((await params).locale)) notFound();
  try {
    return Response.json(await ticketTypesListing(getContext(), { voucherCode: '', clientKey: null }));
  } catch (error) {
    return errorResponse(error, 'GET /api/v1/ticket-types');
  }
}
