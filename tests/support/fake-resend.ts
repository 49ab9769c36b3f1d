// A small Resend-compatible HTTP server for integration tests and benchmarks, reached through the real resend SDK
// (RESEND_BASE_URL / createResendMailer({ baseUrl })). It speaks POST /emails and POST /emails/batch with Resend's
// idempotency rules: the same key and body get the saved answer and deliver nothing again; the same key with
// another body is 409 invalid_idempotent_request; a key whose first request is still running is 409
// concurrent_idempotent_requests. It can be down (503, or refusing connections), rate limit (429 with
// retry-after), be slow (the email is delivered at once but the answer comes late, the worst case for
// duplicates), and enforce a real limit of N requests in any one-second window. It counts what it delivered:
// per message (the X-Entity-Ref-ID header, else the recipient), duplicates, and the highest request rate seen.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { signEmailWebhook } from '@/lib/adapters/mailer/webhook-signature';

export type FakeResendMode = 'unavailable' | 'rateLimit' | 'reset';
export type FakeResendFailure = FakeResendMode | 'slow' | 'invalid';

export interface FakeDelivery {
  providerId: string;
  ref: string;
  to: string;
  subject: string;
  idempotencyKey: string | null;
  attachments: number;
  tags: Record<string, string>;
}

export interface FakeRequest {
  /** Milliseconds (performance.now()) when the request arrived. */
  at: number;
  path: string;
  idempotencyKey: string | null;
  emails: number;
  status: number;
  /** An idempotent replay: answered from the saved response, nothing delivered. */
  replay: boolean;
}

export interface FakeResendStats {
  requests: number;
  /** Requests that delivered emails (not replays, not refused). */
  accepted: number;
  /** Distinct messages delivered. */
  delivered: number;
  /** Deliveries beyond the first of a message. */
  duplicates: number;
  /** Expected messages never delivered (when `expected` is given). */
  lost: number;
  /** Refused by the limiter (not by a scripted 429). */
  limited: number;
  maxRequestsPerSecond: number;
}

export interface FakeResend {
  url: string;
  apiKey: string;
  webhookSecret: string;
  requests: FakeRequest[];
  deliveries: FakeDelivery[];
  /** Every request is answered this way until set back to null. */
  mode: FakeResendMode | null;
  /** Seconds in the retry-after of scripted 429s. */
  retryAfterSeconds: number;
  /** At most this many requests in any one-second window; more are refused with 429. Null: no limit. */
  limitPerSecond: number | null;
  /** The next n requests fail this way ('slow': delivered, answered after slowMs; 'invalid': 422). */
  failNext(n: number, failure: FakeResendFailure, options?: { slowMs?: number }): void;
  /** Stop accepting connections (ECONNREFUSED), and start again on the same port. */
  refuseConnections(): Promise<void>;
  acceptConnections(): Promise<void>;
  stats(expected?: string[]): FakeResendStats;
  deliveriesOf(ref: string): FakeDelivery[];
  /** A signed Resend webhook about a delivered email, as Resend (Svix) would post it. */
  webhook(
    type: string,
    delivery: Pick<FakeDelivery, 'providerId' | 'to'>,
    options?: { eventId?: string; at?: Date; secret?: string },
  ): { body: string; headers: Record<string, string> };
  close(): Promise<void>;
}

interface Saved {
  bodyHash: string;
  done: boolean;
  status: number;
  body: unknown;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const error = (status: number, name: string, message: string) => ({ statusCode: status, name, message });
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The most requests that fell in any window of `windowMs` (counting every arrival, refused ones too). */
export function maxInWindow(times: number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

export async function createFakeResend(
  options: { apiKey?: string; webhookSecret?: string; limitPerSecond?: number | null; port?: number } = {},
): Promise<FakeResend> {
  const apiKey = options.apiKey ?? `re_fake_${randomBytes(8).toString('hex')}`;
  const webhookSecret = options.webhookSecret ?? `whsec_${randomBytes(24).toString('base64')}`;
  const requests: FakeRequest[] = [];
  const deliveries: FakeDelivery[] = [];
  const saved = new Map<string, Saved>();
  const failures: { failure: FakeResendFailure; slowMs: number }[] = [];
  const admitted: number[] = [];
  const sockets = new Set<Socket>();
  let limited = 0;

  function deliver(email: Record<string, unknown>, key: string | null): string {
    const headers = (email.headers ?? {}) as Record<string, string>;
    const to = Array.isArray(email.to) ? String(email.to[0]) : String(email.to);
    const tags = Object.fromEntries(
      ((email.tags ?? []) as { name: string; value: string }[]).map((t) => [t.name, t.value]),
    );
    const providerId = randomUUID();
    deliveries.push({
      providerId,
      ref: headers['X-Entity-Ref-ID'] ?? to,
      to,
      subject: String(email.subject ?? ''),
      idempotencyKey: key,
      attachments: Array.isArray(email.attachments) ? email.attachments.length : 0,
      tags,
    });
    return providerId;
  }

  function validate(email: unknown, batch: boolean): string | null {
    if (!email || typeof email !== 'object') return 'each email must be an object';
    const e = email as Record<string, unknown>;
    if (typeof e.from !== 'string' || !e.to || typeof e.subject !== 'string')
      return 'from, to and subject are required';
    if (typeof e.html !== 'string' && typeof e.text !== 'string') return 'html or text is required';
    if (batch && Array.isArray(e.attachments) && e.attachments.length)
      return 'attachments are not supported on the batch endpoint';
    return null;
  }

  async function handle(req: IncomingMessage, res: ServerResponse, at: number): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
    const log: FakeRequest = { at, path, idempotencyKey: key, emails: 0, status: 0, replay: false };
    requests.push(log);
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      log.status = status;
      json(res, status, body, headers);
    };
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');

    if (req.method !== 'POST' || (path !== '/emails' && path !== '/emails/batch'))
      return answer(404, error(404, 'not_found', 'Not found'));
    if (req.headers.authorization !== `Bearer ${apiKey}`)
      return answer(401, error(401, 'missing_api_key', 'Missing or wrong API key'));

    const scripted = failures.shift();
    const failure = scripted?.failure ?? fake.mode;
    if (failure === 'reset') {
      log.status = -1;
      res.socket?.destroy();
      return;
    }
    if (failure === 'invalid') return answer(422, error(422, 'validation_error', 'Invalid `to` field'));
    if (failure === 'unavailable') return answer(503, error(503, 'internal_server_error', 'Service unavailable'));
    if (failure === 'rateLimit')
      return answer(429, error(429, 'rate_limit_exceeded', 'Too many requests'), {
        'retry-after': String(fake.retryAfterSeconds),
      });
    if (fake.limitPerSecond !== null) {
      while (admitted.length && at - admitted[0]! >= 1000) admitted.shift();
      if (admitted.length >= fake.limitPerSecond) {
        limited++;
        const wait = Math.max(1, Math.ceil((1000 - (at - admitted[0]!)) / 1000));
        return answer(429, error(429, 'rate_limit_exceeded', 'Too many requests'), {
          'retry-after': String(wait),
          'ratelimit-limit': String(fake.limitPerSecond),
          'ratelimit-remaining': '0',
          'ratelimit-reset': String(wait),
        });
      }
      admitted.push(at);
    }

    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return answer(400, error(400, 'validation_error', 'The body is not JSON'));
    }
    const batch = path === '/emails/batch';
    const emails = batch ? body : [body];
    if (!Array.isArray(emails) || emails.length === 0 || emails.length > 100)
      return answer(422, error(422, 'validation_error', 'A batch holds 1 to 100 emails'));
    const invalid = emails.map((e) => validate(e, batch)).find(Boolean);
    if (invalid) return answer(422, error(422, 'validation_error', invalid));
    log.emails = emails.length;

    const bodyHash = `${path} ${raw}`;
    const previous = key ? saved.get(key) : undefined;
    if (previous) {
      log.replay = true;
      if (previous.bodyHash !== bodyHash)
        return answer(
          409,
          error(409, 'invalid_idempotent_request', 'Same idempotency key used with a different request'),
        );
      if (!previous.done)
        return answer(
          409,
          error(
            409,
            'concurrent_idempotent_requests',
            'Same idempotency key used while original request is still in progress',
          ),
        );
      return answer(previous.status, previous.body);
    }
    const entry: Saved = { bodyHash, done: false, status: 200, body: null };
    if (key) saved.set(key, entry);
    const ids = (emails as Record<string, unknown>[]).map((e) => deliver(e, key));
    entry.body = batch ? { data: ids.map((id) => ({ id })) } : { id: ids[0] };
    const delay = scripted?.failure === 'slow' ? scripted.slowMs : 0;
    if (delay > 0) await sleep(delay);
    entry.done = true;
    answer(200, entry.body);
  }

  const server = createServer((req, res) => {
    const at = performance.now();
    handle(req, res, at).catch(() => json(res, 500, error(500, 'internal_server_error', 'fake failed')));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(options.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });

  const fake: FakeResend = {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    webhookSecret,
    requests,
    deliveries,
    mode: null,
    retryAfterSeconds: 1,
    limitPerSecond: options.limitPerSecond ?? null,
    failNext(n, failure, opts = {}) {
      for (let i = 0; i < n; i++) failures.push({ failure, slowMs: opts.slowMs ?? 0 });
    },
    refuseConnections: stop,
    acceptConnections: () => listen(port),
    stats(expected) {
      const byRef = new Map<string, number>();
      for (const d of deliveries) byRef.set(d.ref, (byRef.get(d.ref) ?? 0) + 1);
      const duplicates = [...byRef.values()].reduce((sum, n) => sum + n - 1, 0);
      return {
        requests: requests.length,
        accepted: requests.filter((r) => r.status === 200 && !r.replay).length,
        delivered: byRef.size,
        duplicates,
        lost: expected ? expected.filter((ref) => !byRef.has(ref)).length : 0,
        limited,
        maxRequestsPerSecond: maxInWindow(requests.map((r) => r.at)),
      };
    },
    deliveriesOf: (ref) => deliveries.filter((d) => d.ref === ref),
    webhook(type, delivery, opts = {}) {
      const at = opts.at ?? new Date();
      const body = JSON.stringify({
        type,
        created_at: at.toISOString(),
        data: {
          email_id: delivery.providerId,
          to: [delivery.to],
          from: 'sender@example.org',
          subject: 'Subject',
          created_at: at.toISOString(),
          ...(type === 'email.bounced'
            ? { bounce: { type: 'Permanent', subType: 'General', message: 'bounced' } }
            : {}),
        },
      });
      const eventId = opts.eventId ?? `msg_${randomBytes(12).toString('hex')}`;
      return {
        body,
        headers: {
          'content-type': 'application/json',
          ...signEmailWebhook(body, opts.secret ?? webhookSecret, eventId, at),
        },
      };
    },
    close: stop,
  };
  return fake;
}
