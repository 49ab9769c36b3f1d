// Organizers and the accessibility team correct an attendee's details ('attendees.edit'): names, email, pronouns,
// directory and photo choices, and answers. Answers to sensitive questions and pronouns (sealed, private like
// them) can be changed only by a role that may see them; anyone else sending one is refused and nothing changes. The change and its audit entry (which names
// the fields changed, never their values) are one transaction; the ticket row is locked while it is read.
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { answers, orders, questions, ticketTypeQuestions, tickets, type UserRole } from '@/db/schema';
import type { AppContext } from '../context';
import { recordAudit, staffActor } from '../audit/record';
import { DomainError } from '../errors';
import { cleanText, emailSchema, FORBIDDEN_CHARS } from '../validation';
import { parseInput } from '../validation';
import { statesAccessNeed, syncAccessRequest } from '../access/requests';
import { answerColumns, openAnswer, openPronouns, pronounColumns } from '../privacy/sealed';
import { can } from '../staff/permissions';
import { questionColumns } from './question-columns';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'vault'>;

export const updateAttendeeSchema = z.strictObject({
  ticketId: z.uuid({ error: 'Unknown attendee' }),
  legalName: cleanText('Full name', 1, 200),
  badgeName: cleanText('Badge name', 1, 60),
  email: emailSchema,
  // Left out: unchanged (the form of a role that may not see pronouns does not have the field).
  pronouns: cleanText('Pronouns', 0, 40).optional(),
  directoryOptIn: z.boolean({ error: 'Directory opt-in must be yes or no' }),
  photoPreference: z.enum(['ok', 'no_photos'], { error: 'Choose a photo preference' }),
  // Question key -> answer. Keys left out keep their answer; '' (or false for a checkbox) clears or unticks it.
  answers: z
    .record(z.string().max(60), z.union([z.string().max(2000, 'Answers must be at most 2000 characters'), z.boolean()]))
    .default({}),
});
export type UpdateAttendeeInput = z.input<typeof updateAttendeeSchema>;

export interface UpdateAttendeeResult {
  changed: string[];
}

interface AskedQuestion {
  id: string;
  key: string;
  label: string;
  kind: string;
  options: string[];
  isSensitive: boolean;
  isAccessNeed: boolean;
  isRequired: boolean;
}

type Errors = Record<string, string[]>;
const push = (errors: Errors, key: string, message: string) => void (errors[key] ??= []).push(message);

const CHECKBOX_WORDS = new Map<string, boolean>([
  ['on', true],
  ['yes', true],
  ['true', true],
  ['', false],
  ['no', false],
  ['false', false],
]);

/** The stored value for an answer ('' clears it), or an error message. */
function answerValue(q: AskedQuestion, raw: string | boolean): { value: string } | { error: string } {
  if (q.kind === 'checkbox') {
    // A ticked HTML checkbox sends "on"; an unticked one sends nothing, which the form turns into false.
    const ticked = typeof raw === 'boolean' ? raw : CHECKBOX_WORDS.get(raw.trim().toLowerCase());
    if (ticked === undefined) return { error: 'Answer yes or no' };
    if (q.isRequired && !ticked) return { error: `${q.label} must be ticked` };
    return { value: ticked ? 'yes' : 'no' };
  }
  if (typeof raw === 'boolean') return { error: 'Answer with text' };
  const value = raw.trim();
  if (FORBIDDEN_CHARS.test(value.replace(/[\r\n\t]/g, ' ')))
    return { error: 'The answer contains characters that are not allowed' };
  if (!value) return q.isRequired ? { error: `${q.label} is required` } : { value: '' };
  if (q.kind === 'select' && !q.options.includes(value)) return { error: 'Choose one of the options' };
  if (q.kind === 'text' && value.length > 300) return { error: 'Answers must be at most 300 characters' };
  return { value };
}

export async function updateAttendee(
  ctx: Ctx,
  actor: { id: string; email: string; role: UserRole },
  input: UpdateAttendeeInput,
): Promise<UpdateAttendeeResult> {
  const data = parseInput(updateAttendeeSchema, input);
  const mayTouchSensitive = can(actor.role, 'attendees.sensitive');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ ticket: tickets, eventId: orders.eventId })
      .from(tickets)
      .innerJoin(orders, eq(orders.id, tickets.orderId))
      .where(eq(tickets.id, data.ticketId))
      .for('update', { of: tickets });
    if (!row) throw new DomainError('NOT_FOUND', 'This attendee no longer exists.');
    const { ticket } = row;
    const asked: AskedQuestion[] = await tx
      .select({
        ...questionColumns,
        isAccessNeed: questions.isAccessNeed,
        isRequired: ticketTypeQuestions.isRequired,
      })
      .from(ticketTypeQuestions)
      .innerJoin(questions, eq(questions.id, ticketTypeQuestions.questionId))
      .where(eq(ticketTypeQuestions.ticketTypeId, ticket.ticketTypeId));
    const byKey = new Map(asked.map((q) => [q.key, q]));
    const errors: Errors = {};
    const writes: { question: AskedQuestion; value: string }[] = [];
    if (data.pronouns !== undefined && !mayTouchSensitive) push(errors, 'pronouns', 'Your role cannot change pronouns');
    for (const [key, raw] of Object.entries(data.answers)) {
      const q = byKey.get(key);
      const field = `answers.${key}`;
      if (!q) {
        push(errors, field, 'This question is not asked for this ticket type');
        continue;
      }
      if (q.isSensitive && !mayTouchSensitive) {
        push(errors, field, 'Your role cannot change answers to sensitive questions');
        continue;
      }
      const result = answerValue(q, raw);
      if ('error' in result) push(errors, field, result.error);
      else writes.push({ question: q, value: result.value });
    }
    if (Object.keys(errors).length)
      throw new DomainError('VALIDATION', 'Please correct the highlighted fields.', errors);

    // Opened in memory only to compare with what was sent (and to see whether an access need remains).
    const compared = asked.filter((q) => q.isAccessNeed || writes.some((w) => w.question.id === q.id)).map((q) => q.id);
    const existing = compared.length
      ? await tx
          .select({
            questionId: answers.questionId,
            value: answers.value,
            valueCipher: answers.valueCipher,
            keyId: answers.keyId,
          })
          .from(answers)
          .where(and(eq(answers.ticketId, ticket.id), inArray(answers.questionId, compared)))
      : [];
    const current = new Map(existing.map((a) => [a.questionId, openAnswer(ctx.vault, a)]));
    const changedAnswers = writes.filter((w) => (current.get(w.question.id) ?? '') !== w.value);

    const before = { ...ticket, pronouns: openPronouns(ctx.vault, ticket) };
    const fields = {
      legalName: data.legalName,
      badgeName: data.badgeName,
      email: data.email,
      pronouns: data.pronouns ?? before.pronouns,
      directoryOptIn: data.directoryOptIn,
      photoPreference: data.photoPreference,
    } as const;
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => before[k] !== fields[k]);
    if (!changed.length && !changedAnswers.length) return { changed: [] };

    const { pronouns, ...plain } = fields;
    await tx
      .update(tickets)
      .set({ ...plain, ...(changed.includes('pronouns') ? pronounColumns(ctx.vault, pronouns) : {}), updatedAt: now })
      .where(eq(tickets.id, ticket.id));
    for (const w of changedAnswers) {
      if (w.value === '') {
        await tx.delete(answers).where(and(eq(answers.ticketId, ticket.id), eq(answers.questionId, w.question.id)));
      } else {
        const stored = answerColumns(ctx.vault, w.question, w.value);
        await tx
          .insert(answers)
          .values({ ticketId: ticket.id, questionId: w.question.id, ...stored })
          .onConflictDoUpdate({ target: [answers.ticketId, answers.questionId], set: stored });
      }
    }
    const access = asked.filter((q) => q.isAccessNeed);
    if (changedAnswers.some((w) => w.question.isAccessNeed)) {
      const after = access.map((q) => ({
        isAccessNeed: true,
        value: changedAnswers.find((w) => w.question.id === q.id)?.value ?? current.get(q.id) ?? '',
      }));
      await syncAccessRequest(tx, {
        eventId: row.eventId,
        ticketId: ticket.id,
        hasNeed: statesAccessNeed(after),
        changed: true,
        now,
      });
    }
    const words: Record<keyof typeof fields, string> = {
      legalName: 'legal name',
      badgeName: 'badge name',
      email: 'email',
      pronouns: 'pronouns',
      directoryOptIn: 'directory opt-in',
      photoPreference: 'photo preference',
    };
    const parts = changed.map((k) => words[k]);
    if (changedAnswers.length)
      parts.push(changedAnswers.length === 1 ? '1 answer' : `${changedAnswers.length} answers`);
    await recordAudit(tx, {
      actor: staffActor(actor),
      action: 'attendee.update',
      eventId: row.eventId,
      orderId: ticket.orderId,
      targetType: 'ticket',
      targetId: ticket.id,
      summary: `Updated ${parts.join(', ')}`,
      // Field names and question keys only: never a name, an address or an answer.
      details: { fields: changed, questions: changedAnswers.map((w) => w.question.key) },
      at: now,
    });
    return { changed: [...changed, ...changedAnswers.map((w) => `answers.${w.question.key}`)] };
  });
}
