// The event the public site shows (EVENT_SLUG), loaded per request.
import 'server-only';
import { notFound } from 'next/navigation';
import { getEventBySlug } from '@/lib/programme/queries';
import { getContext } from './context';

export async function getCurrentEvent() {
  const ctx = getContext();
  const event = await getEventBySlug(ctx, ctx.config.EVENT_SLUG);
  if (!event) notFound();
  return event;
}
