// GET /api/admin/export/attendees.csv?q=&status=&ticketTypeId=&sessionId= : the attendee list as a streamed CSV,
// with the columns the signed-in role may see (lib/attendees/export.ts decides them and writes the audit entry).
import { connection, type NextRequest } from 'next/server';
import { authorizePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { errorResponse } from '@/app/_lib/http';
import { exportAttendeesCsv } from '@/lib/attendees/export';
import { DomainError } from '@/lib/errors';
import { getEventBySlug } from '@/lib/programme/queries';

export async function GET(request: NextRequest) {
  await connection();
  try {
    const user = await authorizePermission('attendees.export');
    const ctx = getContext();
    const event = await getEventBySlug(ctx, ctx.config.EVENT_SLUG);
    if (!event) throw new DomainError('NOT_FOUND', 'Event not found');
    const params = request.nextUrl.searchParams;
    const result = await exportAttendeesCsv(ctx, {
      eventId: event.id,
      q: params.get('q') ?? undefined,
      status: params.get('status') ?? undefined,
      ticketTypeId: params.get('ticketTypeId') ?? undefined,
      sessionId: params.get('sessionId') ?? undefined,
      viewer: user,
    });
    return new Response(result.stream, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${result.filename}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    return errorResponse(error, 'GET /api/admin/export/attendees.csv');
  }
}
