import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailMessages } from '@/db/schema';
import { enqueueEmail } from '@/lib/outbox/enqueue';
import { useTestDb } from '../../support/test-db';

const t = useTestDb();

async function jobs(): Promise<number> {
  const rows = await t.db.execute<{ n: number }>(
    sql`select count(*)::int as n from graphile_worker.jobs where task_identifier = 'send_email'`,
  );
  return rows[0]!.n;
}

describe('enqueueEmail', () => {
  it('writes the message and its job together, once per idempotency key', async () => {
    const now = new Date('2030-01-01T10:00:00Z');
    const request = { kind: 'order_confirmation', to: 'Ana@Example.org', idempotencyKey: 'order_confirmation:1', now };
    await t.db.transaction(async (tx) => {
      await enqueueEmail(tx, request);
      await enqueueEmail(tx, request);
    });
    await enqueueEmail(t.db, request);
    const rows = await t.db.select().from(emailMessages);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ toEmail: 'ana@example.org', status: 'queued', kind: 'order_confirmation' });
    expect(await jobs()).toBe(1);
  });

  it('leaves neither the message nor the job behind when the transaction rolls back', async () => {
    const before = await jobs();
    await t.db
      .transaction(async (tx) => {
        await enqueueEmail(tx, {
          kind: 'refund',
          to: 'ben@example.org',
          idempotencyKey: 'refund:rolled-back',
          now: new Date(),
        });
        tx.rollback();
      })
      .catch(() => undefined);
    expect(await jobs()).toBe(before);
    const rows = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from email_messages where idempotency_key = 'refund:rolled-back'`,
    );
    expect(rows[0]!.n).toBe(0);
  });
});
