import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailEvents, emailMessages, emailSuppressions } from '@/db/schema';
import { systemClock } from '@/lib/adapters/clock';
import { webhookHeadersFrom } from '@/lib/adapters/mailer/webhook-signature';
import { receiveDeliveryWebhook } from '@/lib/email/delivery';
import { drained, emailConfig, emailCtx, messages, queueMessages, startTestWorker } from '../../support/email';
import { createFakeResend, type FakeDelivery, type FakeResend } from '../../support/fake-resend';
import { createTestDb, type TestDb } from '../../support/test-db';

let t: TestDb;
let fake: FakeResend;
let sent: { id: string; delivery: FakeDelivery }[] = [];

beforeAll(async () => {
  t = await createTestDb();
  fake = await createFakeResend();
  // Six messages really sent through the worker and the fake provider, so they carry provider ids.
  const ids = await queueMessages(t, 6);
  const worker = await startTestWorker(t, emailCtx(t, emailConfig(t, fake)));
  await drained(t, ids);
  await worker.stop();
  sent = ids.map((id) => ({ id, delivery: fake.deliveriesOf(id)[0]! }));
});
afterAll(async () => {
  await fake.close();
  await t.drop();
});

const ctx = (secret: string | undefined = undefined) => ({
  db: t.db,
  clock: systemClock,
  config: { RESEND_WEBHOOK_SECRET: secret ?? fake.webhookSecret },
});
const post = (hook: { body: string; headers: Record<string, string> }, secret?: string) =>
  receiveDeliveryWebhook(
    ctx(secret),
    hook.body,
    webhookHeadersFrom((name) => hook.headers[name] ?? null),
  );
const status = async (id: string) => (await messages(t, [id]))[0]!.status;
const rowCounts = async () => ({
  events: (await t.db.select({ n: count() }).from(emailEvents))[0]!.n,
  suppressions: (await t.db.select({ n: count() }).from(emailSuppressions))[0]!.n,
  statuses: (await t.db.select({ id: emailMessages.id, status: emailMessages.status }).from(emailMessages))
    .map((r) => `${r.id}:${r.status}`)
    .sort(),
});

describe('Resend delivery webhooks', () => {
  it('marks a message delivered and records the event once, whatever the redeliveries', async () => {
    const { id, delivery } = sent[0]!;
    const hook = fake.webhook('email.delivered', delivery, { eventId: 'msg_delivered_1' });
    expect(await post(hook)).toEqual({ status: 200, body: { received: true, duplicate: false } });
    expect(await post(hook)).toEqual({ status: 200, body: { received: true, duplicate: true } });
    expect(await status(id)).toBe('delivered');
    const events = await t.db.select().from(emailEvents).where(eq(emailEvents.providerEventId, 'msg_delivered_1'));
    expect(events).toMatchObject([{ messageId: id, type: 'delivered' }]);
  });

  it('refuses a bad signature, a wrong secret, missing headers and an old timestamp with 400, changing nothing', async () => {
    const { delivery } = sent[1]!;
    const before = await rowCounts();
    const hook = fake.webhook('email.bounced', delivery);
    const tampered = { ...hook, body: hook.body.replace('email.bounced', 'email.complained') };
    expect((await post(tampered)).status).toBe(400);
    expect((await post(hook, 'whsec_' + Buffer.from('another secret').toString('base64'))).status).toBe(400);
    expect((await post({ body: hook.body, headers: { 'svix-id': hook.headers['svix-id']! } })).status).toBe(400);
    const old = fake.webhook('email.bounced', delivery, { at: new Date(Date.now() - 6 * 60_000) });
    expect((await post(old)).status).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  it('answers 404 while no signing secret is configured', async () => {
    const hook = fake.webhook('email.delivered', sent[1]!.delivery);
    const answer = await receiveDeliveryWebhook(
      { db: t.db, clock: systemClock, config: { RESEND_WEBHOOK_SECRET: undefined } },
      hook.body,
      webhookHeadersFrom((n) => hook.headers[n] ?? null),
    );
    expect(answer.status).toBe(404);
  });

  it('marks a bounce, suppresses the address, and never lets a late "delivered" undo it', async () => {
    const { id, delivery } = sent[2]!;
    expect((await post(fake.webhook('email.bounced', delivery))).status).toBe(200);
    expect((await post(fake.webhook('email.delivered', delivery))).status).toBe(200);
    expect(await status(id)).toBe('bounced');
    expect(await t.db.select().from(emailSuppressions).where(eq(emailSuppressions.email, delivery.to))).toMatchObject([
      { reason: 'bounced' },
    ]);
  });

  it('marks a complaint and suppresses the address; a delay changes nothing', async () => {
    const { id, delivery } = sent[3]!;
    expect((await post(fake.webhook('email.delivery_delayed', delivery))).status).toBe(200);
    expect(await status(id)).toBe('sent');
    expect((await post(fake.webhook('email.complained', delivery))).status).toBe(200);
    expect(await status(id)).toBe('complained');
    expect(await t.db.select().from(emailSuppressions).where(eq(emailSuppressions.email, delivery.to))).toMatchObject([
      { reason: 'complained' },
    ]);
  });

  it('stops further sends to a bounced or complained address', async () => {
    const bouncedTo = sent[2]!.delivery.to;
    const complainedTo = sent[3]!.delivery.to;
    const before = fake.deliveries.length;
    const later = [
      ...(await queueMessages(t, 1, { to: () => bouncedTo, kind: 'reminder' })),
      ...(await queueMessages(t, 1, { to: () => complainedTo, kind: 'reminder' })),
      ...(await queueMessages(t, 1, { kind: 'reminder' })),
    ];
    const worker = await startTestWorker(t, emailCtx(t, emailConfig(t, fake)));
    try {
      await drained(t, later);
    } finally {
      await worker.stop();
    }
    expect((await messages(t, later)).map((m) => m.status)).toEqual(['suppressed', 'suppressed', 'sent']);
    expect(fake.deliveries.slice(before).map((d) => d.to)).not.toContain(bouncedTo);
    expect(fake.deliveries.slice(before)).toHaveLength(1);
  });

  it('accepts an event about a message it does not know and ignores unrelated event types', async () => {
    expect(
      await post(fake.webhook('email.delivered', { providerId: 'unknown-id', to: 'someone@example.org' })),
    ).toEqual({ status: 200, body: { received: true, duplicate: false } });
    expect(await post(fake.webhook('email.opened', sent[4]!.delivery))).toEqual({
      status: 200,
      body: { received: true, ignored: true },
    });
    expect(await status(sent[4]!.id)).toBe('sent');
  });
});
