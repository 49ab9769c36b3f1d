import { describe, expect, it } from 'vitest';
import { checkoutIdempotencyKey, checkoutLines } from '@/lib/payments/start-checkout';

describe('checkout lines', () => {
  it('groups tickets by public label and net price, and leaves fully discounted tickets out', () => {
    expect(
      checkoutLines([
        { label: 'Full pass', price: 30000, discount: 3000 },
        { label: 'Online pass', price: 9000, discount: 0 },
        { label: 'Full pass', price: 30000, discount: 3000 },
        { label: 'Full pass', price: 30000, discount: 0 },
        { label: 'Conference pass', price: 0, discount: 0 },
        { label: 'Online pass', price: 9000, discount: 9000 },
      ]),
    ).toEqual([
      { label: 'Full pass', unitAmount: 27000, quantity: 2 },
      { label: 'Online pass', unitAmount: 9000, quantity: 1 },
      { label: 'Full pass', unitAmount: 30000, quantity: 1 },
    ]);
  });
});

describe('checkout idempotency key', () => {
  it('is the order for the first session and the order plus the replaced session afterwards', () => {
    expect(checkoutIdempotencyKey('o-1', null)).toBe('checkout:o-1');
    expect(checkoutIdempotencyKey('o-1', 'cs_test_a')).toBe('checkout:o-1:after:cs_test_a');
  });
});
