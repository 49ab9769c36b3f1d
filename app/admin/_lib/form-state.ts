// The state admin forms and their server actions pass back and forth: plain data only.
export interface AdminFormState {
  /** Bumped by every answer, so forms can reset or announce the result. */
  seq: number;
  ok?: boolean;
  message?: string;
  error?: string;
  code?: string;
  fieldErrors: Record<string, string[]>;
  /** Structured data for forms that show more than a message (a check-in result); plain JSON only. */
  data?: Record<string, unknown>;
}

export const initialAdminState: AdminFormState = { seq: 0, fieldErrors: {} };

/** Reads a text field from a form: trimmed string, '' when absent. */
export function text(formData: FormData, name: string): string {
  const v = formData.get(name);
  return typeof v === 'string' ? v.trim() : '';
}
