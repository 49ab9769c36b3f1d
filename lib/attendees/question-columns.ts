// The columns that describe a question as the attendee views and edit forms show it, for a select to spread and
// add its own (sort order, whether it is required, the answer's value).
import { questions } from '@/db/schema';

export const questionColumns = {
  id: questions.id,
  key: questions.key,
  label: questions.label,
  kind: questions.kind,
  options: questions.options,
  isSensitive: questions.isSensitive,
};
