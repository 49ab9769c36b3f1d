// The email provider behind a small interface: Resend in production, a local mailbox (files under .data/) by
// default. One call is one provider request; the caller decides what goes into it and under which idempotency
// key, and keeps the request rate. Provider types never leave lib/adapters/mailer/.

export interface OutgoingAttachment {
  filename: string;
  /** Base64. */
  content: string;
  contentType: string;
  /** Set for inline images the HTML references as cid:<contentId>. */
  contentId?: string;
}

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments?: OutgoingAttachment[];
  headers?: Record<string, string>;
  /** Provider tags (ASCII letters, digits, _ and -): references only, never personal data. */
  tags?: { name: string; value: string }[];
}

export interface SendOptions {
  /** The provider sends each key's request once; a retry with the same key and content gets the same answer. */
  idempotencyKey: string;
}

export interface Mailer {
  readonly name: 'resend' | 'local';
  /**
   * Sends the emails as one request: one email alone (attachments allowed), several as a batch (at most 100,
   * none with attachments). Resolves to the provider's message ids in the same order; throws MailerError.
   */
  sendBatch(emails: OutgoingEmail[], options: SendOptions): Promise<{ ids: string[] }>;
}

export type MailerErrorCode =
  | 'timeout' // no answer in time: the provider may or may not have sent it
  | 'unavailable' // network error or 5xx
  | 'rate_limited' // 429: wait retryAfterMs
  | 'in_progress' // an earlier request with this key is still running at the provider
  | 'unauthorized' // the API key or the sending domain is refused: a configuration matter, retried
  | 'idempotency_mismatch' // this key was already used with other content: the earlier request was sent
  | 'invalid'; // the provider refused the content itself

/** The provider refused or could not be reached. Messages never carry addresses or content. */
export class MailerError extends Error {
  constructor(
    message: string,
    public readonly retryable: boolean,
    public readonly retryAfterMs?: number,
    public readonly code: MailerErrorCode = retryable ? 'unavailable' : 'invalid',
  ) {
    super(message);
    this.name = 'MailerError';
  }
}

/** True for a MailerError, including one made by another copy of this module (Next bundles routes apart). */
export function isMailerError(error: unknown): error is MailerError {
  return (
    error instanceof MailerError ||
    (error instanceof Error &&
      error.name === 'MailerError' &&
      typeof (error as { retryable?: unknown }).retryable === 'boolean')
  );
}

/** A webhook whose signature, timestamp or body does not verify. */
export class InvalidEmailWebhookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEmailWebhookError';
  }
}

/** What the provider tells us about a sent message, in our words. The provider's event id stays the dedup key. */
export interface DeliveryEvent {
  id: string;
  type: 'sent' | 'delivered' | 'delivery_delayed' | 'bounced' | 'complained' | 'failed' | 'ignored';
  providerMessageId: string | null;
  /** Lower-cased recipient addresses (for suppression). */
  recipients: string[];
  /** Our message id when the provider echoes it back (the message_id tag). */
  messageId: string | null;
}
