// GET /api/admin/checkin/counts : live figures of every check-in list of the event ({ lists: [{ listId, name,
// checkedIn, expected }] }), polled by the check-in pages. Numbers only: no names.
import { connection } from 'next/server';
import { authorizePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { errorResponse } from '@/app/_lib/http';
import { getCheckinCounts } from '@/lib/checkin/counts';
import { DomainError } from '@/lib/errors';
import { getEventBySlug } from '@/lib/programme/queries';

export async function GET() {
  await connection();
  try {
    await authorizePermission('checkin.scan');
    const ctx = getContext();
    const event = await getEventBySlug(ctx, ctx.config.EVENT_SLUG);
    if (!event) throw new DomainError('NOT_FOUND', 'Event not found');
    return Response.json(
      { lists: await getCheckinCounts(ctx, event.id) },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (error) {
    return errorResponse(error, 'GET /api/admin/checkin/counts');
  }
}
