// Words for the states organizers see on order and attendee pages.
import type { EmailStatus, Order, OrderStatus } from '@/db/schema';

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending_payment: 'Awaiting payment',
  paid: 'Paid',
  expired: 'Expired',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
};

export const PAYMENT_STATE_LABELS: Record<Order['paymentState'], string> = {
  none: 'No payment yet',
  processing: 'Payment processing',
  failed: 'Payment failed',
  paid: 'Paid',
  partially_refunded: 'Partly refunded',
  refunded: 'Refunded',
};

export const SOURCE_LABELS: Record<string, string> = {
  online: 'Online',
  manual: 'Entered by an organizer',
  complimentary: 'Complimentary',
};

export const EMAIL_STATUS_LABELS: Record<EmailStatus, string> = {
  queued: 'Queued',
  sent: 'Sent',
  delivered: 'Delivered',
  bounced: 'Bounced',
  complained: 'Marked as spam',
  failed: 'Failed',
  suppressed: 'Not sent (address suppressed)',
  skipped: 'Not sent (no longer applied)',
};

export const STATUS_FILTERS = [
  { value: 'all', label: 'Any status' },
  { value: 'paid', label: 'Paid' },
  { value: 'pending_payment', label: 'Awaiting payment' },
  { value: 'expired', label: 'Expired' },
  { value: 'cancelled', label: 'Cancelled' },
  { value: 'refunded', label: 'Refunded' },
] as const;

export const statusLabel = (status: string) => ORDER_STATUS_LABELS[status as OrderStatus] ?? status;
export const kindLabel = (kind: string) => kind.replaceAll('_', ' ');
