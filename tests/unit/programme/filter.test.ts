import { describe, expect, it } from 'vitest';
import { filterSessions as filterWith, parseProgrammeFilter, type ProgrammeFilter } from '@/lib/programme/filter';
import type { ProgrammeSession } from '@/lib/programme/queries';

function session(over: Partial<ProgrammeSession> & Pick<ProgrammeSession, 'slug'>): ProgrammeSession {
  return {
    id: over.slug,
    title: 'Untitled',
    abstract: '',
    format: 'talk',
    startsAt: new Date('2030-03-29T08:00:00Z'),
    endsAt: new Date('2030-03-29T09:00:00Z'),
    day: '2030-03-29',
    capacity: null,
    contentNote: null,
    track: null,
    room: null,
    speakers: [],
    ...over,
  };
}

const neuro = { slug: 'neuroscience', name: 'Neuroscience' };
const clinical = { slug: 'clinical-practice', name: 'Clinical practice' };

const list: ProgrammeSession[] = [
  session({
    slug: 'glutamate',
    title: 'Glutamate homeostasis',
    abstract: 'Extracellular glutamate in the nucleus accumbens.',
    format: 'keynote',
    track: neuro,
    day: '2030-03-29',
    speakers: [{ slug: 'eva', name: 'Dr. Eva Nováková', affiliation: 'Prague', role: 'speaker' }],
  }),
  session({
    slug: 'dopamine',
    title: 'Mesolimbic dopamine',
    abstract: 'What dopamine signals about drug cues.',
    format: 'talk',
    track: neuro,
    day: '2030-03-30',
  }),
  session({
    slug: 'programmes',
    title: 'Relapse-prevention programmes',
    abstract: 'High-risk situations and coping plans.',
    format: 'talk',
    track: clinical,
    day: '2030-03-29',
    speakers: [{ slug: 'carlos', name: 'Carlos Mendoza', affiliation: 'Bogotá', role: 'speaker' }],
  }),
  session({
    slug: 'workshop',
    title: 'Mapping high-risk situations',
    abstract: 'A hands-on workshop.',
    format: 'workshop',
    track: clinical,
    day: '2030-03-30',
  }),
  session({
    slug: 'reception',
    title: 'Welcome reception',
    abstract: 'Alcohol-free drinks.',
    format: 'social',
    day: '2030-03-29',
  }),
];

const slugs = (s: ProgrammeSession[]) => s.map((x) => x.slug);
// ProgrammeFilter makes q a required key (possibly undefined); callers mostly set only what they filter by.
const filterSessions = (sessions: ProgrammeSession[], filter: Partial<ProgrammeFilter>) =>
  filterWith(sessions, { q: undefined, ...filter });

describe('filterSessions', () => {
  it('returns everything when no filter is set', () => {
    expect(slugs(filterSessions(list, {}))).toEqual(slugs(list));
  });

  it('keeps only sessions on the chosen day', () => {
    expect(slugs(filterSessions(list, { day: '2030-03-30' }))).toEqual(['dopamine', 'workshop']);
  });

  it('keeps only sessions of the chosen track, leaving out sessions without a track', () => {
    expect(slugs(filterSessions(list, { track: 'neuroscience' }))).toEqual(['glutamate', 'dopamine']);
  });

  it('keeps only sessions of the chosen format', () => {
    expect(slugs(filterSessions(list, { format: 'workshop' }))).toEqual(['workshop']);
  });

  it('combines day, track and format', () => {
    expect(slugs(filterSessions(list, { day: '2030-03-29', track: 'clinical-practice', format: 'talk' }))).toEqual([
      'programmes',
    ]);
    expect(filterSessions(list, { day: '2030-03-30', format: 'keynote' })).toEqual([]);
  });

  it('finds text in the title, the abstract and the speaker names, ignoring case', () => {
    expect(slugs(filterSessions(list, { q: 'HOMEOSTASIS' }))).toEqual(['glutamate']);
    expect(slugs(filterSessions(list, { q: 'drug cues' }))).toEqual(['dopamine']);
    expect(slugs(filterSessions(list, { q: 'mendoza' }))).toEqual(['programmes']);
  });

  it('matches accented names without accents and unaccented text with accents', () => {
    expect(slugs(filterSessions(list, { q: 'novakova' }))).toEqual(['glutamate']);
    expect(slugs(filterSessions(list, { q: 'Bogota' }))).toEqual(['programmes']);
    expect(slugs(filterSessions(list, { q: 'rélapse' }))).toEqual(['programmes']);
  });

  it('requires every word of a multi-word search, in any field', () => {
    expect(slugs(filterSessions(list, { q: 'high-risk workshop' }))).toEqual(['workshop']);
    expect(slugs(filterSessions(list, { q: 'glutamate  eva' }))).toEqual(['glutamate']);
    expect(filterSessions(list, { q: 'glutamate dopamine' })).toEqual([]);
  });
});

describe('parseProgrammeFilter', () => {
  it('reads well-formed values', () => {
    expect(
      parseProgrammeFilter({ day: '2030-03-29', track: 'neuroscience', format: 'panel', q: '  glutamate ' }),
    ).toEqual({ day: '2030-03-29', track: 'neuroscience', format: 'panel', q: 'glutamate' });
  });

  it('ignores malformed values instead of failing', () => {
    expect(parseProgrammeFilter({ day: '29-03-2030', track: 'Neuro Science!', format: 'lecture', q: '   ' })).toEqual({
      day: undefined,
      track: undefined,
      format: undefined,
      q: undefined,
    });
  });

  it('ignores an overlong search and keeps the valid filters beside it', () => {
    expect(parseProgrammeFilter({ day: '2030-03-29', q: 'x'.repeat(201) })).toMatchObject({
      day: '2030-03-29',
      q: undefined,
    });
  });

  it('takes the first value of a repeated parameter and ignores empty ones', () => {
    expect(parseProgrammeFilter({ track: ['clinical-practice', 'neuroscience'], day: '' })).toMatchObject({
      track: 'clinical-practice',
      day: undefined,
    });
  });
});
