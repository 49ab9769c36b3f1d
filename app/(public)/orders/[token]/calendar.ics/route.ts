// The buyer's calendar file, linked from the confirmation email and the order's page.
import { connection } from 'next/server';
import { getRequestContext } from '@/app/_lib/request-context';
import { calendarFile, notFoundText, serverErrorText } from '@/app/_lib/private-file';
import { orderCalendarByToken } from '@/lib/tickets/by-token';

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  try {
    const ics = await orderCalendarByToken(await getRequestContext(), token);
    return ics
      ? calendarFile(ics)
      : notFoundText('This calendar link is not valid, or the registration is not confirmed.');
  } catch (error) {
    return serverErrorText('GET order calendar.ics', error);
  }
}
