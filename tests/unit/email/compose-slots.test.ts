import { describe, expect, it } from 'vitest';
import { ComposeSlots } from '@/lib/email/prepare';

describe('ComposeSlots', () => {
  it('never lets more than its size run, and hands a freed slot to the oldest batch waiting', async () => {
    const slots = new ComposeSlots(2);
    const order: string[] = [];
    let running = 0;
    let most = 0;
    const job = async (name: string, priority: number) => {
      await slots.acquire(priority);
      running++;
      most = Math.max(most, running);
      order.push(name);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      slots.release();
    };
    // Two take the slots at once; then a later batch (priority 20) queues before an older one (priority 10).
    await Promise.all([job('a1', 10), job('a2', 10), job('late', 20), job('a3', 10), job('a4', 10)]);
    expect(most).toBe(2);
    expect(order.slice(0, 2)).toEqual(['a1', 'a2']);
    expect(order.slice(2)).toEqual(['a3', 'a4', 'late']);
  });
});
