// The configured event (EVENT_SLUG) that the public site and the admin pages show, read once per render (React
// cache) however many components ask for it.
import 'server-only';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import type { Event } from '@/db/schema';
import { getEventBySlug } from '@/lib/programme/queries';
import { getContext } from './context';

/**
 * The configured event or null, read without making the render per-request: for the cached public pages
 * (app/(public)/[locale]) and the chrome every page shares. Throws only when the database cannot be reached.
 */
export const readCurrentEvent = cache(async (): Promise<Event | null> => {
  const ctx = getContext();
  return getEventBySlug(ctx, ctx.config.EVENT_SLUG);
});

/** The configured event or null, and the render is per request (never at build time). */
export const findCurrentEvent = cache(async (): Promise<Event | null> => {
  await connection();
  return readCurrentEvent();
});

/** The configured event; a 404 page when it does not exist. Per request. */
export async function getCurrentEvent(): Promise<Event> {
  const event = await findCurrentEvent();
  if (!event) notFound();
  return event;
}

/** The configured event for a cached public page; a 404 page when it does not exist. */
export async function getCachedPageEvent(): Promise<Event> {
  const event = await readCurrentEvent();
  if (!event) notFound();
  return event;
}

/**
 * For chrome (header, titles) that must render even when the database is down, and must not make a cached page
 * per-request. `next build` never touches the database: it renders the neutral name.
 */
export async function currentEventName(): Promise<string | null> {
  if (process.env.NEXT_PHASE === 'phase-production-build') return null;
  try {
    return (await readCurrentEvent())?.name ?? null;
  } catch {
    return null;
  }
}
