// Sensitive data at rest: after a registration with sensitive answers, pronouns and an access request with notes
// and a message, no table of the database holds any of them in clear (every column of every row of every table,
// read as a plain dump would). A non-sensitive answer with a canary of its own does show up, so the scan is real.
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessRequests, answers, tickets } from '@/db/schema';
import { updateAccessRequest } from '@/lib/access/queue';
import { createQuestion } from '@/lib/catalogue/setup';
import { useTestDb } from '../../support/test-db';
import { buildPrivacyFixture, canaries, groupOrder, type PrivacyFixture } from './fixture';

const t = useTestDb();
let fx: PrivacyFixture;

/** Every row of every table outside the system schemas, each as one text (what a data dump contains). */
async function dumpAllRows(): Promise<string> {
  const tables = (await t.db.execute<{
    schema: string;
    name: string;
  }>(sql`select table_schema as schema, table_name as name
    from information_schema.tables where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`)) as unknown as {
    schema: string;
    name: string;
  }[];
  expect(tables.length).toBeGreaterThan(20);
  const parts: string[] = [];
  for (const { schema, name } of tables) {
    const rows = (await t.db.execute<{ row: string }>(
      sql.raw(`select t::text as row from "${schema}"."${name}" t`),
    )) as unknown as { row: string }[];
    for (const r of rows) parts.push(`${schema}.${name}: ${r.row}`);
  }
  return parts.join('\n');
}

beforeAll(async () => {
  fx = await buildPrivacyFixture(t.db);
});

describe('sensitive data at rest', () => {
  it('keeps sensitive answers, pronouns, access notes and messages out of every table in clear', async () => {
    const c = canaries();
    const g = await groupOrder(fx, c);
    const organisation = await createQuestion(fx.ctx, fx.event.id, {
      key: 'organisation',
      label: 'Organisation',
      kind: 'text',
    });
    // A plain, non-sensitive answer with its own canary: the scan must find this one.
    const plainCanary = `PLAIN-CANARY-${Math.random().toString(36).slice(2)}`;
    await t.db.insert(answers).values({ ticketId: g.otherTicketId, questionId: organisation.id, value: plainCanary });
    const [request] = await t.db.select().from(accessRequests).where(eq(accessRequests.ticketId, g.otherTicketId));
    const noteCanary = `NOTE-CANARY-${Math.random().toString(36).slice(2)}`;
    const messageCanary = `MESSAGE-CANARY-${Math.random().toString(36).slice(2)}`;
    await updateAccessRequest(fx.ctx, fx.staff.accessibility, {
      id: request!.id,
      status: 'in_progress',
      notes: noteCanary,
      message: messageCanary,
    });

    const dump = await dumpAllRows();
    expect(dump).toContain(plainCanary);
    for (const secret of [c.diet, 'CANARY-ACCESS', c.pronouns, noteCanary, messageCanary]) {
      const hit = dump.split('\n').find((line) => line.includes(secret));
      expect(hit, `found ${secret} in clear`).toBeUndefined();
    }
    // What is there instead: ciphertext with its key id.
    const sealed = await t.db
      .select({ cipher: answers.valueCipher, keyId: answers.keyId })
      .from(answers)
      .where(eq(answers.ticketId, g.otherTicketId));
    expect(sealed.filter((a) => a.cipher).map((a) => a.keyId)).toEqual(['test-key-1', 'test-key-1']);
    const [ticket] = await t.db.select().from(tickets).where(eq(tickets.id, g.otherTicketId));
    expect(ticket).toMatchObject({ pronouns: '', pronounsKeyId: 'test-key-1' });
    expect(ticket!.pronounsCipher).toMatch(/^v1\./);
  });
});
