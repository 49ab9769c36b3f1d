// Cancelling the whole registration within the refund policy, with a confirmation step. Before refund_until
// the payment is refunded in full; after it (or when the event has no self-service refunds) the policy is shown
// with how to reach the organizers. Reached through the order's secret link.
import { notFound } from 'next/navigation';
import { getRequestContext } from '@/app/_lib/request-context';
import { Deadline } from '../_components/attendee-edit';
import { formatMoney } from '@/lib/money';
import { getManageView } from '@/lib/self-service/manage';
import { RefundPolicy } from '../_components/refund-policy';
import { Subpage } from '../_components/subpage';
import { CardSection } from '@/app/_components/card-section';
import { organizerAddress } from '../_lib/contact';
import { privatePageMetadata } from '../_lib/metadata';
import { CancelForm } from './cancel-form';

export const dynamic = 'force-dynamic';
export const metadata = privatePageMetadata('Cancel your registration');

export default async function CancelPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ctx = await getRequestContext();
  const manage = await getManageView(ctx, token);
  if (!manage || manage.view.status !== 'paid') notFound();
  const { view, event, cancel } = manage;
  const { order } = view;
  const refund = order.amountPaid - order.amountRefunded;
  const people = view.tickets.length === 1 ? 'the attendee' : `all ${view.tickets.length} attendees`;
  const consequence =
    refund > 0
      ? `This cancels the place of ${people} on this order and refunds ${formatMoney(refund, order.currency)} to the card or account you paid with. It cannot be undone.`
      : `This cancels the place of ${people} on this order. It cannot be undone.`;
  return (
    <Subpage token={token} eventName={event.name} reference={order.reference} title="Cancel your registration">
      {cancel.open && cancel.until ? (
        <>
          <p>
            You can cancel with a full refund until <Deadline at={cancel.until} timeZone={event.timezone} />. Refunds
            usually reach your account within 5–10 working days. We confirm the cancellation by email.
          </p>
          <CardSection id="confirm-heading" heading="Confirm the cancellation" gap={4}>
            <CancelForm
              token={token}
              consequence={consequence}
              buttonLabel={
                refund > 0 ? `Cancel and refund ${formatMoney(refund, order.currency)}` : 'Cancel registration'
              }
            />
          </CardSection>
        </>
      ) : (
        <RefundPolicy
          event={event}
          reference={order.reference}
          contact={organizerAddress(ctx.config.EMAIL_FROM)}
          headingLevel={2}
        />
      )}
    </Subpage>
  );
}
