// Building the programme: events, tracks, rooms and speakers, validated before they reach the database.
import { eq, sql } from 'drizzle-orm';
import { isUniqueViolation } from '@/db/errors';
import { events, rooms, speakers, tracks, type Event, type Room, type Speaker, type Track } from '@/db/schema';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { slugify } from '../slug';
import { parseInput } from '../validation';
import {
  eventSchema,
  roomSchema,
  speakerSchema,
  trackSchema,
  type EventInput,
  type RoomInput,
  type SpeakerInput,
  type TrackInput,
} from './schemas';

type Ctx = Pick<AppContext, 'db'>;

async function insertUnique<T>(run: () => Promise<T>, field: string, message: string): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('CONFLICT', message, { [field]: [message] });
    throw error;
  }
}

export async function createEvent(ctx: Ctx, input: EventInput): Promise<Event> {
  const data = parseInput(eventSchema, input);
  const [row] = await insertUnique(
    () => ctx.db.insert(events).values(data).returning(),
    'slug',
    'An event with this slug already exists',
  );
  return row!;
}

// Prepared once per database handle: every order reads its event, and building the query costs more than running it.
const eventById = new WeakMap<Ctx['db'], ReturnType<typeof prepareEventById>>();
function prepareEventById(db: Ctx['db']) {
  return db
    .select()
    .from(events)
    .where(eq(events.id, sql.placeholder('id')))
    .prepare('event_by_id');
}

export async function getEventOrThrow(ctx: Ctx, eventId: string): Promise<Event> {
  if (!/^[0-9a-f-]{36}$/i.test(eventId)) throw new DomainError('NOT_FOUND', 'Event not found');
  let query = eventById.get(ctx.db);
  if (!query) eventById.set(ctx.db, (query = prepareEventById(ctx.db)));
  const [event] = await query.execute({ id: eventId });
  if (!event) throw new DomainError('NOT_FOUND', 'Event not found');
  return event;
}

export async function createTrack(ctx: Ctx, eventId: string, input: TrackInput): Promise<Track> {
  const data = parseInput(trackSchema, input);
  const [row] = await insertUnique(
    () =>
      ctx.db
        .insert(tracks)
        .values({ ...data, slug: data.slug ?? slugify(data.name), eventId })
        .returning(),
    'name',
    'A track with this name already exists',
  );
  return row!;
}

export async function createRoom(ctx: Ctx, eventId: string, input: RoomInput): Promise<Room> {
  const data = parseInput(roomSchema, input);
  const [row] = await insertUnique(
    () =>
      ctx.db
        .insert(rooms)
        .values({ ...data, eventId })
        .returning(),
    'name',
    'A room with this name already exists',
  );
  return row!;
}

export async function createSpeaker(ctx: Ctx, eventId: string, input: SpeakerInput): Promise<Speaker> {
  const data = parseInput(speakerSchema, input);
  const [row] = await insertUnique(
    () =>
      ctx.db
        .insert(speakers)
        .values({ ...data, slug: data.slug ?? slugify(data.name), eventId })
        .returning(),
    'name',
    'A speaker with this name already exists',
  );
  return row!;
}
