// One custom question: edit it and choose the ticket types that ask it.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/app/_lib/authz';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { getRequestContext } from '@/app/_lib/request-context';
import { AdminForm } from '@/app/admin/_components/admin-form';
import { Notice } from '@/app/admin/_components/notice';
import { getQuestionForAdmin, listTicketTypesForAdmin } from '@/lib/catalogue/staff-queries';
import { questionFormValues } from '@/lib/catalogue/questions';
import { QuestionFields } from '../_components/question-fields';
import { updateQuestionAction } from '../actions';

export const metadata: Metadata = { title: 'Question' };
export const dynamic = 'force-dynamic';

export default async function QuestionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  await requirePermission('sales.manage', `/admin/questions/${id}`);
  const { notice } = await searchParams;
  const event = await getCurrentEvent();
  const ctx = await getRequestContext();
  const question = await getQuestionForAdmin(ctx, event.id, id);
  if (!question) notFound();
  const { types } = await listTicketTypesForAdmin(ctx, event);
  const asks = new Map(
    question.asks.map((a) => [a.ticketTypeId, a.isRequired ? ('required' as const) : ('optional' as const)]),
  );
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <header>
        <p className="mb-1">
          <Link href="/admin/questions">All questions</Link>
        </p>
        <h1 className="text-3xl font-bold">{question.label}</h1>
        <p className="mt-1 text-muted">
          Key <span className="font-mono">{question.key}</span> · {question.answerCount}{' '}
          {question.answerCount === 1 ? 'answer' : 'answers'}
          {question.isSensitive ? ' · sensitive' : ''}
        </p>
        <Notice text={notice === 'created' ? 'Question created.' : null} />
      </header>
      <AdminForm action={updateQuestionAction} submitLabel="Save question" keepValues>
        <input type="hidden" name="id" value={question.id} />
        <QuestionFields
          values={questionFormValues(question)}
          types={types}
          asks={asks}
          answered={question.answerCount}
        />
      </AdminForm>
    </div>
  );
}
