// From outbox rows to provider emails: drops addresses on the suppression list (they bounced or complained),
// composes each message at send time (null: nothing to say any more) and adds the references the provider
// echoes back in its webhooks. Failures are told apart: a passing database hiccup retries the whole batch, a
// message that cannot be composed fails alone.
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { isTransientDbError, pgErrorCode } from '@/db/errors';
import { emailSuppressions, type EmailMessage } from '@/db/schema';
import type { OutgoingAttachment, OutgoingEmail } from '../adapters/mailer/types';
import type { AppContext } from '../context';

export interface ComposedEmail {
  subject: string;
  html: string;
  text: string;
  attachments?: OutgoingAttachment[];
}

export type ComposeCtx = Pick<AppContext, 'db' | 'clock' | 'config'>;
/**
 * The batch a message is composed in: its messages, and a memo that composing shares (so the batch's orders are
 * read once for all of them rather than once per email).
 */
export interface ComposeBatch {
  messages: EmailMessage[];
  memo: Map<string, Promise<unknown>>;
}
export type ComposeFn = (ctx: ComposeCtx, message: EmailMessage, batch?: ComposeBatch) => Promise<ComposedEmail | null>;

export type Prepared =
  | { message: EmailMessage; kind: 'email'; email: OutgoingEmail; subject: string }
  | { message: EmailMessage; kind: 'skipped' }
  | { message: EmailMessage; kind: 'failed'; reason: string };

/** The error's class and code only: messages can quote addresses or content. */
export function describeError(error: unknown): string {
  const code = pgErrorCode(error);
  return `${error instanceof Error ? error.name : 'unknown error'}${code ? ` ${code}` : ''}`;
}

export async function suppressedAddresses(db: DbOrTx, addresses: string[]): Promise<Set<string>> {
  if (addresses.length === 0) return new Set();
  const rows = await db
    .select({ email: emailSuppressions.email })
    .from(emailSuppressions)
    .where(inArray(emailSuppressions.email, addresses));
  return new Set(rows.map((r) => r.email));
}

const tagValue = (value: string) => value.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 256);

export function toOutgoing(
  ctx: Pick<ComposeCtx, 'config'>,
  message: EmailMessage,
  composed: ComposedEmail,
): OutgoingEmail {
  return {
    from: ctx.config.EMAIL_FROM,
    to: message.toEmail,
    subject: composed.subject,
    html: composed.html,
    text: composed.text,
    ...(composed.attachments?.length ? { attachments: composed.attachments } : {}),
    // Our id: mail clients do not thread separate messages together, and the fake provider counts by it.
    headers: { 'X-Entity-Ref-ID': message.id },
    tags: [
      { name: 'kind', value: tagValue(message.kind) },
      { name: 'message_id', value: message.id },
    ],
  };
}

/**
 * Composing is shared by every batch this process sends at once, oldest batch first: a batch formed earlier gets
 * the free slots before a later one, so the batch next in line for the provider's rate gate is ready first
 * rather than every batch finishing together at the end.
 */
export class ComposeSlots {
  private free: number;
  private waiting: { priority: number; seq: number; wake: () => void }[] = [];
  private seq = 0;

  constructor(size: number) {
    this.free = size;
  }

  async acquire(priority: number): Promise<void> {
    if (this.free > 0 && this.waiting.length === 0) {
      this.free--;
      return;
    }
    await new Promise<void>((wake) => {
      this.waiting.push({ priority, seq: this.seq++, wake });
      this.waiting.sort((a, b) => a.priority - b.priority || a.seq - b.seq);
    });
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next.wake();
    else this.free++;
  }
}

/**
 * How many emails this process composes at once, across every batch. A batch runs more lanes than that, so one
 * of its own lanes is always waiting when a slot frees up and the oldest batch keeps every slot until it is done.
 */
export const COMPOSE_LANES = 8;
const sharedSlots = new ComposeSlots(COMPOSE_LANES);

/**
 * Composes every message, a few at a time, in order, handing each result to `onPrepared` as soon as it is ready.
 * `priority` orders this batch among the others composing in this process (lower first).
 * Throws only for transient failures (retry the batch).
 */
export async function prepareAll(
  ctx: ComposeCtx,
  compose: ComposeFn,
  messages: EmailMessage[],
  parallel = 4,
  onPrepared?: (prepared: Prepared) => Promise<void>,
  priority = 0,
  slots: ComposeSlots = sharedSlots,
): Promise<Prepared[]> {
  const results: Prepared[] = new Array(messages.length);
  const batch: ComposeBatch = { messages, memo: new Map() };
  let next = 0;
  async function lane(): Promise<void> {
    while (next < messages.length) {
      const i = next++;
      const message = messages[i]!;
      await slots.acquire(priority);
      try {
        const composed = await compose(ctx, message, batch);
        results[i] = composed
          ? { message, kind: 'email', email: toOutgoing(ctx, message, composed), subject: composed.subject }
          : { message, kind: 'skipped' };
      } catch (error) {
        if (isTransientDbError(error)) throw error;
        results[i] = { message, kind: 'failed', reason: `could not be composed (${describeError(error)})` };
      } finally {
        slots.release();
      }
      await onPrepared?.(results[i]!);
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, messages.length) }, lane));
  return results;
}
