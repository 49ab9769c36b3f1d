// Custom questions: created and edited with the ticket types that ask them (optional or required); once answered,
// a question keeps its kind and stays sensitive; every change is audited without any answer in the trail.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accessRequests, answers, questions, ticketTypeQuestions } from '@/db/schema';
import { getQuestionForAdmin, listQuestionsForAdmin } from '@/lib/catalogue/staff-queries';
import {
  asksFromForm,
  createQuestion,
  questionFormValues,
  updateQuestion,
  type QuestionFormInput,
} from '@/lib/catalogue/questions';
import { createOrder } from '@/lib/orders/create-order';
import { listOnSale } from '@/lib/catalogue/on-sale';
import { attendee, registration } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';
import { storedText } from '../../support/vault';
import { auditRows, buildSalesFixture, refusal } from './sales-fixture';

const t = useTestDb();
let slugs = 0;
const fixture = () => buildSalesFixture(t.db, { slug: `questions${++slugs}` });

const question = (overrides: Partial<Record<keyof QuestionFormInput, unknown>> = {}): QuestionFormInput => ({
  key: 'access_needs',
  label: 'Access needs',
  help: 'Only the accessibility team sees this.',
  kind: 'textarea',
  options: '',
  isSensitive: 'on',
  sortOrder: '5',
  asks: {},
  ...overrides,
});

describe('questions', () => {
  it('creates a question asked by some ticket types, required by one, and the registration form asks it', async () => {
    const fx = await fixture();
    const form = new FormData();
    form.set(`ask.${fx.fullPass.id}`, 'required');
    form.set(`ask.${fx.virtual.id}`, 'optional');
    form.set(`ask.${fx.scholarship.id}`, 'no');
    form.set('key', 'ignored');
    const q = await createQuestion(fx.sales, fx.event.id, question({ asks: asksFromForm(form) }));
    expect(q).toMatchObject({ key: 'access_needs', kind: 'textarea', isSensitive: true, sortOrder: 5, options: [] });
    const links = await t.db.select().from(ticketTypeQuestions).where(eq(ticketTypeQuestions.questionId, q.id));
    expect(links.map((l) => [l.ticketTypeId, l.isRequired]).sort()).toEqual(
      [
        [fx.fullPass.id, true],
        [fx.virtual.id, false],
      ].sort(),
    );

    const onSale = await listOnSale(fx.ctx, fx.event);
    const virtual = onSale.ticketTypes.find((x) => x.id === fx.virtual.id)!;
    expect(virtual.questions.map((x) => [x.key, x.isRequired])).toEqual([['access_needs', false]]);
    const refused = await refusal(
      createOrder(fx.ctx, fx.event.id, registration([attendee(fx.fullPass.id)]), { clientKey: null }),
    );
    expect(JSON.stringify(refused.fieldErrors)).toContain('access_needs');

    const [audit] = await auditRows(t.db, fx.event.id, 'question.create');
    expect(audit!.summary).toBe('Created the question access_needs (sensitive), asked for full (required) and virtual');
  });

  it('keeps the options of a choice, one per line, and refuses a choice without two different options', async () => {
    const fx = await fixture();
    const q = await createQuestion(
      fx.sales,
      fx.event.id,
      question({
        key: 'session_format',
        label: 'Preferred format',
        kind: 'select',
        isSensitive: '',
        options: 'In person\r\n\n Online \n',
      }),
    );
    expect(q.options).toEqual(['In person', 'Online']);
    expect(questionFormValues(q).options).toBe('In person\nOnline');
    expect(
      (await refusal(createQuestion(fx.sales, fx.event.id, question({ key: 'one', kind: 'select', options: 'Only' }))))
        .fieldErrors.options,
    ).toEqual(['A choice needs at least two options, one per line']);
    expect(
      (
        await refusal(
          createQuestion(fx.sales, fx.event.id, question({ key: 'dup', kind: 'select', options: 'Yes\nyes' })),
        )
      ).fieldErrors.options,
    ).toEqual(['Each option must be different']);
    // Options of other kinds are not kept.
    expect(
      (await createQuestion(fx.sales, fx.event.id, question({ key: 'consent', kind: 'checkbox', options: 'a\nb' })))
        .options,
    ).toEqual([]);
  });

  it('refuses bad keys, a key already used, unknown kinds and ticket types of other events', async () => {
    const fx = await fixture();
    const bad = await refusal(
      createQuestion(fx.sales, fx.event.id, question({ key: 'Access Needs', label: '', kind: 'essay' })),
    );
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['key', 'kind', 'label']);
    expect(await refusal(createQuestion(fx.sales, fx.event.id, question({ key: 'dietary' })))).toMatchObject({
      code: 'CONFLICT',
      fieldErrors: { key: ['Another question already uses this key'] },
    });
    const other = await buildSalesFixture(t.db, { slug: `questions${++slugs}` });
    expect(
      (await refusal(createQuestion(fx.sales, fx.event.id, question({ asks: { [other.fullPass.id]: 'required' } }))))
        .fieldErrors.asks,
    ).toEqual(['Unknown ticket type']);
    expect(
      (await refusal(createQuestion(fx.sales, fx.event.id, question({ asks: { [fx.fullPass.id]: 'always' } })))).code,
    ).toBe('VALIDATION');
    expect(
      await t.db
        .select()
        .from(questions)
        .where(and(eq(questions.eventId, fx.event.id), eq(questions.key, 'access_needs'))),
    ).toEqual([]);
    expect(await auditRows(t.db, fx.event.id)).toHaveLength(0);
  });

  it('edits a question and who asks it; once answered, its kind stays and it stays sensitive', async () => {
    const fx = await fixture();
    // The fixture's dietary question is sensitive and asked (optionally) by the full pass.
    const dietary = (await listQuestionsForAdmin(fx.ctx, fx.event.id)).find((q) => q.key === 'dietary')!;
    const values = {
      ...questionFormValues(dietary),
      asks: { [fx.fullPass.id]: 'required', [fx.virtual.id]: 'optional' },
    };
    await updateQuestion(fx.sales, fx.event.id, dietary.id, {
      ...values,
      kind: 'textarea',
      label: 'Dietary requirements',
    });
    const edited = (await getQuestionForAdmin(fx.ctx, fx.event.id, dietary.id))!;
    expect(edited).toMatchObject({ kind: 'textarea', label: 'Dietary requirements', answerCount: 0 });
    expect(edited.asks.sort((a, b) => a.ticketTypeId.localeCompare(b.ticketTypeId))).toEqual(
      [
        { ticketTypeId: fx.fullPass.id, isRequired: true },
        { ticketTypeId: fx.virtual.id, isRequired: false },
      ].sort((a, b) => a.ticketTypeId.localeCompare(b.ticketTypeId)),
    );

    await createOrder(
      fx.ctx,
      fx.event.id,
      registration([attendee(fx.fullPass.id, { answers: { profession: 'Clinician', dietary: 'Coeliac, no gluten' } })]),
      { clientKey: null },
    );
    expect((await getQuestionForAdmin(fx.ctx, fx.event.id, dietary.id))!.answerCount).toBe(1);
    const now = { ...values, kind: 'textarea', label: 'Dietary requirements' };
    expect(
      (await refusal(updateQuestion(fx.sales, fx.event.id, dietary.id, { ...now, kind: 'text' }))).fieldErrors.kind,
    ).toBeDefined();
    expect(
      (await refusal(updateQuestion(fx.sales, fx.event.id, dietary.id, { ...now, isSensitive: '' }))).fieldErrors
        .isSensitive,
    ).toEqual(['People have already answered this question in confidence, so it must stay sensitive.']);
    const [row] = await t.db.select().from(questions).where(eq(questions.id, dietary.id));
    expect(row).toMatchObject({ kind: 'textarea', isSensitive: true });
    // Still editable in every other way, including no longer being asked.
    await updateQuestion(fx.sales, fx.event.id, dietary.id, {
      ...now,
      help: 'For the caterers.',
      asks: { [fx.fullPass.id]: 'no', [fx.virtual.id]: 'no' },
    });
    expect((await getQuestionForAdmin(fx.ctx, fx.event.id, dietary.id))!.asks).toEqual([]);

    const audits = await auditRows(t.db, fx.event.id, 'question.update');
    expect(audits.map((a) => a.summary)).toEqual([
      'Changed the question dietary: label and kind; asked for full (required) and virtual',
      'Changed the question dietary: help; asked for no ticket type',
    ]);
    expect(JSON.stringify(audits)).not.toContain('Coeliac');
  });
});

describe('making a question sensitive or an access need later', () => {
  it('seals its existing answers at once, and opens access requests for those that state a need', async () => {
    const fx = await fixture();
    const free = await createQuestion(
      fx.sales,
      fx.event.id,
      question({ key: 'seating', label: 'Seating', isSensitive: '', asks: { [fx.fullPass.id]: 'optional' } }),
    );
    expect(free.isSensitive).toBe(false);
    await createOrder(
      fx.ctx,
      fx.event.id,
      registration([
        attendee(fx.fullPass.id, { answers: { profession: 'Clinician', seating: 'Near the exit, please' } }),
        attendee(fx.fullPass.id, { answers: { profession: 'Clinician' } }),
      ]),
      { clientKey: null },
    );
    const stored = () => t.db.select().from(answers).where(eq(answers.questionId, free.id));
    expect((await stored())[0]).toMatchObject({ value: 'Near the exit, please', valueCipher: null });

    await updateQuestion(fx.sales, fx.event.id, free.id, {
      ...questionFormValues(free),
      isAccessNeed: 'on',
      asks: { [fx.fullPass.id]: 'optional' },
    });
    const [row] = await stored();
    expect(row).toMatchObject({ value: null, keyId: 'test-key-1' });
    expect(storedText(row!)).toBe('Near the exit, please');
    const [q] = await t.db.select().from(questions).where(eq(questions.id, free.id));
    expect(q).toMatchObject({ isSensitive: true, isAccessNeed: true });
    const requests = await t.db.select().from(accessRequests).where(eq(accessRequests.eventId, fx.event.id));
    expect(requests.map((r) => r.ticketId)).toEqual([row!.ticketId]);
    const [entry] = await auditRows(t.db, fx.event.id, 'question.update');
    expect(entry!.details).toMatchObject({ answersSealed: 1, accessRequestsOpened: 1 });
    expect(JSON.stringify(entry)).not.toContain('exit');
  });
});
