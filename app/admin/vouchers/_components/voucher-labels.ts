// How voucher terms and states read on the voucher pages.
import type { VoucherStatus } from '@/lib/catalogue/staff-queries';

export const STATUS_LABELS: Record<VoucherStatus, string> = {
  active: 'Active',
  scheduled: 'Not valid yet',
  ended: 'Ended',
  used_up: 'Used up',
};
