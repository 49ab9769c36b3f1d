// Renders one email template to its HTML and plain-text parts. The only door from lib/ into React: compose.ts
// passes data in and gets strings back, so nothing outside this folder imports React.
import { plainTextSelectors, render } from '@react-email/render';
import { compile } from 'html-to-text';
import type { ReactElement } from 'react';
import { AccessUpdateEmail } from './access-update';
import { CancellationEmail } from './cancellation';
import { HoldExpiredEmail } from './hold-expired';
import { LatePaymentRefundedEmail } from './late-payment-refunded';
import { OrderAccessEmail } from './order-access';
import { OrderConfirmationEmail } from './order-confirmation';
import { PaymentFailedEmail } from './payment-failed';
import { PaymentReceiptEmail } from './payment-receipt';
import { RefundEmail } from './refund';
import { ReminderEmail } from './reminder';
import { StaffInvitationEmail } from './staff-invitation';
import { TicketEmail } from './ticket';
import { TicketTransferredEmail } from './ticket-transferred';
import type { EmailTemplate } from './types';
import { WaitlistConfirmEmail } from './waitlist-confirm';
import { WaitlistOfferEmail } from './waitlist-offer';

export type * from './types';

function element(t: EmailTemplate): ReactElement {
  switch (t.kind) {
    case 'order_confirmation':
      return <OrderConfirmationEmail {...t.props} />;
    case 'ticket':
      return <TicketEmail {...t.props} />;
    case 'payment_receipt':
      return <PaymentReceiptEmail {...t.props} />;
    case 'payment_failed':
      return <PaymentFailedEmail {...t.props} />;
    case 'hold_expired':
      return <HoldExpiredEmail {...t.props} />;
    case 'refund':
      return <RefundEmail {...t.props} />;
    case 'cancellation':
      return <CancellationEmail {...t.props} />;
    case 'waitlist_offer':
      return <WaitlistOfferEmail {...t.props} />;
    case 'waitlist_confirm':
      return <WaitlistConfirmEmail {...t.props} />;
    case 'late_payment_refunded':
      return <LatePaymentRefundedEmail {...t.props} />;
    case 'reminder':
      return <ReminderEmail {...t.props} />;
    case 'order_access':
      return <OrderAccessEmail {...t.props} />;
    case 'ticket_transferred':
      return <TicketTransferredEmail {...t.props} />;
    case 'staff_invitation':
      return <StaffInvitationEmail {...t.props} />;
    case 'access_update':
      return <AccessUpdateEmail {...t.props} />;
  }
}

const headings = ['h1', 'h2', 'h3'].map((selector) => ({ selector, options: { uppercase: false } }));
// React Email's toPlainText with the same options, compiled once: it rebuilt the converter for every email,
// which cost more than rendering the HTML.
const toPlainText = compile({ wordwrap: false, selectors: [...plainTextSelectors, ...headings] });

export async function renderEmailTemplate(template: EmailTemplate): Promise<{ html: string; text: string }> {
  const html = await render(element(template));
  // From the same HTML, so both parts always say the same thing (and React renders once).
  const text =
    toPlainText(html)
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n';
  return { html, text };
}
