// One order for organizers ('orders.view'): buyer, tickets, money, refunds, email history and audit trail; with
// 'orders.manage', the forms to refund, cancel and resend the confirmation.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { AdminForm } from '@/app/admin/_components/admin-form';
import { CheckboxField, TextAreaField, TextField } from '@/app/admin/_components/fields';
import { findSuppressions } from '@/lib/orders/staff-emails';
import { getOrderDetail } from '@/lib/orders/staff-queries';
import { can } from '@/lib/staff/permissions';
import { formatMoney } from '@/lib/money';
import { AuditTrail } from '../_components/audit-trail';
import { EmailHistory } from '../_components/email-history';
import { EventInstant } from '@/app/admin/_components/event-instant';
import { PAYMENT_STATE_LABELS, SOURCE_LABELS, statusLabel } from '../_components/labels';
import { cancelOrderAction, refundOrderAction, resendConfirmationAction } from './actions';
import { DataTable } from '@/app/admin/_components/data-table';

export const metadata: Metadata = { title: 'Order' };
export const dynamic = 'force-dynamic';

const REFUND_STATUS = {
  pending: 'Pending at the provider',
  succeeded: 'Refunded',
  failed: 'Refused by the provider',
} as const;

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-wrap gap-x-3 border-b border-line py-1.5">
      <dt className="min-w-40 font-semibold">{term}</dt>
      <dd className="tabular-nums">{children}</dd>
    </div>
  );
}

export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission('orders.view', `/admin/orders/${encodeURIComponent(id)}`);
  const ctx = getContext();
  const detail = await getOrderDetail(ctx, id);
  if (!detail) notFound();
  const { order, status, timezone: tz } = detail;
  const money = (amount: number) => formatMoney(amount, order.currency);
  const [suppressed] = await findSuppressions(ctx, [order.buyerEmail]);
  const manage = can(user.role, 'orders.manage');
  const canRefund = manage && detail.refundable > 0 && order.paymentReference !== null;
  const canCancel = manage && (status === 'pending_payment' || status === 'paid');
  return (
    <div className="flex flex-col gap-8">
      <p>
        <Link href="/admin/orders">← All orders</Link>
      </p>
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">
          Order <span className="font-mono">{order.reference}</span>
        </h1>
        <p className="flex flex-wrap items-center gap-2">
          <span className="badge badge-brand">{statusLabel(status)}</span>
          <span className="badge">{PAYMENT_STATE_LABELS[order.paymentState]}</span>
          <span className="text-muted">
            {SOURCE_LABELS[order.source] ?? order.source} · placed <EventInstant at={order.createdAt} timeZone={tz} />
          </span>
        </p>
        {order.attentionReason ? (
          <p className="card badge-note p-3" role="note">
            <strong>Needs attention:</strong> {order.attentionReason}
          </p>
        ) : null}
      </header>

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="buyer-heading">
          <h2 id="buyer-heading" className="mb-2 text-xl font-semibold">
            Buyer
          </h2>
          <dl>
            <Fact term="Billing name">{order.buyerName}</Fact>
            <Fact term="Email">
              <span className="break-all">{order.buyerEmail}</span>
            </Fact>
          </dl>
          {suppressed ? (
            <p className="card badge-note mt-3 p-3" role="note">
              <strong>Emails to this address are not sent:</strong> it{' '}
              {suppressed.reason === 'complained' ? 'reported our email as spam' : 'bounced'} on{' '}
              <EventInstant at={suppressed.createdAt} timeZone={tz} />.
            </p>
          ) : null}
        </section>

        <section aria-labelledby="money-heading">
          <h2 id="money-heading" className="mb-2 text-xl font-semibold">
            Money
          </h2>
          <dl>
            <Fact term="Subtotal">{money(order.subtotal)}</Fact>
            <Fact term="Discount">{order.discount ? `− ${money(order.discount)}` : money(0)}</Fact>
            <Fact term="Total">{money(order.total)}</Fact>
            <Fact term="Paid">{money(order.amountPaid)}</Fact>
            <Fact term="Refunded">{money(order.amountRefunded)}</Fact>
            <Fact term="Payment state">{PAYMENT_STATE_LABELS[order.paymentState]}</Fact>
            <Fact term="Payment reference">
              <span className="font-mono break-all">{order.paymentReference ?? '—'}</span>
            </Fact>
            {order.paidAt ? (
              <Fact term="Paid at">
                <EventInstant at={order.paidAt} timeZone={tz} />
              </Fact>
            ) : null}
            {status === 'pending_payment' && order.expiresAt ? (
              <Fact term="Hold ends">
                <EventInstant at={order.expiresAt} timeZone={tz} />
              </Fact>
            ) : null}
          </dl>
        </section>
      </div>

      <section aria-labelledby="tickets-heading">
        <h2 id="tickets-heading" className="mb-2 text-xl font-semibold">
          Tickets ({detail.tickets.length})
        </h2>
        <div className="overflow-x-auto">
          <DataTable
            caption="Tickets in this order"
            rows={detail.tickets}
            rowKey={(t) => t.id}
            columns={[
              {
                header: 'Attendee',
                rowHeader: true,
                cell: (t) => (
                  <>
                    {can(user.role, 'attendees.view') ? (
                      <Link href={`/admin/attendees/${t.id}`}>{t.legalName}</Link>
                    ) : (
                      t.legalName
                    )}
                    <span className="block text-sm text-muted">Badge: {t.badgeName}</span>
                    <span className="block text-sm break-all text-muted">{t.email}</span>
                  </>
                ),
              },
              {
                header: 'Ticket',
                cell: (t) => (
                  <>
                    {t.internalLabel}
                    {t.internalLabel !== t.label ? (
                      <span className="block text-sm text-muted">Shown as “{t.label}”</span>
                    ) : null}
                  </>
                ),
              },
              {
                header: 'Workshops',
                cell: (t) => (t.workshops.length ? t.workshops.map((w) => w.title).join('; ') : '—'),
              },
              {
                header: 'Price',
                numeric: true,
                cell: (t) => (
                  <>
                    {money(t.price - t.discount)}
                    {t.discount ? (
                      <span className="block text-sm text-muted">
                        {money(t.price)} less {money(t.discount)}
                      </span>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
        </div>
      </section>

      <section aria-labelledby="refunds-heading">
        <h2 id="refunds-heading" className="mb-2 text-xl font-semibold">
          Refunds
        </h2>
        {detail.refunds.length ? (
          <div className="overflow-x-auto">
            <DataTable
              caption="Refunds of this order, oldest first"
              rows={detail.refunds}
              rowKey={(r) => r.id}
              columns={[
                { header: 'Requested', cell: (r) => <EventInstant at={r.createdAt} timeZone={tz} /> },
                { header: 'Amount', numeric: true, cell: (r) => money(r.amount) },
                {
                  header: 'Status',
                  cell: (r) => (
                    <>
                      {REFUND_STATUS[r.status]}
                      {r.providerRefundId ? (
                        <span className="block font-mono text-sm break-all text-muted">{r.providerRefundId}</span>
                      ) : null}
                    </>
                  ),
                },
                { header: 'Reason', cell: (r) => r.reason || '—' },
              ]}
            />
          </div>
        ) : (
          <p>No refunds.</p>
        )}
      </section>

      {manage ? (
        <section aria-labelledby="actions-heading" className="flex flex-col gap-6">
          <h2 id="actions-heading" className="text-xl font-semibold">
            Actions
          </h2>
          {canRefund ? (
            <div className="card p-4">
              <h3 className="mb-3 text-lg font-semibold">Refund</h3>
              <AdminForm
                action={refundOrderAction}
                submitLabel="Refund"
                confirm="Send this refund to the payment provider?"
                resetOnSuccess
              >
                <input type="hidden" name="orderId" value={order.id} />
                <TextField
                  name="amount"
                  label={`Amount (${order.currency.toUpperCase()})`}
                  inputMode="decimal"
                  autoComplete="off"
                  hint={`At most ${money(detail.refundable)} can be refunded. Type it as 25 or 25.50.`}
                />
                <TextAreaField
                  name="reason"
                  label="Reason"
                  hint="Kept with the refund for the organizers; not sent to the buyer."
                  rows={2}
                />
              </AdminForm>
            </div>
          ) : null}
          {canCancel ? (
            <div className="card p-4">
              <h3 className="mb-3 text-lg font-semibold">Cancel the order</h3>
              <p className="mb-3 text-muted">The seats are released at once and the buyer is told by email.</p>
              <AdminForm
                action={cancelOrderAction}
                submitLabel="Cancel order"
                confirm="Cancel this order? This cannot be undone."
                submitClassName="btn btn-secondary"
              >
                <input type="hidden" name="orderId" value={order.id} />
                {order.amountPaid > order.amountRefunded ? (
                  <CheckboxField name="refund" label={`Also refund what is left (${money(detail.refundable)})`} />
                ) : null}
                <TextAreaField name="reason" label="Reason" rows={2} />
              </AdminForm>
            </div>
          ) : null}
          {status === 'paid' ? (
            <div className="card p-4">
              <h3 className="mb-3 text-lg font-semibold">Confirmation email</h3>
              <AdminForm
                action={resendConfirmationAction}
                submitLabel="Resend confirmation"
                submitClassName="btn btn-secondary"
              >
                <input type="hidden" name="orderId" value={order.id} />
                <p className="text-muted">
                  Sends the order confirmation again to {order.buyerEmail}, with a fresh link to the order.
                </p>
              </AdminForm>
            </div>
          ) : null}
          {!canRefund && !canCancel && status !== 'paid' ? (
            <p>There is nothing to do on an order that is {statusLabel(status).toLowerCase()}.</p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="emails-heading">
        <h2 id="emails-heading" className="mb-2 text-xl font-semibold">
          Emails
        </h2>
        <EmailHistory emails={detail.emails} timeZone={tz} caption="Emails about this order, newest first" />
      </section>

      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading" className="mb-2 text-xl font-semibold">
          History
        </h2>
        <AuditTrail entries={detail.audit} timeZone={tz} caption="What happened to this order, newest first" />
      </section>
    </div>
  );
}
