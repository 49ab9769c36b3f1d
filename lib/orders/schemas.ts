// The registration request, validated strictly: unknown fields (status, amounts, ids of other things) are
// refused rather than ignored, and text may not carry control, bidirectional-override or broken characters.
import { z } from 'zod';
import { cleanText, describeUnknownKeys, emailSchema } from '../validation';

/** Answers one attendee may send: far more than any ticket type asks, far fewer than a flood. */
export const MAX_ANSWERS_PER_ATTENDEE = 100;
const MAX_ATTENDEES = 20;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// Question key to answer. The count is checked before any entry is parsed (the pipe stops there), so thousands of
// keys cost one Object.keys, not thousands of messages.
const answersSchema = z
  .unknown()
  .refine(
    (v) => !isRecord(v) || Object.keys(v).length <= MAX_ANSWERS_PER_ATTENDEE,
    `At most ${MAX_ANSWERS_PER_ATTENDEE} answers per attendee`,
  )
  .pipe(
    z.record(
      z.string().max(60),
      z.union([z.string().max(2000, 'Answers must be at most 2000 characters'), z.boolean()]),
    ),
  );

export const attendeeSchema = z.strictObject({
  // UUIDs are case-insensitive but the database returns them in lower case, and ids are matched as strings.
  ticketTypeId: z.uuid({ message: 'Choose a ticket type' }).toLowerCase(),
  legalName: cleanText('Full name', 1, 200),
  badgeName: cleanText('Badge name', 0, 60).optional(),
  email: emailSchema,
  pronouns: cleanText('Pronouns', 0, 40).optional(),
  answers: answersSchema.default({}),
  workshopIds: z
    .array(z.uuid({ message: 'Unknown workshop' }).toLowerCase())
    .max(10, 'Choose at most 10 workshops')
    .default([]),
  directoryOptIn: z.boolean({ message: 'Directory opt-in must be yes or no' }).default(false),
  // Privacy by default: nobody is photographed unless they say so.
  photoPreference: z.enum(['ok', 'no_photos'], { message: 'Choose a photo preference' }).default('no_photos'),
});

export const registrationSchema = z.strictObject({
  buyer: z.strictObject({ name: cleanText('Billing name', 1, 200), email: emailSchema }),
  attendees: z
    .array(attendeeSchema)
    .min(1, 'Add at least one attendee')
    .max(MAX_ATTENDEES, `At most ${MAX_ATTENDEES} attendees per order`),
  voucherCode: z
    .string({ message: 'Voucher code must be text' })
    .trim()
    .max(40, 'Voucher codes are at most 40 characters')
    .regex(/^[A-Za-z0-9_-]*$/, 'Voucher codes contain only letters, digits, dashes and underscores')
    .optional()
    .transform((v) => (v ? v.toUpperCase() : undefined)),
  offerToken: z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9_-]*$/, 'Invalid offer link')
    .optional(),
});

/**
 * The cheap look at a request's shape that runs before anything else: unknown fields and too many attendees are
 * refused here with one message each, so a flood never reaches the field-by-field parse or the catalogue checks.
 */
function checkShape(input: unknown, ctx: z.RefinementCtx): void {
  if (!isRecord(input)) return;
  const unknown = (value: Record<string, unknown>, allowed: readonly string[], path: (string | number)[]) => {
    const extra = Object.keys(value).filter((k) => !allowed.includes(k));
    if (extra.length) ctx.addIssue({ code: 'custom', path, message: describeUnknownKeys(extra) });
  };
  unknown(input, Object.keys(registrationSchema.shape), []);
  if (isRecord(input.buyer)) unknown(input.buyer, Object.keys(registrationSchema.shape.buyer.shape), ['buyer']);
  if (!Array.isArray(input.attendees)) return;
  if (input.attendees.length > MAX_ATTENDEES) {
    ctx.addIssue({ code: 'custom', path: ['attendees'], message: `At most ${MAX_ATTENDEES} attendees per order` });
    return;
  }
  input.attendees.forEach((a: unknown, i) => {
    if (isRecord(a)) unknown(a, Object.keys(attendeeSchema.shape), ['attendees', i]);
  });
}

/** What createOrder and the price preview parse: the shape check first, the strict schema only if it passed. */
export const registrationRequestSchema = z.unknown().superRefine(checkShape).pipe(registrationSchema);

export type RegistrationInput = z.input<typeof registrationSchema>;
export type Registration = z.output<typeof registrationSchema>;
export type AttendeeRegistration = Registration['attendees'][number];
