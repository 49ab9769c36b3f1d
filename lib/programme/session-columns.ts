// The columns that describe a session in a list (the attendee's agenda, the organizers' session list), for a
// select to spread and add its own (room, track, capacity, starred time).
import { sessions } from '@/db/schema';

export const sessionColumns = {
  id: sessions.id,
  slug: sessions.slug,
  title: sessions.title,
  format: sessions.format,
  visibility: sessions.visibility,
  startsAt: sessions.startsAt,
  endsAt: sessions.endsAt,
};
