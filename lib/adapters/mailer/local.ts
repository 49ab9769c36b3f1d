// The local mailbox: every message becomes a folder under MAILBOX_DIR (message.json, body.html, attachments/),
// named by time so the newest sort last, and organizers read them at /admin/mailbox in development. An
// idempotency key answers with the ids it got the first time, like the provider. Nothing leaves the machine.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Mailer, OutgoingEmail } from './types';

export interface MailboxSummary {
  id: string;
  to: string;
  subject: string;
  /** The message kind from its tags, when it carried one. */
  kind: string | null;
  createdAt: string;
}

export interface MailboxAttachment {
  filename: string;
  contentType: string;
  contentId: string | null;
  size: number;
  file: string;
}

export interface MailboxMessage extends MailboxSummary {
  from: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  attachments: MailboxAttachment[];
}

const ID_PATTERN = /^\d{8}T\d{9}Z-[0-9a-f]{8}$/;

function folderName(at: Date): string {
  return `${at.toISOString().replace(/[-:.]/g, '')}-${randomBytes(4).toString('hex')}`;
}

async function writeAtomically(file: string, content: string | Buffer): Promise<void> {
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, content);
  await rename(tmp, file);
}

export function createLocalMailer(options: { dir: string; now?: () => Date }): Mailer {
  const dir = path.resolve(options.dir);
  const now = options.now ?? (() => new Date());
  const keyFile = (key: string) => path.join(dir, '.keys', `${createHash('sha256').update(key).digest('hex')}.json`);

  async function store(email: OutgoingEmail, idempotencyKey: string): Promise<string> {
    const id = folderName(now());
    const folder = path.join(dir, id);
    await mkdir(path.join(folder, 'attachments'), { recursive: true });
    const attachments: MailboxAttachment[] = [];
    for (const [i, a] of (email.attachments ?? []).entries()) {
      const content = Buffer.from(a.content, 'base64');
      const file = `${i + 1}-${a.filename.replace(/[^A-Za-z0-9._-]/g, '_')}`;
      await writeFile(path.join(folder, 'attachments', file), content);
      attachments.push({
        filename: a.filename,
        contentType: a.contentType,
        contentId: a.contentId ?? null,
        size: content.length,
        file,
      });
    }
    await writeFile(path.join(folder, 'body.html'), email.html);
    const message = {
      id,
      createdAt: now().toISOString(),
      from: email.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      kind: email.tags?.find((t) => t.name === 'kind')?.value ?? null,
      headers: email.headers ?? {},
      attachments,
      idempotencyKey,
    };
    await writeAtomically(path.join(folder, 'message.json'), JSON.stringify(message, null, 2));
    return id;
  }

  return {
    name: 'local',
    async sendBatch(emails, { idempotencyKey }) {
      const seen = await readFile(keyFile(idempotencyKey), 'utf8').then(
        (s) => JSON.parse(s) as { ids: string[] },
        () => null,
      );
      if (seen) return { ids: seen.ids };
      const ids: string[] = [];
      for (const email of emails) ids.push(await store(email, idempotencyKey));
      await mkdir(path.dirname(keyFile(idempotencyKey)), { recursive: true });
      await writeAtomically(keyFile(idempotencyKey), JSON.stringify({ ids }));
      return { ids };
    },
  };
}

/** The newest messages first, at most `limit`. An absent mailbox is an empty one. */
export async function listMailbox(dir: string, limit = 200): Promise<MailboxSummary[]> {
  const names = await readdir(path.resolve(dir)).catch(() => [] as string[]);
  const ids = names
    .filter((n) => ID_PATTERN.test(n))
    .sort()
    .reverse()
    .slice(0, limit);
  const rows = await Promise.all(
    ids.map(async (id) => {
      const m = await readJson(dir, id);
      return m ? { id, to: m.to, subject: m.subject, kind: m.kind, createdAt: m.createdAt } : null;
    }),
  );
  return rows.filter((r): r is MailboxSummary => r !== null);
}

/** One message with its HTML and attachments; null for an unknown or malformed id (never a path outside dir). */
export async function readMailboxMessage(dir: string, id: string): Promise<MailboxMessage | null> {
  if (!ID_PATTERN.test(id)) return null;
  const m = await readJson(dir, id);
  if (!m) return null;
  const html = await readFile(path.join(path.resolve(dir), id, 'body.html'), 'utf8').catch(() => '');
  return { ...m, id, html };
}

/** The HTML with inline images (cid:) replaced by data: URIs, so a sandboxed preview shows them. */
export async function htmlWithInlineImages(dir: string, message: MailboxMessage): Promise<string> {
  let html = message.html;
  for (const a of message.attachments) {
    if (!a.contentId || !a.contentType.startsWith('image/')) continue;
    const content = await readFile(
      path.join(path.resolve(dir), message.id, 'attachments', path.basename(a.file)),
    ).catch(() => null);
    if (content)
      html = html.split(`cid:${a.contentId}`).join(`data:${a.contentType};base64,${content.toString('base64')}`);
  }
  return html;
}

type StoredMessage = Omit<MailboxMessage, 'html' | 'id'>;

async function readJson(dir: string, id: string): Promise<StoredMessage | null> {
  try {
    return JSON.parse(await readFile(path.join(path.resolve(dir), id, 'message.json'), 'utf8')) as StoredMessage;
  } catch {
    return null;
  }
}
