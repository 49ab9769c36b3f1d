// The admin dashboard: the event's key numbers.
import type { Metadata } from 'next';
import { getContext } from '@/app/_lib/context';
import { requireUser, STAFF_ROLES } from '@/app/_lib/authz';
import { getEventBySlug, getEventStats } from '@/lib/programme/queries';

export const metadata: Metadata = { title: 'Dashboard' };
export const dynamic = 'force-dynamic';

export default async function AdminDashboardPage() {
  const user = await requireUser(STAFF_ROLES, '/admin');
  const ctx = getContext();
  const event = await getEventBySlug(ctx, ctx.config.EVENT_SLUG);
  const stats = event ? await getEventStats(ctx, event.id) : null;
  const figures = stats
    ? [
        { label: 'Sessions', value: stats.sessions },
        { label: 'Public sessions', value: stats.publicSessions },
        { label: 'Speakers', value: stats.speakers },
        { label: 'Tracks', value: stats.tracks },
        { label: 'Rooms', value: stats.rooms },
      ]
    : [];
  return (
    <div>
      <h1 className="text-3xl font-bold">Dashboard</h1>
      <p className="mt-2 text-muted">Signed in as {user.name || user.email}.</p>
      {event ? (
        <section aria-labelledby="event-heading" className="mt-8">
          <h2 id="event-heading" className="text-xl font-semibold">{event.name}</h2>
          <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
            {figures.map((f) => (
              <div key={f.label} className="card p-4">
                <dt className="text-sm text-muted">{f.label}</dt>
                <dd className="mt-1 text-3xl font-bold tabular-nums">{f.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : (
        <p className="mt-8">
          There is no event with the slug <code>{ctx.config.EVENT_SLUG}</code> yet. <code>npm start</code> seeds the demo
          conference; or set EVENT_SLUG to your event.
        </p>
      )}
    </div>
  );
}
