// Shared set-up for the privacy tests: the manage fixture plus an access-needs question on the full pass, staff of
// every role, and a paid group order in which the buyer typed canary answers for attendee 2, who has an email
// of their own. The canaries are strings that appear nowhere else, so finding one anywhere is a leak.
import { randomUUID } from 'node:crypto';
import { beforeAll } from 'vitest';
import type { Db } from '@/db/client';
import { ticketTypeQuestions, users, type UserRole } from '@/db/schema';
import { issueTicketPageLink } from '@/lib/links/secret-links';
import { createQuestion } from '@/lib/catalogue/setup';
import { readThrough } from '../../support/read-through';
import { attendee } from '../../support/registration-fixture';
import type { TestDb } from '../../support/test-db';
import { buildManageFixture, paidOrder, type ManageFixture } from '../self-service/manage-fixture';

export interface PrivacyFixture extends ManageFixture {
  accessQuestionId: string;
  staff: Record<UserRole, { id: string; email: string; name: string; role: UserRole }>;
}

export async function buildPrivacyFixture(db: Db): Promise<PrivacyFixture> {
  const fx = await buildManageFixture(db);
  const access = await createQuestion(fx.ctx, fx.event.id, {
    key: 'access_needs',
    label: 'Access needs',
    kind: 'textarea',
    isAccessNeed: true,
    sortOrder: 9,
  });
  await db
    .insert(ticketTypeQuestions)
    .values({ ticketTypeId: fx.fullPass.id, questionId: access.id, isRequired: false });
  const staff = {} as PrivacyFixture['staff'];
  for (const role of ['owner', 'organizer', 'accessibility', 'checkin'] as const) {
    const name = `${role[0]!.toUpperCase()}${role.slice(1)} Person`;
    const [u] = await db
      .insert(users)
      .values({ email: `${role}-${randomUUID().slice(0, 8)}@staff.example`, name, role })
      .returning();
    staff[role] = { id: u!.id, email: u!.email, name, role };
  }
  return { ...fx, accessQuestionId: access.id, staff };
}

export interface Canaries {
  diet: string;
  access: string;
  pronouns: string;
}

export function canaries(): Canaries {
  const tag = randomUUID().slice(0, 8);
  return { diet: `CANARY-DIET-${tag}`, access: `CANARY-ACCESS-${tag} step-free seat`, pronouns: `xe/canary${tag}` };
}

export interface GroupOrder {
  order: Awaited<ReturnType<typeof paidOrder>>['order'];
  token: string;
  buyerEmail: string;
  buyerTicketId: string;
  otherTicketId: string;
  otherEmail: string;
  /** A live link to attendee 2's own page. */
  pageToken: string;
}

/** Buyer (attendee 1, same email) and attendee 2 (own email) whose sensitive answers the buyer typed. */
export async function groupOrder(fx: PrivacyFixture, c: Canaries, own: Partial<Canaries> = {}): Promise<GroupOrder> {
  const buyerEmail = `buyer-${randomUUID().slice(0, 8)}@example.org`;
  const otherEmail = `colleague-${randomUUID().slice(0, 8)}@example.org`;
  const placed = await paidOrder(
    fx,
    [
      attendee(fx.fullPass.id, {
        legalName: 'Robin Buyer',
        email: buyerEmail,
        pronouns: own.pronouns,
        answers: {
          profession: 'Clinician',
          ...(own.diet ? { dietary: own.diet } : {}),
          ...(own.access ? { access_needs: own.access } : {}),
        },
      }),
      attendee(fx.fullPass.id, {
        legalName: 'Alex Colleague',
        badgeName: 'Alex',
        email: otherEmail,
        pronouns: c.pronouns,
        answers: { profession: 'Peer worker', dietary: c.diet, access_needs: c.access },
      }),
    ],
    { buyerEmail },
  );
  const [buyerTicketId, otherTicketId] = placed.ticketIds as [string, string];
  const pageToken = await issueTicketPageLink(fx.ctx.db, otherTicketId, fx.clock.now(), null);
  return { order: placed.order, token: placed.token, buyerEmail, buyerTicketId, otherTicketId, otherEmail, pageToken };
}

/** Fails with the place where a canary shows up. */
export function expectNoCanary(where: string, value: unknown, c: Canaries): void {
  const text =
    typeof value === 'string'
      ? value
      : JSON.stringify(value, (_k, v: unknown) => (v instanceof Map ? Object.fromEntries(v) : v));
  for (const canary of [c.diet, 'CANARY-ACCESS', c.pronouns]) {
    if (text.includes(canary)) throw new Error(`${where} contains the canary ${canary}`);
  }
}

export interface BuyerGroupOrder {
  fx: PrivacyFixture;
  /** The group order: the buyer typed `c` for attendee 2 and `mine` for themself. */
  g: GroupOrder;
  c: Canaries;
  mine: Canaries;
}

/**
 * The set-up of the buyer-view and export tests: before the file's tests, the privacy fixture in the file's
 * database and a group order in which the buyer typed canaries for attendee 2 and answers of their own.
 */
export function useBuyerGroupOrder(t: TestDb): BuyerGroupOrder {
  const c = canaries();
  const mine = { diet: 'Buyer-own vegetarian', access: 'Buyer-own hearing loop', pronouns: 'she/her' };
  let fx: PrivacyFixture | undefined;
  let g: GroupOrder | undefined;
  beforeAll(async () => {
    fx = await buildPrivacyFixture(t.db);
    g = await groupOrder(fx, c, mine);
  });
  return { fx: readThrough(() => fx, 'The privacy fixture'), g: readThrough(() => g, 'The group order'), c, mine };
}
