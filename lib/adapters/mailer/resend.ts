// Resend through its SDK, created on first use (`new Resend()` throws without a key, and a build never has one).
// One email goes to POST /emails (attachments allowed), several to POST /emails/batch (no attachments there),
// always with the caller's idempotency key. Every request is cut off after `timeoutMs`; the SDK's error object is
// mapped to MailerError: 429, 5xx, timeouts and network errors are retryable, refused content is not.
import { Resend, type CreateBatchOptions, type CreateEmailOptions } from 'resend';
import { MailerError, type Mailer, type OutgoingEmail } from './types';

export interface ResendMailerOptions {
  apiKey: string;
  /** A Resend-compatible server (tests); the SDK's default otherwise. */
  baseUrl?: string;
  timeoutMs: number;
}

type SdkAnswer<T> = {
  data: T | null;
  error: { message: string; statusCode: number | null; name: string } | null;
  headers: Record<string, string> | null;
};

export const RESEND_BATCH_MAX = 100;

export function createResendMailer(options: ResendMailerOptions): Mailer {
  let client: Resend | null = null;
  const resend = () =>
    (client ??= new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined));

  async function withTimeout<T>(call: (signal: AbortSignal) => Promise<SdkAnswer<T>>): Promise<SdkAnswer<T>> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new MailerError(`no answer from Resend within ${options.timeoutMs} ms`, true, undefined, 'timeout'));
      }, options.timeoutMs);
    });
    try {
      // The race also covers a body that never finishes after the headers came.
      const answer = await Promise.race([call(controller.signal), timeout]);
      if (controller.signal.aborted)
        throw new MailerError(`no answer from Resend within ${options.timeoutMs} ms`, true, undefined, 'timeout');
      return answer;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    name: 'resend',
    async sendBatch(emails, { idempotencyKey }) {
      if (emails.length === 0) return { ids: [] };
      if (emails.length > RESEND_BATCH_MAX)
        throw new MailerError(`a batch holds at most ${RESEND_BATCH_MAX} emails`, false);
      if (emails.length === 1) {
        const answer = await withTimeout((signal) =>
          resend().emails.send(toResendEmail(emails[0]!), { idempotencyKey, signal }),
        );
        const id = throwOnError(answer)?.id;
        if (!id) throw new MailerError('Resend answered without an email id', true);
        return { ids: [id] };
      }
      // Resend's batch endpoint drops attachments silently: such emails must go one by one.
      if (emails.some((e) => e.attachments?.length))
        throw new MailerError('emails with attachments cannot be sent as a batch', false);
      const batch: CreateBatchOptions = emails.map((e) => toResendEmail(e));
      const answer = await withTimeout((signal) => resend().batch.send(batch, { idempotencyKey, signal }));
      const ids = (throwOnError(answer)?.data ?? []).map((d) => d.id);
      if (ids.length !== emails.length)
        throw new MailerError(`Resend answered ${ids.length} ids for ${emails.length} emails`, true);
      return { ids };
    },
  };
}

function toResendEmail(email: OutgoingEmail): CreateEmailOptions {
  return {
    from: email.from,
    to: email.to,
    subject: email.subject,
    html: email.html,
    text: email.text,
    ...(email.headers ? { headers: email.headers } : {}),
    ...(email.tags?.length ? { tags: email.tags } : {}),
    ...(email.attachments?.length
      ? {
          attachments: email.attachments.map((a) => ({
            filename: a.filename,
            content: a.content,
            contentType: a.contentType,
            ...(a.contentId ? { contentId: a.contentId } : {}),
          })),
        }
      : {}),
  };
}

function throwOnError<T>(answer: SdkAnswer<T>): T | null {
  if (!answer.error) return answer.data;
  throw toMailerError(answer.error, answer.headers ?? {});
}

/** Resend's error object (status and a fixed error name; the message can quote content, so it is not kept). */
export function toMailerError(
  error: { statusCode: number | null; name: string },
  headers: Record<string, string>,
): MailerError {
  const status = error.statusCode;
  const label = `Resend ${status ?? 'network error'}${error.name ? ` ${error.name}` : ''}`;
  if (status === null) return new MailerError(label, true, undefined, 'unavailable');
  if (status === 429) {
    // daily_quota_exceeded / monthly_quota_exceeded are 429s too: without a retry-after, wait an hour for them.
    const quota = /quota/.test(error.name);
    return new MailerError(
      label,
      true,
      parseRetryAfter(headers['retry-after']) ?? (quota ? 3_600_000 : 1000),
      'rate_limited',
    );
  }
  if (status === 409 && error.name === 'concurrent_idempotent_requests')
    return new MailerError(label, true, 1000, 'in_progress');
  if (status === 409 && error.name === 'invalid_idempotent_request')
    return new MailerError(label, false, undefined, 'idempotency_mismatch');
  if (status === 401 || status === 403) return new MailerError(label, true, 60_000, 'unauthorized');
  if (status === 408 || status >= 500)
    return new MailerError(label, true, parseRetryAfter(headers['retry-after']), 'unavailable');
  return new MailerError(label, false, undefined, 'invalid');
}

/** Retry-After as seconds or an HTTP date, in milliseconds; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
