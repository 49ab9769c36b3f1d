import { describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import { registrationSchema } from '@/lib/orders/schemas';
import { emailSchema, FORBIDDEN_CHARS } from '@/lib/validation';
import { FORBIDDEN_IN_BLOCK } from '@/lib/text';
import { isUuid, parseInput } from '@/lib/validation';

const TYPE = '3f2b8c1e-6a4d-4e2b-9c1a-2b3c4d5e6f70';
const WORKSHOP = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

function valid(overrides: Record<string, unknown> = {}, attendee: Record<string, unknown> = {}) {
  return {
    buyer: { name: 'Ana Buyer', email: 'ana@example.org' },
    attendees: [
      {
        ticketTypeId: TYPE,
        legalName: 'Ana Attendee',
        email: 'ana@example.org',
        answers: { profession: 'Clinician' },
        ...attendee,
      },
    ],
    ...overrides,
  };
}

function issues(input: unknown): Record<string, string[]> {
  try {
    parseInput(registrationSchema, input);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('VALIDATION');
    return (e as DomainError).fieldErrors;
  }
  throw new Error('expected the input to be refused');
}

describe('registrationSchema', () => {
  it('accepts a minimal registration and fills in defaults', () => {
    const r = registrationSchema.parse(valid());
    expect(r.attendees[0]).toMatchObject({ workshopIds: [], directoryOptIn: false, photoPreference: 'no_photos' });
    expect(r.voucherCode).toBeUndefined();
  });

  it.each(['status', 'amountPaid', 'total', 'price', 'currency', 'subtotal', 'discount'])(
    'refuses the unknown top-level key %s',
    (key) => {
      const result = registrationSchema.safeParse(valid({ [key]: key === 'status' ? 'paid' : 0 }));
      expect(result.success).toBe(false);
      expect(JSON.stringify(result.error?.issues)).toContain(key);
    },
  );

  it('refuses unknown keys on an attendee and on the buyer', () => {
    expect(issues(valid({}, { price: 0 }))).toHaveProperty(['attendees.0']);
    expect(issues({ ...valid(), buyer: { name: 'A', email: 'a@example.org', isAdmin: true } })).toHaveProperty([
      'buyer',
    ]);
  });

  it('refuses a __proto__ key coming from JSON', () => {
    const top = JSON.parse(JSON.stringify(valid()).replace(/^\{/, '{"__proto__":{"status":"paid"},'));
    expect(Object.keys(top)).toContain('__proto__');
    expect(registrationSchema.safeParse(top).error?.issues).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', keys: ['__proto__'], path: [] }),
    ]);
    const nested = JSON.parse(
      JSON.stringify(valid()).replace('"legalName"', '"__proto__":{"isAdmin":true},"legalName"'),
    );
    expect(registrationSchema.safeParse(nested).error?.issues).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', keys: ['__proto__'], path: ['attendees', 0] }),
    ]);
    // Nothing leaked into the prototype of ordinary objects.
    expect(({} as Record<string, unknown>).status).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('drops a __proto__ answer key instead of polluting the answers object', () => {
    const input = JSON.parse(JSON.stringify(valid()).replace('"answers":{', '"answers":{"__proto__":"x",'));
    const answers = registrationSchema.parse(input).attendees[0]?.answers ?? {};
    expect(Object.keys(answers)).toEqual(['profession']);
    expect(Object.getPrototypeOf(answers)).toBe(Object.prototype);
  });

  it.each([
    ['a NUL byte', 'Ana\u0000Attendee'],
    ['a newline', 'Ana\nAttendee'],
    ['a tab', 'Ana\tAttendee'],
    ['an escape character', 'Ana\u001b[31mAttendee'],
    ['a C1 control', 'Ana\u0085Attendee'],
    ['a DEL', 'Ana\u007fAttendee'],
    ['a right-to-left override', 'Ana\u202eeedntta'],
    ['a left-to-right embedding', '\u202aAna'],
    ['a first-strong isolate', 'Ana\u2068x\u2069'],
    ['a right-to-left mark', 'Ana\u200f'],
    ['an Arabic letter mark', 'محمد\u061c عبد الله'],
    ['a lone high surrogate', 'Ana \ud800'],
    ['a lone high surrogate before a letter', 'Ana \ud83dx'],
    ['a lone low surrogate', '\ude00Ana'],
    ['a surrogate pair the wrong way round', 'Ana \ude00\ud83d'],
    ['a replacement character (what a browser sends for a lone surrogate)', 'Ana \ufffd'],
  ])('refuses a name containing %s', (_label, name) => {
    const errors = issues(valid({}, { legalName: name }));
    expect(errors['attendees.0.legalName']).toEqual(['Full name contains characters that are not allowed']);
  });

  it('refuses control characters in the buyer name, badge name and pronouns too', () => {
    expect(issues({ ...valid(), buyer: { name: 'Bob\u202e', email: 'b@example.org' } })).toHaveProperty(['buyer.name']);
    expect(issues(valid({}, { badgeName: 'X\u0007' }))).toHaveProperty(['attendees.0.badgeName']);
    expect(issues(valid({}, { pronouns: 'she\u202eher' }))).toHaveProperty(['attendees.0.pronouns']);
  });

  it.each([
    ['Arabic', 'محمد عبد الله'],
    ['Hebrew', 'דוד כהן'],
    ['accented Latin', 'José Ñúñez-Müller'],
    ['Vietnamese', 'Nguyễn Thị Minh Khai'],
    ['CJK', '山田 太郎'],
    ['an apostrophe', "Siobhán O'Brien"],
    ['an emoji (a surrogate pair)', 'Ana 😀 Souza'],
    ['a joined emoji', 'Ana 👩🏽‍⚕️'],
    ['Persian, with a zero-width non-joiner', 'می‌خواهم'],
  ])('accepts a %s name unchanged', (_label, name) => {
    const r = registrationSchema.parse(valid({}, { legalName: name, badgeName: name }));
    expect(r.attendees[0]?.legalName).toBe(name);
    expect(r.attendees[0]?.badgeName).toBe(name);
  });

  it('trims names and refuses blank ones', () => {
    expect(registrationSchema.parse(valid({}, { legalName: '  Ana  ' })).attendees[0]?.legalName).toBe('Ana');
    expect(issues(valid({}, { legalName: '   ' }))['attendees.0.legalName']).toEqual(['Full name is required']);
    expect(issues(valid({}, { legalName: 'x'.repeat(201) }))['attendees.0.legalName']).toEqual([
      'Full name must be at most 200 characters',
    ]);
  });

  it.each([
    'a@example.org,b@example.org',
    'a@example.org, b@example.org',
    'a@example.org;b@example.org',
    'a@example.org b@example.org',
    'a@example.org\nBcc: c@example.org',
    'a@example.org\r\nCc: c@example.org',
    'not-an-email',
    'a@',
    '@example.org',
    '<a@example.org>',
    '"Ana" <a@example.org>',
  ])('refuses the email %j', (email) => {
    expect(emailSchema.safeParse(email).success).toBe(false);
    expect(issues(valid({}, { email }))['attendees.0.email']).toBeDefined();
    expect(issues({ ...valid(), buyer: { name: 'A', email } })['buyer.email']).toBeDefined();
  });

  it('refuses an email with a lone surrogate', () => {
    expect(emailSchema.safeParse('ana\ud800@example.org').success).toBe(false);
  });

  it('refuses a lone surrogate in an answer, and keeps line breaks there', () => {
    const lone = JSON.parse('"Vegetarian \\ud800"') as string;
    expect(lone).toHaveLength(12);
    expect(FORBIDDEN_CHARS.test(lone)).toBe(true);
    expect(FORBIDDEN_IN_BLOCK.test('Vegetarian\r\nno nuts\t(allergy)')).toBe(false);
    expect(FORBIDDEN_IN_BLOCK.test('Vegetarian \ud800')).toBe(true);
  });

  it('lowercases and trims emails', () => {
    const r = registrationSchema.parse({
      ...valid({}, { email: '  Ana.Attendee@Example.ORG ' }),
      buyer: { name: 'A', email: 'BUYER@EXAMPLE.ORG' },
    });
    expect(r.attendees[0]?.email).toBe('ana.attendee@example.org');
    expect(r.buyer.email).toBe('buyer@example.org');
  });

  it('upper-cases voucher codes and treats an empty code as none', () => {
    expect(registrationSchema.parse(valid({ voucherCode: ' tenOff ' })).voucherCode).toBe('TENOFF');
    expect(registrationSchema.parse(valid({ voucherCode: '' })).voucherCode).toBeUndefined();
  });

  it('refuses voucher codes with other characters or of the wrong type', () => {
    expect(issues(valid({ voucherCode: "X' OR 1=1 --" }))).toHaveProperty(['voucherCode']);
    expect(issues(valid({ voucherCode: 'A'.repeat(41) }))).toHaveProperty(['voucherCode']);
    expect(issues(valid({ voucherCode: 10 }))).toHaveProperty(['voucherCode']);
  });

  it('refuses an empty attendee list and more than 20 attendees', () => {
    expect(issues(valid({ attendees: [] }))['attendees']).toEqual(['Add at least one attendee']);
    const many = Array.from({ length: 21 }, () => valid().attendees[0]);
    expect(issues(valid({ attendees: many }))['attendees']).toEqual(['At most 20 attendees per order']);
  });

  it('refuses ids that are not uuids and more than 10 workshops', () => {
    expect(issues(valid({}, { ticketTypeId: '1; drop table orders' }))).toHaveProperty(['attendees.0.ticketTypeId']);
    expect(issues(valid({}, { workshopIds: ['nope'] }))).toHaveProperty(['attendees.0.workshopIds.0']);
    expect(
      issues(valid({}, { workshopIds: Array.from({ length: 11 }, () => WORKSHOP) }))['attendees.0.workshopIds'],
    ).toEqual(['Choose at most 10 workshops']);
  });

  it('lowercases ticket type and workshop ids, which the database returns in lower case', () => {
    const r = registrationSchema.parse(
      valid({}, { ticketTypeId: TYPE.toUpperCase(), workshopIds: [WORKSHOP.toUpperCase()] }),
    );
    expect(r.attendees[0]?.ticketTypeId).toBe(TYPE);
    expect(r.attendees[0]?.workshopIds).toEqual([WORKSHOP]);
  });

  it('refuses wrong types with a message per field', () => {
    const errors = issues({
      buyer: 'me',
      attendees: [
        {
          ticketTypeId: 5,
          legalName: ['x'],
          email: null,
          directoryOptIn: 'yes',
          photoPreference: 'always',
          answers: [],
        },
      ],
    });
    expect(Object.keys(errors).sort()).toEqual([
      'attendees.0.answers',
      'attendees.0.directoryOptIn',
      'attendees.0.email',
      'attendees.0.legalName',
      'attendees.0.photoPreference',
      'attendees.0.ticketTypeId',
      'buyer',
    ]);
    expect(Object.values(errors).every((m) => m.length > 0 && m.every((s) => s.length > 0))).toBe(true);
  });

  it('refuses input that is not an object at all under the _form key', () => {
    for (const input of [null, undefined, 'hello', 42, [], true]) {
      expect(issues(input)).toHaveProperty(['_form']);
    }
  });
});

describe('isUuid', () => {
  it('accepts a uuid in either letter case and nothing else', () => {
    expect(isUuid('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
    expect(isUuid('0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe(true);
    for (const bad of [
      '',
      '0f8fad5b-d9cb-469f-a165-70867728950',
      '0f8fad5b-d9cb-469f-a165-70867728950e ',
      'x0f8fad5b-d9cb-469f-a165-70867728950e',
      '0f8fad5bd9cb469fa16570867728950e',
      42,
      null,
      undefined,
    ]) {
      expect(isUuid(bad)).toBe(false);
    }
  });
});
