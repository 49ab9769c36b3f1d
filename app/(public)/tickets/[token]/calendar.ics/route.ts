// One attendee's calendar file, linked from their ticket email.
import { connection } from 'next/server';
import { getContext } from '@/app/_lib/context';
import { calendarFile, notFoundText, serverErrorText } from '@/app/_lib/private-file';
import { ticketCalendarByToken } from '@/lib/tickets/by-token';

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  try {
    const ics = await ticketCalendarByToken(getContext(), token);
    return ics ? calendarFile(ics) : notFoundText('This calendar link is not valid any more.');
  } catch (error) {
    return serverErrorText('GET ticket calendar.ics', error);
  }
}
