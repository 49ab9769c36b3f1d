// The attendee CSV export: columns by role (sensitive answers only with attendees.sensitive, money only with
// orders.view), the search's filters, RFC 4180 escaping with formula cells defused, an audit entry per export,
// and a stream fed batch by batch from a cursor, which a reader can stop half way.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, tickets, users, type UserRole } from '@/db/schema';
import { EXPORT_BATCH_ROWS, exportAttendeesCsv, type ExportViewer } from '@/lib/attendees/export';
import { DomainError } from '@/lib/errors';
import { createOrder } from '@/lib/orders/create-order';
import { attendee, buildRegistrationFixture, registration } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';

const t = useTestDb();

type Fixture = Awaited<ReturnType<typeof buildRegistrationFixture>>;
let fx: Fixture;
const staff = {} as Record<UserRole, ExportViewer>;
const SENSITIVE = 'Coeliac, and a "quiet room" after lunch';

/** A strict RFC 4180 reader for what the export writes: CRLF records, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quoted field');
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      field = end < 0 ? text.slice(i) : text.slice(i, i + end);
      if (/["\r\n]/.test(field)) throw new Error(`bare field with a quote or line break: ${JSON.stringify(field)}`);
      i = end < 0 ? text.length : i + end;
    }
    row.push(field);
    if (text.startsWith(',', i)) {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i) || i >= text.length) {
      rows.push(row);
      row = [];
      i += 2;
      continue;
    }
    throw new Error(`unexpected character at ${i}: ${JSON.stringify(text.slice(i, i + 10))}`);
  }
  return rows;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number }> {
  const reader = stream.getReader();
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true }); // keep the byte order mark to check it
  let text = '';
  let chunks = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks++;
    text += decoder.decode(value, { stream: true });
  }
  return { text: text + decoder.decode(), chunks };
}

async function exportAs(role: UserRole, filters: Record<string, string | undefined> = {}, eventId = fx.event.id) {
  const result = await exportAttendeesCsv(fx.ctx, { eventId, viewer: staff[role], ...filters });
  const { text, chunks } = await readAll(result.stream);
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(1));
  return {
    result,
    header: header!,
    rows,
    text,
    chunks,
    byName: (name: string) => rows.find((r) => r[header!.indexOf('Legal name')] === name),
  };
}

beforeAll(async () => {
  fx = await buildRegistrationFixture(t.db, { slug: 'exp', workshopCapacities: [10, 10, 10] });
  for (const role of ['owner', 'organizer', 'accessibility', 'checkin'] as const) {
    const [u] = await t.db
      .insert(users)
      .values({ email: `${role}-${randomUUID().slice(0, 8)}@staff.example`, role })
      .returning();
    staff[role] = { id: u!.id, email: u!.email, role };
  }
  await createOrder(
    fx.ctx,
    fx.event.id,
    registration(
      [
        attendee(fx.fullPass.id, {
          legalName: 'Mary "Mae" O\'Neil, Jr',
          badgeName: 'Mae',
          email: 'mae@example.org',
          pronouns: 'she/her',
          directoryOptIn: true,
          photoPreference: 'ok',
          answers: { profession: 'Peer worker', dietary: SENSITIVE },
          workshopIds: [fx.workshops[2]!.id, fx.workshops[0]!.id],
        }),
        attendee(fx.fullPass.id, {
          legalName: '=HYPERLINK("http://evil.example","click")',
          badgeName: '@mention',
          email: 'formula@example.org',
          pronouns: '+they',
          answers: { profession: 'Other' },
        }),
        attendee(fx.virtual.id, {
          legalName: '-Minus Person',
          badgeName: 'Minus',
          email: 'minus@example.org',
          answers: {},
        }),
      ],
      { buyer: { name: 'Buyer', email: 'buyer@example.org' } },
    ),
    { clientKey: null },
  );
});

describe('columns by role', () => {
  it('gives the organizer every non-sensitive column and money, but no sensitive question, answer or pronouns', async () => {
    const { header, byName, text } = await exportAs('organizer');
    expect(header).toEqual([
      'Reference',
      'Order status',
      'Ticket',
      'Legal name',
      'Badge name',
      'Email',
      'Directory opt-in',
      'Photo preference',
      'Workshops',
      'Profession',
      'Ticket amount (EUR)',
      'Order paid (EUR)',
      'Order refunded (EUR)',
    ]);
    expect(text).not.toContain('Coeliac');
    expect(text).not.toContain('Dietary');
    expect(text).not.toContain('she/her');
    const mae = byName('Mary "Mae" O\'Neil, Jr')!;
    expect(mae.slice(1)).toEqual([
      'pending_payment',
      'Full pass (in person)',
      'Mary "Mae" O\'Neil, Jr',
      'Mae',
      'mae@example.org',
      'yes',
      'photos ok',
      'Workshop 1; Workshop 3',
      'Peer worker',
      '300.00',
      '0.00',
      '0.00',
    ]);
    expect(mae[0]).toMatch(/^EXP/);
  });

  it('gives the accessibility coordinator the sensitive answers but no money column', async () => {
    const { header, byName, text } = await exportAs('accessibility');
    expect(header).toContain('Dietary needs');
    expect(header.filter((h) => /amount|paid|refunded|EUR/i.test(h))).toEqual([]);
    expect(text).not.toContain('300.00');
    const mae = byName('Mary "Mae" O\'Neil, Jr')!;
    expect(mae[header.indexOf('Dietary needs')]).toBe(SENSITIVE);
    expect(byName('-Minus Person')).toBeUndefined(); // the name is defused, see below
  });

  it('gives the owner both', async () => {
    const { header, result } = await exportAs('owner');
    expect(header).toContain('Dietary needs');
    expect(header).toContain('Ticket amount (EUR)');
    expect(result).toMatchObject({ includesSensitive: true, includesFinancial: true });
  });

  it('refuses a role without attendees.export before reading anything', async () => {
    const error = await exportAttendeesCsv(fx.ctx, { eventId: fx.event.id, viewer: staff.checkin }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('FORBIDDEN');
  });
});

describe('cells', () => {
  it('quotes commas and quotes and defuses cells a spreadsheet would run as formulas', async () => {
    const { text, rows, header } = await exportAs('owner');
    expect(text).toContain('"Mary ""Mae"" O\'Neil, Jr"');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    const col = (name: string) => header.indexOf(name);
    const formula = rows.find((r) => r[col('Email')] === 'formula@example.org')!;
    expect(formula[col('Legal name')]).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(formula[col('Badge name')]).toBe("'@mention");
    expect(formula[col('Pronouns')]).toBe("'+they");
    expect(rows.find((r) => r[col('Email')] === 'minus@example.org')![col('Legal name')]).toBe("'-Minus Person");
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('names the file after the day in the event timezone, neutrally', async () => {
    const { result } = await exportAs('organizer');
    expect(result.filename).toBe('attendees-2030-01-10.csv');
  });
});

describe('filters and audit', () => {
  it("applies the search's filters", async () => {
    expect((await exportAs('organizer', { q: 'mae@' })).rows).toHaveLength(1);
    expect((await exportAs('organizer', { ticketTypeId: fx.virtual.id })).rows.map((r) => r[5])).toEqual([
      'minus@example.org',
    ]);
    expect((await exportAs('organizer', { status: 'paid' })).rows).toHaveLength(0);
    expect((await exportAs('organizer', { sessionId: fx.workshops[2]!.id })).rows).toHaveLength(1);
  });

  it('refuses bad filters with a message per field', async () => {
    const error = (await exportAttendeesCsv(fx.ctx, {
      eventId: fx.event.id,
      viewer: staff.owner,
      status: 'everything',
      ticketTypeId: 'x',
    }).then(
      () => null,
      (e: unknown) => e,
    )) as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.fieldErrors).toEqual({
      status: ['Choose a valid status.'],
      ticketTypeId: ['Choose a valid ticket type.'],
    });
  });

  it('records who exported, with which filters and whether sensitive columns went out, and nothing sensitive', async () => {
    await exportAs('accessibility', { q: 'mae', status: 'pending_payment' });
    await exportAs('organizer', {});
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, 'attendees.export'));
    const mine = entries.find(
      (e) => e.actorUserId === staff.accessibility.id && (e.details as { filters: { q?: string } }).filters.q === 'mae',
    );
    expect(mine).toMatchObject({
      eventId: fx.event.id,
      actorType: 'user',
      actorLabel: staff.accessibility.email,
      details: { filters: { q: 'mae', status: 'pending_payment' }, sensitiveColumns: true, financialColumns: false },
    });
    expect(mine!.summary).toContain('with sensitive answers');
    const organizer = entries.filter((e) => e.actorUserId === staff.organizer.id);
    expect(organizer.every((e) => (e.details as { sensitiveColumns: boolean }).sensitiveColumns === false)).toBe(true);
    expect(JSON.stringify(entries)).not.toContain('Coeliac');
  });
});

describe('streaming', () => {
  async function bigEvent(n: number) {
    const f = await buildRegistrationFixture(t.db, { slug: `exp-big-${n}` });
    const { order } = await createOrder(
      f.ctx,
      f.event.id,
      registration([attendee(f.fullPass.id, { legalName: 'Seed Person' })]),
      { clientKey: null },
    );
    const [first] = await t.db.select().from(tickets).where(eq(tickets.orderId, order.id));
    const rows = Array.from({ length: n - 1 }, (_, i) => ({
      orderId: order.id,
      position: i + 1,
      ticketTypeId: f.fullPass.id,
      price: 30000,
      legalName: `Bulk Person ${i + 1}`,
      badgeName: `Bulk ${i + 1}`,
      email: `bulk${i + 1}@example.org`,
      createdAt: first!.createdAt,
    }));
    for (let i = 0; i < rows.length; i += 1000) await t.db.insert(tickets).values(rows.slice(i, i + 1000));
    return f;
  }

  it('streams every row in batches from the cursor, not as one block', async () => {
    const n = EXPORT_BATCH_ROWS * 2 + 500;
    const f = await bigEvent(n);
    const { rows, chunks } = await exportAs('organizer', {}, f.event.id);
    expect(rows).toHaveLength(n);
    // The header, then one chunk per batch of the cursor.
    expect(chunks).toBe(1 + Math.ceil(n / EXPORT_BATCH_ROWS));
    expect(new Set(rows.map((r) => r[5])).size).toBe(n);
  });

  it('lets a reader stop half way, closing the cursor and giving its connection back', async () => {
    const f = await bigEvent(EXPORT_BATCH_ROWS * 3);
    const result = await exportAttendeesCsv(fx.ctx, { eventId: f.event.id, viewer: staff.owner });
    const reader = result.stream.getReader();
    const header = await reader.read();
    expect(new TextDecoder().decode(header.value)).toContain('Reference,Order status');
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value).split('\r\n').filter(Boolean)).toHaveLength(EXPORT_BATCH_ROWS);
    await reader.cancel();
    // The cursor's connection went back to the pool: every connection can still be used at once.
    await Promise.all(Array.from({ length: 20 }, () => t.sql`select pg_sleep(0.05)`));
    const open =
      await t.sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and query like '%string_agg(s.title%' and state <> 'idle' and pid <> pg_backend_pid()`;
    expect(open[0]!.n).toBe(0);
  });
});
