import { describe, expect, it } from 'vitest';
import { isPaymentProviderError, PaymentProviderError } from '@/lib/adapters/payments/types';

describe('isPaymentProviderError', () => {
  it('recognises the error, also from another copy of the module (Next bundles actions and pages apart)', () => {
    expect(isPaymentProviderError(new PaymentProviderError('down', true))).toBe(true);
    const fromOtherCopy = Object.assign(new Error('down'), { name: 'PaymentProviderError', retryable: false });
    expect(isPaymentProviderError(fromOtherCopy)).toBe(true);
    expect(isPaymentProviderError(new Error('down'))).toBe(false);
    expect(isPaymentProviderError({ name: 'PaymentProviderError', retryable: true })).toBe(false);
  });
});
