// What every sales set-up use case shares: its context (the database, the clock and the acting staff member for
// the audit trail), loading the event, field errors and reading a form. Pool locks: lib/capacity/seats.ts.
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { isUniqueViolation } from '@/db/errors';
import { events, type Event } from '@/db/schema';
import type { AuditActor } from '../audit/record';
import { measureTaken, type PoolQuery } from '../capacity/availability';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { isUuid } from '../validation';

/** What a form sends: strings for the named fields (tests may pass the same); the use case's zod schema decides. */
export type FormInput<K extends string> = Partial<Record<K, unknown>>;

// The vault seals existing answers when a question becomes sensitive.
export type SalesCtx = Pick<AppContext, 'db' | 'clock' | 'vault'> & { actor: AuditActor };

export async function loadEvent(tx: Tx, eventId: string, options: { lock?: boolean } = {}): Promise<Event> {
  if (!isUuid(eventId)) throw new DomainError('NOT_FOUND', 'Event not found');
  const query = tx.select().from(events).where(eq(events.id, eventId));
  const [event] = options.lock ? await query.for('no key update') : await query;
  if (!event) throw new DomainError('NOT_FOUND', 'Event not found');
  return event;
}

/** A refusal tied to one field, shown beside it. */
export function fieldError(field: string, message: string, formMessage = message): DomainError {
  return new DomainError('VALIDATION', formMessage, { [field]: [message] });
}

export function notFound(what: string): DomainError {
  return new DomainError('NOT_FOUND', `${what} was not found. It may have been removed; reload the page.`);
}

/** Runs an insert or update and turns a unique violation into a CONFLICT on `field`. */
/**
 * Refuses (on the capacity field) a capacity below the seats already taken under `key` (paid, held or offered);
 * the caller holds that pool's lock, so none is taken between the count and the commit. `what` names the unit:
 * "seats of this pool".
 */
export async function assertCapacityCovers(
  tx: Tx,
  now: Date,
  pool: { query: PoolQuery; key: string },
  capacity: number,
  what: string,
): Promise<void> {
  const taken = (await measureTaken(tx, now, pool.query)).get(pool.key) ?? 0;
  if (capacity < taken) {
    throw fieldError(
      'capacity',
      `${taken} ${what} are already taken (paid, held or offered); the capacity cannot be lower.`,
    );
  }
}

export async function unique<T>(run: () => Promise<T>, field: string, message: string): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('CONFLICT', message, { [field]: [message] });
    throw error;
  }
}

/** "name, dates and currency" */
export function listWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
