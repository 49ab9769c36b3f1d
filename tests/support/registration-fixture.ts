// Builds a small event to register for: ticket types, a shared pool, workshops, questions and vouchers.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { events } from '@/db/schema';
import { createManualClock } from '@/lib/adapters/clock';
import { parseEnv, type Env } from '@/lib/env';
import { createEvent, createRoom } from '@/lib/programme/build';
import { createSession } from '@/lib/programme/create-session';
import { createCapacityPool, createQuestion, createVoucher } from '@/lib/catalogue/setup';
import { createTicketType } from '@/lib/catalogue/ticket-types';
import { zonedTimeToUtc } from '@/lib/time';
import { TEST_DATA_ENCRYPTION_KEY, testVault } from './vault';

export const FIXTURE_NOW = new Date('2030-01-10T10:00:00Z');

export function testConfig(overrides: Record<string, string> = {}): Env {
  return parseEnv({
    DATABASE_URL: 'postgres://unused@localhost/unused',
    DATA_ENCRYPTION_KEY: TEST_DATA_ENCRYPTION_KEY,
    HOLD_MAX_PER_EMAIL: '1000',
    HOLD_MAX_PER_CLIENT: '1000',
    ORDER_RATE_LIMIT_PER_MINUTE: '100000',
    ...overrides,
  });
}

export interface FixtureOptions {
  slug?: string;
  fullPassCapacity?: number | null;
  eventCapacity?: number | null;
  workshopCapacities?: number[];
}

export async function buildRegistrationFixture(db: Db, options: FixtureOptions = {}) {
  const clock = createManualClock(FIXTURE_NOW);
  const ctx = { db, clock, config: testConfig(), vault: testVault };
  const tz = 'Europe/Amsterdam';
  const event = await createEvent(ctx, {
    slug: options.slug ?? 'fx',
    name: 'Fixture conference',
    timezone: tz,
    startsOn: '2030-03-28',
    endsOn: '2030-03-30',
    currency: 'EUR',
    holdMinutes: 15,
  });
  if (options.eventCapacity !== undefined && options.eventCapacity !== null) {
    await db.update(events).set({ capacity: options.eventCapacity }).where(eq(events.id, event.id));
    event.capacity = options.eventCapacity;
  }
  const dietary = await createQuestion(ctx, event.id, {
    key: 'dietary',
    label: 'Dietary needs',
    kind: 'text',
    isSensitive: true,
  });
  const profession = await createQuestion(ctx, event.id, {
    key: 'profession',
    label: 'Profession',
    kind: 'select',
    options: ['Clinician', 'Researcher', 'Peer worker', 'Other'],
  });
  const venue = await createCapacityPool(ctx, event.id, { name: 'Venue', capacity: 100_000 });
  const fullPass = await createTicketType(ctx, event.id, {
    code: 'full',
    publicLabel: 'Full pass',
    internalLabel: 'Full pass (in person)',
    capacity: options.fullPassCapacity ?? 100,
    maxPerOrder: 10,
    prices: [
      { label: 'Early bird', amount: 30000, endsAt: new Date('2030-02-01T00:00:00Z') },
      { label: 'Regular', amount: 40000, startsAt: new Date('2030-02-01T00:00:00Z') },
    ],
    poolIds: [venue.id],
    questions: [
      { questionId: dietary.id, isRequired: false },
      { questionId: profession.id, isRequired: true },
    ],
  });
  const virtual = await createTicketType(ctx, event.id, {
    code: 'virtual',
    publicLabel: 'Online pass',
    internalLabel: 'Virtual',
    attendance: 'virtual',
    includesWorkshops: false,
    prices: [{ label: 'Regular', amount: 9000 }],
  });
  const scholarship = await createTicketType(ctx, event.id, {
    code: 'scholarship',
    publicLabel: 'Conference pass',
    internalLabel: 'Scholarship',
    isHidden: true,
    maxPerOrder: 1,
    prices: [{ label: 'Free', amount: 0 }],
    poolIds: [venue.id],
  });
  const room = await createRoom(ctx, event.id, { name: 'Workshop room' });
  const room2 = await createRoom(ctx, event.id, { name: 'Studio' });
  const at = (d: string, t: string) => zonedTimeToUtc(d, t, tz);
  const capacities = options.workshopCapacities ?? [10, 10];
  const workshops = [];
  for (const [i, capacity] of capacities.entries()) {
    workshops.push(
      await createSession(ctx, event.id, {
        title: `Workshop ${i + 1}`,
        format: 'workshop',
        capacity,
        roomId: i % 2 ? room2.id : room.id,
        // Pairs share a time slot: workshop 1 and 2 overlap, 3 and 4 overlap, ...
        startsAt: at('2030-03-28', `${String(9 + 2 * Math.floor(i / 2)).padStart(2, '0')}:00`),
        endsAt: at('2030-03-28', `${String(10 + 2 * Math.floor(i / 2)).padStart(2, '0')}:30`),
      }),
    );
  }
  const tenOff = await createVoucher(ctx, event.id, { code: 'TENOFF', kind: 'percent', value: 10, maxUses: 5 });
  const scholar = await createVoucher(ctx, event.id, {
    code: 'SCHOLAR1',
    kind: 'free',
    maxUses: 1,
    ticketTypeIds: [scholarship.id],
  });
  return { ctx, clock, event, fullPass, virtual, scholarship, workshops, venue, vouchers: { tenOff, scholar } };
}

let counter = 0;
export function attendee(ticketTypeId: string, extra: Record<string, unknown> = {}) {
  counter++;
  return {
    ticketTypeId,
    legalName: `Attendee Number${counter}`,
    email: `attendee${counter}@example.org`,
    answers: { profession: 'Clinician' },
    ...extra,
  };
}

export function registration(attendees: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  counter++;
  return { buyer: { name: `Buyer ${counter}`, email: `buyer${counter}@example.org` }, attendees, ...extra };
}
