// The configured event (EVENT_SLUG) that the public site and the admin pages show, read once per request (React
// cache) however many components ask for it.
import 'server-only';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import type { Event } from '@/db/schema';
import { getEventBySlug } from '@/lib/programme/queries';
import { getContext } from './context';

/** The configured event or null; throws only when the database cannot be reached. */
export const findCurrentEvent = cache(async (): Promise<Event | null> => {
  await connection();
  const ctx = getContext();
  return getEventBySlug(ctx, ctx.config.EVENT_SLUG);
});

/** The configured event; a 404 page when it does not exist. */
export async function getCurrentEvent(): Promise<Event> {
  const event = await findCurrentEvent();
  if (!event) notFound();
  return event;
}

/** For chrome (header, titles) that must render even when the database is down. */
export async function currentEventName(): Promise<string | null> {
  try {
    return (await findCurrentEvent())?.name ?? null;
  } catch {
    return null;
  }
}
