import { describe, expect, it } from 'vitest';
import { ticketsCalendar } from '@/lib/email/calendar';

const now = new Date('2030-01-10T10:00:00Z');
const event = {
  id: 'ev1',
  name: 'Integrative Addiction Conference',
  timezone: 'Europe/Amsterdam',
  startsOn: '2030-03-28',
  endsOn: '2030-03-30',
  venueName: 'Harbour Hall',
  venueAddress: 'Quay 1',
  nameInEmailSubjects: false,
};
const workshop = {
  sessionId: 's1',
  title: 'Relapse triggers workshop',
  startsAt: new Date('2030-03-28T08:00:00Z'),
  endsAt: new Date('2030-03-28T09:30:00Z'),
  room: 'Studio',
};
const days = new Map([
  ['2030-03-28', { start: new Date('2030-03-28T08:00:00Z'), end: new Date('2030-03-28T17:00:00Z') }],
]);
const unfold = (text: string) => text.replace(/\r\n /g, '');
const summaries = (text: string) =>
  unfold(text)
    .split('\r\n')
    .filter((l) => l.startsWith('SUMMARY:'));

describe('ticketsCalendar', () => {
  it('is discreet by default: "Conference" days and "Conference workshop", no titles or event name', () => {
    const ics = ticketsCalendar(event, [{ validOn: null, online: false, workshops: [workshop] }], {
      appUrl: 'https://reg.example.org',
      now,
      days,
    });
    expect(summaries(ics)).toEqual([
      'SUMMARY:Conference',
      'SUMMARY:Conference workshop',
      'SUMMARY:Conference',
      'SUMMARY:Conference',
    ]);
    expect(ics).not.toMatch(/addiction|relapse/i);
    expect(unfold(ics)).toContain('X-WR-CALNAME:Conference');
    // The first day follows its sessions; days without any get 09:00-18:00 local time.
    expect(unfold(ics)).toContain('DTSTART:20300328T080000Z');
    expect(unfold(ics)).toContain('DTSTART:20300329T080000Z');
    expect(unfold(ics)).toContain('DTEND:20300329T170000Z');
    expect(unfold(ics)).toContain('LOCATION:Harbour Hall\\, Quay 1');
  });

  it('names the event and workshops once the event opted in', () => {
    const ics = ticketsCalendar(
      { ...event, nameInEmailSubjects: true },
      [{ validOn: null, online: false, workshops: [workshop] }],
      { appUrl: 'https://reg.example.org', now, days },
    );
    expect(summaries(ics)).toContain('SUMMARY:Integrative Addiction Conference');
    expect(summaries(ics)).toContain('SUMMARY:Relapse triggers workshop');
  });

  it('holds only the day a day pass admits, online when every ticket is virtual, and each workshop once', () => {
    const ics = ticketsCalendar(
      event,
      [
        { validOn: '2030-03-29', online: true, workshops: [workshop] },
        { validOn: '2030-03-29', online: true, workshops: [workshop] },
      ],
      { appUrl: 'https://reg.example.org', now, days },
    );
    expect(summaries(ics)).toEqual(['SUMMARY:Conference workshop', 'SUMMARY:Conference']);
    expect(unfold(ics)).toContain('LOCATION:Online');
    expect(unfold(ics)).toContain('DTSTART:20300329T080000Z');
  });
});
