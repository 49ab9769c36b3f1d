// Custom registration questions and which ticket types ask them (optional or required). Once people have
// answered, a question keeps its kind (old answers must still read right) and cannot stop being sensitive
// (that would show answers given in confidence to more staff). Any kind may be marked sensitive; a question
// that becomes sensitive has its existing answers sealed in the same transaction. An access-needs question is
// always sensitive, and becoming one opens access requests for the answers it already has.
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '@/db/client';
import { answers, questions, ticketTypeQuestions, ticketTypes, type Question } from '@/db/schema';
import { openRequestsForQuestion } from '../access/requests';
import { recordAudit } from '../audit/record';
import { sealAnswersOf } from '../privacy/rotate';
import { isUuid, parseInput } from '../validation';
import { fieldError, type FormInput, listWords, loadEvent, notFound, unique, type SalesCtx } from './common';
import { checkbox, intField, optionalText, requiredText } from './fields';

export const questionFields = [
  'key',
  'label',
  'help',
  'kind',
  'options',
  'isSensitive',
  'isAccessNeed',
  'sortOrder',
] as const;
export type AskMode = 'no' | 'optional' | 'required';

export const questionFormSchema = z
  .object({
    key: requiredText('Key', 60).pipe(
      z
        .string()
        .regex(
          /^[a-z][a-z0-9_]*$/,
          'Start with a lowercase letter; then lowercase letters, digits and underscores, such as dietary_needs',
        ),
    ),
    label: requiredText('Question', 200),
    help: optionalText('Help text', 500),
    kind: z.enum(['text', 'textarea', 'select', 'checkbox'], { message: 'Choose a kind of answer' }),
    // One option per line in the form.
    options: z
      .union([z.array(z.string()), z.string()])
      .default('')
      .transform((v) => (Array.isArray(v) ? v : v.split(/\r?\n/)).map((o) => o.trim()).filter(Boolean)),
    isSensitive: checkbox,
    isAccessNeed: checkbox,
    sortOrder: intField('Sort order', { min: -10_000, max: 10_000 }),
    asks: z
      .record(z.string(), z.enum(['no', 'optional', 'required'], { message: 'Choose not asked, optional or required' }))
      .default({}),
  })
  .transform((q) => ({ ...q, isSensitive: q.isSensitive || q.isAccessNeed }))
  .superRefine((q, issue) => {
    if (q.kind !== 'select') return;
    if (q.options.length < 2)
      issue.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'A choice needs at least two options, one per line',
      });
    if (q.options.length > 50)
      issue.addIssue({ code: 'custom', path: ['options'], message: 'Give at most 50 options' });
    if (q.options.some((o) => o.length > 120))
      issue.addIssue({ code: 'custom', path: ['options'], message: 'Each option must be at most 120 characters' });
    if (new Set(q.options.map((o) => o.toLowerCase())).size !== q.options.length)
      issue.addIssue({ code: 'custom', path: ['options'], message: 'Each option must be different' });
  });
export type QuestionFormInput = FormInput<(typeof questionFields)[number] | 'asks'>;

const KEY_TAKEN = 'Another question already uses this key';

/** The `ask.<ticket type id>` fields of the question form. */
export function asksFromForm(form: { entries(): Iterable<[string, unknown]> }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (name.startsWith('ask.') && typeof value === 'string') out[name.slice(4)] = value;
  }
  return out;
}

async function saveAsks(tx: Tx, eventId: string, questionId: string, asks: Record<string, AskMode>): Promise<string[]> {
  const ids = Object.keys(asks);
  if (ids.some((id) => !isUuid(id))) throw fieldError('asks', 'Unknown ticket type');
  const types = ids.length
    ? await tx
        .select({ id: ticketTypes.id, code: ticketTypes.code })
        .from(ticketTypes)
        .where(and(eq(ticketTypes.eventId, eventId), inArray(ticketTypes.id, ids)))
    : [];
  if (types.length !== ids.length) throw fieldError('asks', 'Unknown ticket type');
  await tx
    .delete(ticketTypeQuestions)
    .where(
      and(
        eq(ticketTypeQuestions.questionId, questionId),
        inArray(ticketTypeQuestions.ticketTypeId, ids.length ? ids : [questionId]),
      ),
    );
  const asked = types.filter((t) => asks[t.id] !== 'no');
  if (asked.length) {
    await tx
      .insert(ticketTypeQuestions)
      .values(asked.map((t) => ({ questionId, ticketTypeId: t.id, isRequired: asks[t.id] === 'required' })));
  }
  return asked.map((t) => `${t.code}${asks[t.id] === 'required' ? ' (required)' : ''}`);
}

export async function createQuestion(ctx: SalesCtx, eventId: string, input: QuestionFormInput): Promise<Question> {
  const { asks, ...data } = parseInput(questionFormSchema, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await loadEvent(tx, eventId);
    const row = { ...data, options: data.kind === 'select' ? data.options : [] };
    const [question] = await unique(
      () =>
        tx
          .insert(questions)
          .values({ ...row, eventId })
          .returning(),
      'key',
      KEY_TAKEN,
    );
    const askedBy = await saveAsks(tx, eventId, question!.id, asks);
    await recordAudit(tx, {
      actor: ctx.actor,
      action: 'question.create',
      eventId,
      targetType: 'question',
      targetId: question!.id,
      at: now,
      summary: `Created the question ${row.key}${row.isSensitive ? ' (sensitive)' : ''}${askedBy.length ? `, asked for ${listWords(askedBy)}` : ''}`,
      details: { key: row.key, kind: row.kind, isSensitive: row.isSensitive, askedBy },
    });
    return question!;
  });
}

export async function updateQuestion(
  ctx: SalesCtx,
  eventId: string,
  questionId: string,
  input: QuestionFormInput,
): Promise<Question> {
  const { asks, ...data } = parseInput(questionFormSchema, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    if (!isUuid(questionId)) throw notFound('This question');
    const [before] = await tx
      .select()
      .from(questions)
      .where(and(eq(questions.id, questionId), eq(questions.eventId, eventId)))
      .for('no key update');
    if (!before) throw notFound('This question');
    const row = { ...data, options: data.kind === 'select' ? data.options : [] };
    if (row.kind !== before.kind || (before.isSensitive && !row.isSensitive)) {
      const [answered] = await tx
        .select({ id: answers.ticketId })
        .from(answers)
        .where(eq(answers.questionId, questionId))
        .limit(1);
      if (answered && row.kind !== before.kind) {
        throw fieldError(
          'kind',
          'People have already answered this question, so its kind cannot change. Create a new question instead.',
        );
      }
      if (answered) {
        throw fieldError(
          'isSensitive',
          'People have already answered this question in confidence, so it must stay sensitive.',
        );
      }
    }
    const [question] = await unique(
      () => tx.update(questions).set(row).where(eq(questions.id, questionId)).returning(),
      'key',
      KEY_TAKEN,
    );
    const askedBy = await saveAsks(tx, eventId, questionId, asks);
    const sealed = row.isSensitive && !before.isSensitive ? await sealAnswersOf(tx, ctx.vault, questionId) : 0;
    const opened =
      row.isAccessNeed && !before.isAccessNeed
        ? await openRequestsForQuestion(tx, ctx.vault, { eventId, questionId, now })
        : 0;
    const changed = (Object.keys(row) as (keyof typeof row)[]).filter(
      (k) => JSON.stringify(row[k]) !== JSON.stringify(before[k]),
    );
    await recordAudit(tx, {
      actor: ctx.actor,
      action: 'question.update',
      eventId,
      targetType: 'question',
      targetId: questionId,
      at: now,
      summary: `Changed the question ${row.key}${changed.length ? `: ${listWords(changed)}` : ''}; asked for ${askedBy.length ? listWords(askedBy) : 'no ticket type'}`,
      details: {
        changed,
        askedBy,
        ...(sealed ? { answersSealed: sealed } : {}),
        ...(opened ? { accessRequestsOpened: opened } : {}),
      },
    });
    return question!;
  });
}

export function questionFormValues(q: Question): Record<(typeof questionFields)[number], string> {
  return {
    key: q.key,
    label: q.label,
    help: q.help,
    kind: q.kind,
    options: q.options.join('\n'),
    isSensitive: q.isSensitive ? 'on' : '',
    isAccessNeed: q.isAccessNeed ? 'on' : '',
    sortOrder: String(q.sortOrder),
  };
}
