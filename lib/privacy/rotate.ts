// Keeps every sealed value under the current key: `sealPlaintext` seals sensitive values still stored in clear
// (rows written before the vault existed, or answers to a question marked sensitive later; a SQL migration
// cannot do it, having no key), and `rotateSealedValues` re-encrypts values sealed under an older key. Both work
// in batches, each row updated only if it still holds what was read (a concurrent edit wins), so they are
// idempotent and safe to run while the app serves; run by `npm start` and `npm run privacy:rotate-key`.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { AppContext } from '../context';
import type { Vault } from '../vault';

type Ctx = Pick<AppContext, 'db' | 'vault'>;

interface SealedColumn {
  name: string;
  table: string;
  keys: string[];
  cipher: string;
  keyId: string;
}

/** Every sealed column in the database. A new one must be added here to take part in rotations. */
export const SEALED_COLUMNS: readonly SealedColumn[] = [
  { name: 'answers', table: 'answers', keys: ['ticket_id', 'question_id'], cipher: 'value_cipher', keyId: 'key_id' },
  { name: 'pronouns', table: 'tickets', keys: ['id'], cipher: 'pronouns_cipher', keyId: 'pronouns_key_id' },
  { name: 'access notes', table: 'access_requests', keys: ['id'], cipher: 'notes_cipher', keyId: 'notes_key_id' },
  {
    name: 'access messages',
    table: 'access_requests',
    keys: ['id'],
    cipher: 'message_cipher',
    keyId: 'message_key_id',
  },
  {
    name: 'erasure request addresses',
    table: 'erasure_requests',
    keys: ['id'],
    cipher: 'email_cipher',
    keyId: 'email_key_id',
  },
];

const id = (name: string) => sql.raw(`"${name}"`);

async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return (await db.execute(query)) as unknown as T[];
}

export interface SealPlaintextResult {
  answers: number;
  pronouns: number;
}

/** Seals sensitive answers and pronouns still stored in clear. */
export async function sealPlaintext(ctx: Ctx, options: { batchSize?: number } = {}): Promise<SealPlaintextResult> {
  const batch = options.batchSize ?? 500;
  const result: SealPlaintextResult = { answers: 0, pronouns: 0 };
  for (;;) {
    const found = await rows<{ t: string; q: string; value: string }>(
      ctx.db,
      sql`select a.ticket_id as t, a.question_id as q, a.value
      from answers a join questions q on q.id = a.question_id where q.is_sensitive and a.value is not null limit ${batch}`,
    );
    if (!found.length) break;
    const values = found.map((r) => {
      const s = ctx.vault.seal(r.value);
      return sql`(${r.t}::uuid, ${r.q}::uuid, ${r.value}::text, ${s.cipher}::text, ${s.keyId}::text)`;
    });
    const done = await rows(
      ctx.db,
      sql`update answers a set value = null, value_cipher = v.c, key_id = v.k
      from (values ${sql.join(values, sql`, `)}) as v(t, q, old, c, k)
      where a.ticket_id = v.t and a.question_id = v.q and a.value = v.old returning 1`,
    );
    result.answers += done.length;
  }
  for (;;) {
    const found = await rows<{ id: string; pronouns: string }>(
      ctx.db,
      sql`select id, pronouns from tickets where pronouns <> '' limit ${batch}`,
    );
    if (!found.length) break;
    const values = found.map((r) => {
      const s = ctx.vault.seal(r.pronouns);
      return sql`(${r.id}::uuid, ${r.pronouns}::text, ${s.cipher}::text, ${s.keyId}::text)`;
    });
    const done = await rows(
      ctx.db,
      sql`update tickets t set pronouns = '', pronouns_cipher = v.c, pronouns_key_id = v.k
      from (values ${sql.join(values, sql`, `)}) as v(id, old, c, k) where t.id = v.id and t.pronouns = v.old returning 1`,
    );
    result.pronouns += done.length;
  }
  return result;
}

/** Seals the answers of one question that just became sensitive, inside the transaction that marks it. */
export async function sealAnswersOf(tx: DbOrTx, vault: Pick<Vault, 'seal'>, questionId: string): Promise<number> {
  const found = await rows<{ t: string; value: string }>(
    tx,
    sql`select ticket_id as t, value from answers
    where question_id = ${questionId} and value is not null for update`,
  );
  for (let i = 0; i < found.length; i += 500) {
    const values = found.slice(i, i + 500).map((r) => {
      const s = vault.seal(r.value);
      return sql`(${r.t}::uuid, ${s.cipher}::text, ${s.keyId}::text)`;
    });
    await tx.execute(sql`update answers a set value = null, value_cipher = v.c, key_id = v.k
      from (values ${sql.join(values, sql`, `)}) as v(t, c, k) where a.question_id = ${questionId} and a.ticket_id = v.t`);
  }
  return found.length;
}

export interface RotateResult {
  sealed: SealPlaintextResult;
  /** Values re-encrypted under the current key, per column. */
  reencrypted: Record<string, number>;
  /** Values sealed under a key that is not configured (neither current nor in DATA_ENCRYPTION_OLD_KEYS). */
  unreadable: Record<string, number>;
  currentKeyId: string;
}

async function rotateColumn(
  db: DbOrTx,
  vault: Vault,
  column: SealedColumn,
  batch: number,
): Promise<{ done: number; unreadable: number }> {
  const keys = column.keys.map(id);
  const skip = new Set<string>();
  let done = 0;
  let unreadable = 0;
  for (;;) {
    const skipped = skip.size
      ? sql` and ${id(column.keyId)} not in (${sql.join(
          [...skip].map((k) => sql`${k}`),
          sql`, `,
        )})`
      : sql``;
    const found = await rows<Record<string, string>>(
      db,
      sql`select ${sql.join(
        keys.map((k, i) => sql`${k}::text as ${sql.raw(`k${i}`)}`),
        sql`, `,
      )},
        ${id(column.cipher)} as cipher, ${id(column.keyId)} as key_id
      from ${id(column.table)} where ${id(column.keyId)} <> ${vault.currentKeyId}${skipped} limit ${batch}`,
    );
    if (!found.length) break;
    const values: SQL[] = [];
    for (const r of found) {
      if (!vault.canOpen(r.key_id!)) {
        skip.add(r.key_id!);
        unreadable += Number(
          (
            await rows<{ n: number }>(
              db,
              sql`select count(*)::int as n from ${id(column.table)} where ${id(column.keyId)} = ${r.key_id}`,
            )
          )[0]?.n ?? 0,
        );
        continue;
      }
      const s = vault.seal(vault.open({ cipher: r.cipher!, keyId: r.key_id! }));
      values.push(
        sql`(${sql.join(
          column.keys.map((_, i) => sql`${r[`k${i}`]}::text`),
          sql`, `,
        )}, ${r.cipher}::text, ${s.cipher}::text, ${s.keyId}::text)`,
      );
    }
    if (!values.length) continue;
    const match = sql.join(
      column.keys.map((k, i) => sql`x.${id(k)}::text = v.${sql.raw(`k${i}`)}`),
      sql` and `,
    );
    const updated = await rows(
      db,
      sql`update ${id(column.table)} x set ${id(column.cipher)} = v.c, ${id(column.keyId)} = v.k
      from (values ${sql.join(values, sql`, `)}) as v(${sql.raw(column.keys.map((_, i) => `k${i}`).join(', '))}, old, c, k)
      where ${match} and x.${id(column.cipher)} = v.old returning 1`,
    );
    done += updated.length;
  }
  return { done, unreadable };
}

/** Seals what is still in clear, then re-encrypts everything sealed under an older key with the current one. */
export async function rotateSealedValues(ctx: Ctx, options: { batchSize?: number } = {}): Promise<RotateResult> {
  const batch = options.batchSize ?? 500;
  const sealed = await sealPlaintext(ctx, { batchSize: batch });
  const result: RotateResult = { sealed, reencrypted: {}, unreadable: {}, currentKeyId: ctx.vault.currentKeyId };
  for (const column of SEALED_COLUMNS) {
    const { done, unreadable } = await rotateColumn(ctx.db, ctx.vault, column, batch);
    result.reencrypted[column.name] = done;
    result.unreadable[column.name] = unreadable;
  }
  return result;
}
