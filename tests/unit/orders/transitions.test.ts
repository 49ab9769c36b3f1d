import { describe, expect, it } from 'vitest';
import type { OrderStatus } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { assertTransition, canTransition } from '@/lib/orders/transitions';

const statuses: OrderStatus[] = ['pending_payment', 'paid', 'expired', 'cancelled', 'refunded'];
const allowed: [OrderStatus, OrderStatus][] = [
  ['pending_payment', 'paid'],
  ['pending_payment', 'expired'],
  ['pending_payment', 'cancelled'],
  ['paid', 'refunded'],
  ['paid', 'cancelled'],
  ['expired', 'paid'],
];
const isAllowed = (from: OrderStatus, to: OrderStatus) => allowed.some(([f, t]) => f === from && t === to);

describe('order status transitions', () => {
  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it('refuses every move not in the table, including staying in the same status', () => {
    let refused = 0;
    for (const from of statuses) {
      for (const to of statuses) {
        if (isAllowed(from, to)) continue;
        expect(canTransition(from, to), `${from} → ${to}`).toBe(false);
        refused++;
      }
    }
    expect(refused).toBe(statuses.length * statuses.length - allowed.length);
  });

  it('treats cancelled and refunded as final', () => {
    for (const to of statuses) {
      expect(canTransition('cancelled', to)).toBe(false);
      expect(canTransition('refunded', to)).toBe(false);
    }
  });

  it('refuses a paid order going back to pending or expired, and an expired hold being refunded', () => {
    expect(canTransition('paid', 'pending_payment')).toBe(false);
    expect(canTransition('paid', 'expired')).toBe(false);
    expect(canTransition('expired', 'refunded')).toBe(false);
    expect(canTransition('expired', 'pending_payment')).toBe(false);
  });

  it('throws an INVALID_TRANSITION domain error with a readable message for a refused move', () => {
    let caught: unknown;
    try {
      assertTransition('refunded', 'paid');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe('INVALID_TRANSITION');
    expect((caught as DomainError).message).toBe('An order that is refunded cannot become paid.');
  });

  it('spells pending_payment as words in the message', () => {
    expect(() => assertTransition('pending_payment', 'refunded')).toThrow(
      'An order that is pending payment cannot become refunded.',
    );
  });
});
