import { describe, expect, it } from 'vitest';
import { MailerError } from '@/lib/adapters/mailer/types';
import { batchKey } from '@/lib/email/batches';
import { requestSpacingMs } from '@/lib/email/rate-gate';
import { retryDelayMs } from '@/lib/email/send';
import { maxInWindow } from '../../support/fake-resend';

describe('email sending rules', () => {
  it('keys one message by its id and a batch by its sorted ids, the same whatever the order', () => {
    expect(batchKey(['b'])).toBe('email:b');
    expect(batchKey(['a', 'b', 'c'])).toBe(batchKey(['c', 'a', 'b']));
    expect(batchKey(['a', 'b'])).toMatch(/^email-batch:[0-9a-f]{64}$/);
    expect(batchKey(['a', 'b'])).not.toBe(batchKey(['a', 'c']));
  });

  it('spaces requests a little more than 1/rate apart', () => {
    expect(requestSpacingMs(2)).toBe(550);
    expect(requestSpacingMs(10)).toBe(120);
    expect(maxInWindow([0, 550, 1100, 1650, 2200])).toBe(2);
    expect(maxInWindow([0, 499, 998])).toBe(3);
  });

  it("waits the provider's retry-after when it names one, otherwise backs off exponentially up to a cap", () => {
    const limited = new MailerError('429', true, 2000, 'rate_limited');
    expect(retryDelayMs(limited, 7)).toBeGreaterThanOrEqual(2000);
    expect(retryDelayMs(limited, 7)).toBeLessThanOrEqual(2200);
    const down = new MailerError('503', true);
    expect(retryDelayMs(down, 0, { retryBaseMs: 1000 })).toBeGreaterThanOrEqual(750);
    expect(retryDelayMs(down, 3, { retryBaseMs: 1000 })).toBeGreaterThanOrEqual(6000);
    expect(retryDelayMs(down, 30, { retryBaseMs: 1000, retryMaxMs: 60_000 })).toBeLessThanOrEqual(75_000);
  });
});
