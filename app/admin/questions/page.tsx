// Custom registration questions: what each asks, whether its answers are sensitive, which ticket types ask it,
// how many answers it has, and a form to add one.
import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/app/_lib/authz';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { getRequestContext } from '@/app/_lib/request-context';
import { AdminForm } from '@/app/admin/_components/admin-form';
import { listQuestionsForAdmin, listTicketTypesForAdmin } from '@/lib/catalogue/staff-queries';
import { QuestionFields } from './_components/question-fields';
import { createQuestionAction } from './actions';
import { DataTable } from '@/app/admin/_components/data-table';

export const metadata: Metadata = { title: 'Questions' };
export const dynamic = 'force-dynamic';

const KIND_LABELS: Record<string, string> = {
  text: 'Short text',
  textarea: 'Long text',
  select: 'Choice',
  checkbox: 'Yes/no',
};

export default async function QuestionsPage() {
  await requirePermission('sales.manage', '/admin/questions');
  const event = await getCurrentEvent();
  const ctx = await getRequestContext();
  const [questions, { types }] = await Promise.all([
    listQuestionsForAdmin(ctx, event.id),
    listTicketTypesForAdmin(ctx, event),
  ]);
  const label = new Map(types.map((t) => [t.id, t.internalLabel]));
  return (
    <div className="flex flex-col gap-10">
      <header>
        <h1 className="mb-2 text-3xl font-bold">Questions</h1>
        <p className="text-muted">What the registration form asks each attendee, by ticket type.</p>
      </header>
      <section aria-labelledby="list-heading">
        <h2 id="list-heading" className="mb-3 text-2xl font-semibold">
          All questions
        </h2>
        {questions.length === 0 ? (
          <p className="card p-4">No questions yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <DataTable
              caption="Questions in the order they are asked"
              rows={questions}
              rowKey={(q) => q.id}
              columns={[
                {
                  header: 'Question',
                  rowHeader: true,
                  cell: (q) => (
                    <>
                      <Link href={`/admin/questions/${q.id}`} className="font-semibold">
                        {q.label}
                      </Link>
                      <span className="block font-mono text-sm text-muted">{q.key}</span>
                      {q.isSensitive ? <span className="badge badge-note mt-1">Sensitive</span> : null}
                      {q.isAccessNeed ? <span className="badge badge-note mt-1 ml-1">Access needs</span> : null}
                    </>
                  ),
                },
                {
                  header: 'Kind',
                  cell: (q) => (
                    <>
                      {KIND_LABELS[q.kind]}
                      {q.kind === 'select' ? ` (${q.options.length} options)` : ''}
                    </>
                  ),
                },
                {
                  header: 'Asked for',
                  cell: (q) =>
                    q.asks.length ? (
                      q.asks
                        .map((a) => `${label.get(a.ticketTypeId) ?? 'Unknown'}${a.isRequired ? ' (required)' : ''}`)
                        .join(', ')
                    ) : (
                      <span className="text-muted">No ticket type</span>
                    ),
                },
                { header: 'Answers', numeric: true, cell: (q) => q.answerCount },
              ]}
            />
          </div>
        )}
      </section>
      <section aria-labelledby="add-heading" className="max-w-3xl">
        <h2 id="add-heading" className="mb-3 text-2xl font-semibold">
          Add a question
        </h2>
        <AdminForm action={createQuestionAction} submitLabel="Add question" keepValues>
          <QuestionFields values={{}} types={types} asks={new Map()} answered={0} />
        </AdminForm>
      </section>
    </div>
  );
}
