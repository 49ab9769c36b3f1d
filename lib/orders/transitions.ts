// The one table of allowed order status moves. Anything else is an error that changes nothing.
import type { OrderStatus } from '@/db/schema';
import { DomainError } from '../errors';

const allowed: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ['paid', 'expired', 'cancelled'],
  paid: ['refunded', 'cancelled'],
  expired: ['paid'], // a late payment honoured while seats remain
  cancelled: [],
  refunded: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return allowed[from].includes(to);
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) {
    throw new DomainError(
      'INVALID_TRANSITION',
      `An order that is ${from.replace('_', ' ')} cannot become ${to.replace('_', ' ')}.`,
    );
  }
}
