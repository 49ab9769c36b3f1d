// A ticket's QR code, as the image in its emails: served only while the token is live (a ticket passed on or
// cancelled shows nothing any more).
import { connection } from 'next/server';
import { getContext } from '@/app/_lib/context';
import { notFoundText, PRIVATE_FILE_HEADERS, serverErrorText } from '@/app/_lib/private-file';
import { ticketQrPng } from '@/lib/tickets/by-token';

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  try {
    const png = await ticketQrPng(getContext(), token);
    if (!png) return notFoundText('This ticket code is not valid any more.');
    return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png', ...PRIVATE_FILE_HEADERS } });
  } catch (error) {
    return serverErrorText('GET ticket qr.png', error);
  }
}
