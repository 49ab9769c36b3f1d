// Event settings: times entered in the event's zone, field errors for bad input, the currency fixed once money
// was taken, the capacity never below seats taken, the programme kept within the dates, and an audit row per change.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { events } from '@/db/schema';
import { eventSettingsFormValues, updateEventSettings, type EventSettingsInput } from '@/lib/catalogue/settings';
import { useTestDb } from '../../support/test-db';
import { auditRows, buildSalesFixture, heldOrder, paidOrder, refusal, type SalesFixture } from './sales-fixture';

const t = useTestDb();
let slugs = 0;
const fixture = (options: { eventCapacity?: number } = {}) =>
  buildSalesFixture(t.db, { slug: `settings${++slugs}`, ...options });

function form(fx: SalesFixture, overrides: Partial<Record<keyof EventSettingsInput, string>> = {}): EventSettingsInput {
  return { ...eventSettingsFormValues(fx.event), ...overrides };
}

async function eventRow(id: string) {
  const [row] = await t.db.select().from(events).where(eq(events.id, id));
  return row!;
}

describe('event settings', () => {
  it('saves every setting, reading times as wall-clock time in the event zone, and audits the change', async () => {
    const fx = await fixture();
    const { changed } = await updateEventSettings(
      fx.sales,
      fx.event.id,
      form(fx, {
        name: 'Integrative Addiction Conference 2030',
        holdMinutes: '20',
        offerMinutes: '1440',
        nameInEmailSubjects: 'on',
        refundUntil: '2030-03-01T18:00',
        refundPolicy: 'Full refund until 1 March.\nAfter that, write to us.',
        changesUntil: '2030-03-27T23:59',
        capacity: '500',
      }),
    );
    expect(changed.sort()).toEqual([
      'capacity',
      'changesUntil',
      'holdMinutes',
      'name',
      'nameInEmailSubjects',
      'offerMinutes',
      'refundPolicy',
      'refundUntil',
    ]);
    const row = await eventRow(fx.event.id);
    expect(row).toMatchObject({
      name: 'Integrative Addiction Conference 2030',
      holdMinutes: 20,
      offerMinutes: 1440,
      nameInEmailSubjects: true,
      refundPolicy: 'Full refund until 1 March.\nAfter that, write to us.',
      capacity: 500,
    });
    // Amsterdam is UTC+1 in early March and UTC+1 on 27 March (summer time starts on the 31st in 2030).
    expect(row.refundUntil?.toISOString()).toBe('2030-03-01T17:00:00.000Z');
    expect(row.changesUntil?.toISOString()).toBe('2030-03-27T22:59:00.000Z');
    expect(eventSettingsFormValues(row).refundUntil).toBe('2030-03-01T18:00');

    const [audit] = await auditRows(t.db, fx.event.id, 'event.update');
    expect(audit).toMatchObject({
      actorType: 'user',
      actorUserId: fx.userId,
      targetType: 'event',
      targetId: fx.event.id,
    });
    expect(audit!.summary).toContain('hold length');
    // The policy text itself is not copied into the trail.
    expect(JSON.stringify(audit!.details)).not.toContain('write to us');
  });

  it('saves the privacy notice’s organizer and contact, refusing a contact that is not an email address', async () => {
    const fx = await fixture();
    const bad = await refusal(
      updateEventSettings(
        fx.sales,
        fx.event.id,
        form(fx, { organizerName: 'IAC Foundation', privacyContact: 'write to us' }),
      ),
    );
    expect(bad.fieldErrors.privacyContact).toEqual([
      'Privacy contact must be an email address, such as privacy@example.org',
    ]);
    expect(await eventRow(fx.event.id)).toMatchObject({ organizerName: '', privacyContact: '' });
    const { changed } = await updateEventSettings(
      fx.sales,
      fx.event.id,
      form(fx, { organizerName: ' IAC Foundation ', privacyContact: 'privacy@iac.example' }),
    );
    expect(changed.sort()).toEqual(['organizerName', 'privacyContact']);
    expect(await eventRow(fx.event.id)).toMatchObject({
      organizerName: 'IAC Foundation',
      privacyContact: 'privacy@iac.example',
    });
  });

  it('keeps the waiting-list offer length between 5 minutes and 48 hours, 4 hours by default', async () => {
    const fx = await fixture();
    expect(fx.event.offerMinutes).toBe(240);
    expect(eventSettingsFormValues(fx.event).offerMinutes).toBe('240');
    const tooLong = await refusal(updateEventSettings(fx.sales, fx.event.id, form(fx, { offerMinutes: '2881' })));
    expect(tooLong.fieldErrors.offerMinutes).toEqual(['Offer length must be at most 2880']);
    expect(
      (await refusal(updateEventSettings(fx.sales, fx.event.id, form(fx, { offerMinutes: '4' })))).fieldErrors
        .offerMinutes,
    ).toBeDefined();
    expect((await eventRow(fx.event.id)).offerMinutes).toBe(240);
    await updateEventSettings(fx.sales, fx.event.id, form(fx, { offerMinutes: '2880' }));
    expect((await eventRow(fx.event.id)).offerMinutes).toBe(2880);
  });

  it('reads the times in the new zone when the zone changes in the same save', async () => {
    const fx = await fixture();
    await updateEventSettings(
      fx.sales,
      fx.event.id,
      form(fx, { timezone: 'america/new_york', refundUntil: '2030-03-01T18:00' }),
    );
    const row = await eventRow(fx.event.id);
    expect(row.timezone).toBe('America/New_York');
    expect(row.refundUntil?.toISOString()).toBe('2030-03-01T23:00:00.000Z');
  });

  it('answers bad input with a message beside each field and changes nothing', async () => {
    const fx = await fixture();
    const error = await refusal(
      updateEventSettings(
        fx.sales,
        fx.event.id,
        form(fx, {
          name: ' ',
          timezone: 'Mars/Olympus',
          currency: 'EURO',
          holdMinutes: '0',
          offerMinutes: 'soon',
          refundUntil: '2030-02-30T10:00',
          capacity: '-5',
          endsOn: '2030-03-27',
        }),
      ),
    );
    expect(error.code).toBe('VALIDATION');
    expect(Object.keys(error.fieldErrors).sort()).toEqual([
      'capacity',
      'currency',
      'endsOn',
      'holdMinutes',
      'name',
      'offerMinutes',
      'refundUntil',
      'timezone',
    ]);
    expect(error.fieldErrors.timezone![0]).toMatch(/IANA time zone/);
    expect(error.fieldErrors.holdMinutes![0]).toBe('Hold length must be at least 1');
    for (const zone of ['+01:00', 'UTC+1', '']) {
      expect(
        (await refusal(updateEventSettings(fx.sales, fx.event.id, form(fx, { timezone: zone })))).fieldErrors.timezone,
      ).toBeDefined();
    }
    expect(
      (await refusal(updateEventSettings(fx.sales, fx.event.id, form(fx, { currency: 'XYZ' })))).fieldErrors.currency,
    ).toBeDefined();
    expect(
      (await refusal(updateEventSettings(fx.sales, fx.event.id, form(fx, { holdMinutes: '1441' })))).fieldErrors
        .holdMinutes,
    ).toBeDefined();
    expect(await eventRow(fx.event.id)).toEqual(fx.event);
    expect(await auditRows(t.db, fx.event.id)).toHaveLength(0);
  });

  it('lets the currency change while orders are only held, and refuses it once an order is paid', async () => {
    const fx = await fixture();
    await heldOrder(fx);
    await updateEventSettings(fx.sales, fx.event.id, form(fx, { currency: 'usd' }));
    expect((await eventRow(fx.event.id)).currency).toBe('USD');
    await updateEventSettings(fx.sales, fx.event.id, { ...form(fx), currency: 'EUR' });
    expect((await eventRow(fx.event.id)).currency).toBe('EUR');

    await paidOrder(fx);
    const before = await eventRow(fx.event.id);
    const error = await refusal(
      updateEventSettings(fx.sales, fx.event.id, {
        ...eventSettingsFormValues(before),
        currency: 'GBP',
        holdMinutes: '30',
      }),
    );
    expect(error.fieldErrors.currency![0]).toBe(
      'Orders have already been paid in EUR, so the currency can no longer change.',
    );
    expect(await eventRow(fx.event.id)).toEqual(before);
    // Other settings still save with the same currency.
    await updateEventSettings(fx.sales, fx.event.id, { ...eventSettingsFormValues(before), holdMinutes: '30' });
    expect((await eventRow(fx.event.id)).holdMinutes).toBe(30);
    expect((await auditRows(t.db, fx.event.id, 'event.update')).map((a) => a.details)).toEqual([
      { currency: { from: 'EUR', to: 'USD' } },
      { currency: { from: 'USD', to: 'EUR' } },
      { holdMinutes: { from: 15, to: 30 } },
    ]);
  });

  it('refuses a capacity below the seats already taken (paid and held), and accepts exactly that many', async () => {
    const fx = await fixture({ eventCapacity: 100 });
    await paidOrder(fx);
    await heldOrder(fx, [fx.fullPass.id, fx.virtual.id]);
    const error = await refusal(updateEventSettings(fx.sales, fx.event.id, form(fx, { capacity: '2' })));
    expect(error.fieldErrors.capacity![0]).toMatch(/^3 seats are already taken/);
    expect((await eventRow(fx.event.id)).capacity).toBe(100);
    await updateEventSettings(fx.sales, fx.event.id, form(fx, { capacity: '3' }));
    expect((await eventRow(fx.event.id)).capacity).toBe(3);
    // Once the hold lapses its seats are free again.
    fx.clock.advance(16 * 60_000);
    await updateEventSettings(fx.sales, fx.event.id, {
      ...eventSettingsFormValues(await eventRow(fx.event.id)),
      capacity: '1',
    });
    expect((await eventRow(fx.event.id)).capacity).toBe(1);
  });

  it('keeps the programme and day passes within the event dates', async () => {
    const fx = await fixture();
    // The workshops are on 28 March, the first day.
    const error = await refusal(updateEventSettings(fx.sales, fx.event.id, form(fx, { startsOn: '2030-03-29' })));
    expect(error.fieldErrors.startsOn![0]).toBe(
      'The programme has a session on 2030-03-28; the event cannot start after it.',
    );
    await updateEventSettings(fx.sales, fx.event.id, form(fx, { endsOn: '2030-03-28' }));
    expect((await eventRow(fx.event.id)).endsOn).toBe('2030-03-28');
  });

  it('writes nothing when nothing changed', async () => {
    const fx = await fixture();
    const { changed } = await updateEventSettings(fx.sales, fx.event.id, form(fx));
    expect(changed).toEqual([]);
    expect(await auditRows(t.db, fx.event.id)).toHaveLength(0);
  });
});
