// The demo conference's ticket types, prices, questions and vouchers, built through lib/catalogue.
// Prices are set relative to the seed's `now` so the early-bird window is always open on a fresh install.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { events } from '../../db/schema';
import { createCapacityPool, createQuestion, createVoucher } from '../../lib/catalogue/setup';
import { createTicketType } from '../../lib/catalogue/ticket-types';
import { addDays, formatDay, zonedTimeToUtc } from '../../lib/time';

export interface SeedRegistrationEvent {
  id: string;
  startsOn: string;
  endsOn: string;
  timezone: string;
}

const DAY = 86_400_000;

export async function seedRegistration(
  ctx: { db: DbOrTx },
  event: SeedRegistrationEvent,
  options: { now: Date },
): Promise<void> {
  const earlyBirdEnds = new Date(options.now.getTime() + 21 * DAY);
  const lateFrom = zonedTimeToUtc(addDays(event.startsOn, -14), '00:00', event.timezone);
  const saleEnds = zonedTimeToUtc(event.endsOn, '12:00', event.timezone);
  const windows = (early: number, regular: number, late: number) => [
    { label: 'Early bird', amount: early, endsAt: earlyBirdEnds },
    { label: 'Regular', amount: regular, startsAt: earlyBirdEnds, endsAt: lateFrom },
    { label: 'Late', amount: late, startsAt: lateFrom },
  ];

  await ctx.db.update(events).set({ capacity: 450 }).where(eq(events.id, event.id));
  const venue = await createCapacityPool(ctx, event.id, { name: 'Venue seats (in person)', capacity: 400 });

  const q = {
    profession: await createQuestion(ctx, event.id, {
      key: 'profession',
      label: 'Which best describes you?',
      kind: 'select',
      sortOrder: 1,
      options: [
        'Clinician or therapist',
        'Researcher',
        'Peer-support worker',
        'Family member or friend',
        'Student',
        'Other',
        'Prefer not to say',
      ],
    }),
    organisation: await createQuestion(ctx, event.id, {
      key: 'organisation',
      label: 'Organisation (optional)',
      kind: 'text',
      sortOrder: 2,
    }),
    dietary: await createQuestion(ctx, event.id, {
      key: 'dietary',
      label: 'Dietary needs',
      kind: 'text',
      isSensitive: true,
      sortOrder: 3,
      help: 'Only the catering team lead sees this.',
    }),
    access: await createQuestion(ctx, event.id, {
      key: 'access_needs',
      label: 'Access needs',
      kind: 'textarea',
      isSensitive: true,
      isAccessNeed: true,
      sortOrder: 4,
      help: 'For example captions, step-free seating or a quiet room. Only our accessibility coordinator sees this.',
    }),
    registration: await createQuestion(ctx, event.id, {
      key: 'ce_registration',
      label: 'Professional registration number',
      kind: 'text',
      sortOrder: 5,
      help: 'Printed on your continuing-education certificate.',
    }),
    institution: await createQuestion(ctx, event.id, {
      key: 'institution',
      label: 'University or college',
      kind: 'text',
      sortOrder: 6,
    }),
  };
  const common = [
    { questionId: q.profession.id, isRequired: true },
    { questionId: q.organisation.id },
    { questionId: q.dietary.id },
    { questionId: q.access.id },
  ];
  const inPerson = { poolIds: [venue.id], saleEndsAt: saleEnds };

  await createTicketType(ctx, event.id, {
    code: 'full',
    publicLabel: 'Conference pass (3 days)',
    internalLabel: 'Full pass, in person',
    sortOrder: 1,
    description:
      'All three days in person: keynotes, talks, panels, workshops (book seats below) and the evening social.',
    prices: windows(39000, 49000, 59000),
    questions: common,
    ...inPerson,
  });
  await createTicketType(ctx, event.id, {
    code: 'clinician-ce',
    publicLabel: 'Professional pass with certificate',
    internalLabel: 'Clinician with CE credits',
    sortOrder: 2,
    description: 'The full pass plus attendance tracking and a continuing-education certificate.',
    prices: windows(52000, 62000, 69000),
    questions: [...common, { questionId: q.registration.id, isRequired: true }],
    ...inPerson,
  });
  await createTicketType(ctx, event.id, {
    code: 'virtual',
    publicLabel: 'Online pass',
    internalLabel: 'Virtual pass',
    attendance: 'virtual',
    includesWorkshops: false,
    sortOrder: 3,
    description:
      'Live stream of the main hall with captions, and recordings for 60 days. Workshops are in person only.',
    prices: windows(9000, 12000, 15000),
    saleEndsAt: saleEnds,
    questions: [{ questionId: q.profession.id, isRequired: true }, { questionId: q.access.id }],
  });
  for (const [i, day] of [event.startsOn, addDays(event.startsOn, 1), event.endsOn].entries()) {
    await createTicketType(ctx, event.id, {
      code: `day-${i + 1}`,
      publicLabel: `Day pass: ${formatDay(day, 'en-GB', 'short')}`,
      internalLabel: `Day pass, day ${i + 1}`,
      validOn: day,
      capacity: 80,
      sortOrder: 4 + i,
      description: "One day in person, including that day's workshops.",
      prices: windows(17000, 21000, 24000),
      questions: common,
      ...inPerson,
    });
  }
  await createTicketType(ctx, event.id, {
    code: 'student',
    publicLabel: 'Student pass',
    internalLabel: 'Student (in person)',
    capacity: 60,
    sortOrder: 8,
    description: 'The full pass for students in full-time education. Bring your student card.',
    prices: [{ label: 'Student', amount: 14000 }],
    questions: [...common, { questionId: q.institution.id, isRequired: true }],
    ...inPerson,
  });
  await createTicketType(ctx, event.id, {
    code: 'community',
    publicLabel: 'Community pass',
    internalLabel: 'Reduced community rate (peers, families)',
    capacity: 80,
    sortOrder: 9,
    description:
      'A reduced rate for peer-support workers, families and people paying for themselves. No questions asked.',
    prices: [{ label: 'Community', amount: 6000 }],
    questions: common,
    ...inPerson,
  });
  const scholarship = await createTicketType(ctx, event.id, {
    code: 'scholarship',
    publicLabel: 'Conference pass (3 days)',
    internalLabel: 'Scholarship (sponsored)',
    isHidden: true,
    capacity: 30,
    maxPerOrder: 1,
    sortOrder: 10,
    description: 'A sponsored place. Unlocked with the code in your scholarship letter.',
    prices: [{ label: 'Sponsored', amount: 0 }],
    questions: common,
    ...inPerson,
  });

  await createVoucher(ctx, event.id, {
    code: 'SCHOLARSHIP-DEMO',
    kind: 'free',
    maxUses: 5,
    ticketTypeIds: [scholarship.id],
    note: 'Demo scholarship code',
  });
  await createVoucher(ctx, event.id, {
    code: 'PEERS20',
    kind: 'percent',
    value: 20,
    maxUses: 50,
    note: 'Peer organisations',
  });
  await createVoucher(ctx, event.id, {
    code: 'CLINIC50',
    kind: 'fixed',
    value: 5000,
    maxUses: 20,
    validUntil: lateFrom,
    note: 'Group discount for clinics',
  });
}
