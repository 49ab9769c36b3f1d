// The admin dashboard: sales and revenue, capacity, holds and waiting lists, registrations per day, and what
// needs a person (payments, emails), plus check-in progress. Financial, so only roles with 'dashboard.view'
// see it; the others land on their own first page instead.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getRequestContext } from '@/app/_lib/request-context';
import { requireUser, STAFF_ROLES } from '@/app/_lib/authz';
import { EventInstant } from '@/app/admin/_components/event-instant';
import { getDashboard, type Dashboard, type PoolFigures } from '@/lib/reporting/dashboard';
import { can, homeFor } from '@/lib/staff/permissions';
import { formatMoney } from '@/lib/money';
import { formatDay } from '@/lib/time';
import { BarChart } from './_components/chart-bars';
import { findCurrentEvent } from '@/app/_lib/current-event';
import { DataTable } from '@/app/admin/_components/data-table';

export const metadata: Metadata = { title: 'Dashboard' };
export const dynamic = 'force-dynamic';

function left(p: Pick<PoolFigures, 'capacity' | 'taken'>): string {
  return p.capacity === null ? 'No limit' : String(Math.max(0, p.capacity - p.taken));
}

function used(p: Pick<PoolFigures, 'capacity' | 'taken'>): string {
  return p.capacity === null ? `${p.taken}` : `${p.taken} of ${p.capacity}`;
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Figures({ d }: { d: Dashboard }) {
  const items = [
    { label: 'Tickets sold', value: String(d.totals.sold) },
    { label: 'Revenue kept', value: formatMoney(d.totals.revenue, d.event.currency) },
    { label: 'Paid orders', value: String(d.totals.paidOrders) },
    { label: 'Live holds', value: `${d.holds.orders} (${d.holds.tickets} tickets)` },
  ];
  return (
    <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
      {items.map((f) => (
        <div key={f.label} className="card p-4">
          <dt className="text-sm text-muted">{f.label}</dt>
          <dd className="mt-1 text-2xl font-bold tabular-nums">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function SalesTable({ d }: { d: Dashboard }) {
  return (
    <div className="overflow-x-auto">
      <DataTable
        caption="Sales, holds, capacity and waiting lists by ticket type"
        rows={d.ticketTypes}
        rowKey={(t) => t.id}
        columns={[
          { header: 'Ticket type', rowHeader: true, cell: (t) => t.label },
          { header: 'Sold', numeric: true, cell: (t) => t.sold },
          { header: 'Revenue kept', numeric: true, cell: (t) => formatMoney(t.revenue, d.event.currency) },
          { header: 'In live holds', numeric: true, cell: (t) => t.held },
          { header: 'Seats taken', numeric: true, cell: (t) => used(t) },
          { header: 'Waiting', numeric: true, cell: (t) => t.waiting },
          { header: 'Offered', numeric: true, cell: (t) => t.offered },
        ]}
      />
      <p className="mt-2 text-sm text-muted">
        Revenue kept is what was paid minus refunds; an order with several ticket types shares it by ticket price. Seats
        taken counts paid tickets, live holds and live waiting-list offers.
      </p>
    </div>
  );
}

function CapacityTables({ d }: { d: Dashboard }) {
  const pools = [d.eventPool, ...d.pools];
  return (
    <div className="flex flex-col gap-6">
      <div className="overflow-x-auto">
        <DataTable
          caption="Capacity pools"
          showCaption
          rows={pools}
          rowKey={(p) => p.id}
          columns={[
            { header: 'Pool', rowHeader: true, cell: (p) => p.name },
            { header: 'Taken', numeric: true, cell: (p) => used(p) },
            { header: 'Left', numeric: true, cell: (p) => left(p) },
          ]}
        />
      </div>
      {d.workshops.length ? (
        <div className="overflow-x-auto">
          <DataTable
            caption="Workshops"
            showCaption
            rows={d.workshops}
            rowKey={(w) => w.id}
            columns={[
              { header: 'Workshop', rowHeader: true, cell: (w) => w.name },
              { header: 'Starts', cell: (w) => <EventInstant at={w.startsAt} timeZone={d.event.timezone} /> },
              { header: 'Taken', numeric: true, cell: (w) => used(w) },
              { header: 'Left', numeric: true, cell: (w) => left(w) },
              { header: 'Waiting', numeric: true, cell: (w) => w.waiting },
              { header: 'Offered', numeric: true, cell: (w) => w.offered },
            ]}
          />
        </div>
      ) : null}
      {d.holds.nextExpiry ? (
        <p className="text-sm">
          The next live hold lapses at <EventInstant at={d.holds.nextExpiry} timeZone={d.event.timezone} />.
        </p>
      ) : null}
    </div>
  );
}

function Attention({ d }: { d: Dashboard }) {
  return (
    <>
      <p>
        {d.attention.count === 0
          ? 'No payment needs attention.'
          : `${d.attention.count} ${d.attention.count === 1 ? 'order needs' : 'orders need'} a look.`}
      </p>
      {d.attention.items.length ? (
        <ul className="flex flex-col gap-2">
          {d.attention.items.map((a) => (
            <li key={a.id} className="card p-3">
              <Link href={`/admin/orders/${a.id}`} className="font-mono font-semibold">
                {a.reference}
              </Link>
              <span className="block text-sm">{a.reason}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {d.attention.count > d.attention.items.length ? (
        <p>
          <Link href="/admin/payments">All payments needing attention</Link>
        </p>
      ) : null}
    </>
  );
}

function EmailFailures({ d }: { d: Dashboard }) {
  if (!d.emailFailures.count) return <p>No email failed, bounced or was marked as spam.</p>;
  return (
    <div className="overflow-x-auto">
      <DataTable
        caption={`The ${d.emailFailures.items.length} most recent of ${d.emailFailures.count} emails that failed, bounced or were marked as spam`}
        rows={d.emailFailures.items}
        rowKey={(m) => m.id}
        columns={[
          { header: 'When', cell: (m) => <EventInstant at={m.at} timeZone={d.event.timezone} /> },
          { header: 'Email', cell: (m) => m.kind.replace(/_/g, ' ') },
          { header: 'To', className: 'break-all', cell: (m) => m.toEmail },
          {
            header: 'Status',
            cell: (m) => (
              <>
                {m.status}
                {m.lastError ? <span className="block text-sm text-muted">{m.lastError.slice(0, 200)}</span> : null}
              </>
            ),
          },
          {
            header: 'Order',
            cell: (m) =>
              m.orderId ? (
                <Link href={`/admin/orders/${m.orderId}`} className="font-mono">
                  {m.orderReference}
                </Link>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </div>
  );
}

function Checkins({ d }: { d: Dashboard }) {
  if (!d.checkins.length)
    return (
      <p>
        No check-in lists yet. <Link href="/admin/checkin">Open check-in</Link>
      </p>
    );
  return (
    <div className="overflow-x-auto">
      <DataTable
        caption="People checked in per list"
        rows={d.checkins}
        rowKey={(c) => c.listId}
        columns={[
          { header: 'List', rowHeader: true, cell: (c) => <Link href={`/admin/checkin/${c.listId}`}>{c.name}</Link> },
          { header: 'Checked in', numeric: true, cell: (c) => c.checkedIn },
          { header: 'Expected', numeric: true, cell: (c) => c.expected },
        ]}
      />
    </div>
  );
}

export default async function AdminDashboardPage() {
  const user = await requireUser(STAFF_ROLES, '/admin');
  if (!can(user.role, 'dashboard.view')) redirect(homeFor(user.role));
  const ctx = await getRequestContext();
  const event = await findCurrentEvent();
  const d = event ? await getDashboard(ctx, event.id) : null;
  if (!d) {
    return (
      <div>
        <h1 className="text-3xl font-bold">Dashboard</h1>
        <p className="mt-8">
          There is no event with the slug <code>{ctx.config.EVENT_SLUG}</code> yet. <code>npm start</code> seeds the
          demo conference; or set EVENT_SLUG to your event.
        </p>
      </div>
    );
  }
  const series = d.registrations.map((r) => ({
    key: r.day,
    label: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(
      new Date(`${r.day}T12:00:00Z`),
    ),
    longLabel: formatDay(r.day, 'en-GB', 'short'),
    value: r.tickets,
    extra: { Orders: r.orders },
  }));
  return (
    <div className="flex flex-col gap-10">
      <header>
        <h1 className="text-3xl font-bold">Dashboard</h1>
        <p className="mt-2 text-muted">
          {d.event.name}. Times are in the event&apos;s time zone ({d.event.timezone.replace(/_/g, ' ')}).
        </p>
      </header>
      <Section id="sales-heading" title="Sales">
        <Figures d={d} />
        <SalesTable d={d} />
      </Section>
      <Section id="capacity-heading" title="Capacity">
        <CapacityTables d={d} />
      </Section>
      <Section id="registrations-heading" title="Registrations per day">
        <BarChart
          id="registrations-chart"
          title="Tickets registered per day"
          data={series}
          unit="tickets"
          labelHeader="Day"
          valueHeader="Tickets"
        />
      </Section>
      <Section id="attention-heading" title="Payments needing attention">
        <Attention d={d} />
      </Section>
      <Section id="email-heading" title="Email failures">
        <EmailFailures d={d} />
      </Section>
      <Section id="checkin-heading" title="Check-in">
        <Checkins d={d} />
      </Section>
    </div>
  );
}
