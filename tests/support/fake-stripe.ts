// A small Stripe-compatible HTTP server for integration tests, reached through the real stripe SDK
// (STRIPE_API_URL / createStripeGateway({ apiUrl })). It speaks the part of the API we use: Checkout Sessions
// (create, retrieve, expire) and refunds, with Stripe's idempotency rules (same key and parameters: the saved
// answer; same key, other parameters: 400 idempotency_error). Failures can be injected: 500s and 429s answered
// before any work (nothing is saved under the key), and timeouts where the work is done but the answer never
// arrives, the worst case for duplicate sessions. It also signs the webhooks Stripe would send.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  buildChargeRefundedEvent,
  buildCheckoutSessionEvent,
  type CheckoutEventType,
  type CheckoutSessionShape,
  type StripeEventJson,
} from '@/lib/adapters/payments/stripe-events';
import { signStripeWebhook } from '@/lib/adapters/payments/webhook-signature';
import { list, obj, parseForm, str, strings, type FormNode } from './stripe-form';

export type FailureMode = 'error500' | 'timeout' | 'rateLimit';

export interface FakeLineItem {
  name: string;
  currency: string;
  unitAmount: number;
  quantity: number;
}

export interface FakeSession extends CheckoutSessionShape {
  object: 'checkout.session';
  mode: string;
  created: number;
  livemode: false;
  /** Not part of Stripe's session object; kept here so tests can see what was sent. */
  lineItems: FakeLineItem[];
  paymentIntentData: { statementDescriptorSuffix: string | null; metadata: Record<string, string> };
  idempotencyKey: string | null;
  amountRefunded: number;
}

export interface FakeRefund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  payment_intent: string;
  status: 'succeeded';
  created: number;
}

export interface SignedWebhook {
  body: string;
  header: string;
  event: StripeEventJson;
}

export interface FakeRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  params: FormNode;
}

export interface FakeStripe {
  url: string;
  webhookSecret: string;
  sessions: Map<string, FakeSession>;
  refunds: Map<string, FakeRefund>;
  requests: FakeRequest[];
  /** Sessions actually created (idempotent replays do not count). */
  readonly createdCount: number;
  /** Sessions created under one idempotency key: more than one is a duplicate checkout. */
  createdWithKey(key: string): FakeSession[];
  /** The next n requests (optionally only those whose "METHOD /path" matches) fail this way. */
  failNext(n: number, mode: FailureMode, match?: RegExp): void;
  /** Added before every answer. */
  delayMs: number;
  /** Buyer paid (or, with 'unpaid', started a delayed payment): the session completes; returns Stripe's webhook. */
  completeSession(id: string, options?: { paymentStatus?: 'paid' | 'unpaid' }): SignedWebhook;
  /** The session expires at Stripe (its time ran out): returns the checkout.session.expired webhook. */
  expireEvent(id: string): SignedWebhook;
  /** The charge.refunded webhook for a PaymentIntent, with everything refunded so far. */
  refundEvent(paymentIntent: string): SignedWebhook;
  sign(payload: string, at?: Date): string;
  close(): Promise<void>;
}

export interface FakeStripeOptions {
  webhookSecret?: string;
  /** The fake's idea of "now" (for expires_at checks and signatures); pass the test's clock. */
  now?: () => Date;
}

const stripeId = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('hex')}`;

class HttpError extends Error {
  constructor(
    public readonly status: number,
    public readonly type: string,
    message: string,
    public readonly code?: string,
    public readonly param?: string,
  ) {
    super(message);
  }
}

interface Answer {
  status: number;
  body: unknown;
}

export async function createFakeStripe(options: FakeStripeOptions = {}): Promise<FakeStripe> {
  const webhookSecret = options.webhookSecret ?? `whsec_fake_${randomBytes(8).toString('hex')}`;
  const now = options.now ?? (() => new Date());
  const sessions = new Map<string, FakeSession>();
  const refunds = new Map<string, FakeRefund>();
  const requests: FakeRequest[] = [];
  const saved = new Map<string, { endpoint: string; body: string; answer: Answer }>();
  const failures: { mode: FailureMode; match?: RegExp }[] = [];
  let createdCount = 0;
  let baseUrl = '';
  const nowSeconds = () => Math.floor(now().getTime() / 1000);

  function createSession(p: FormNode, idempotencyKey: string | null): FakeSession {
    if (str(p.mode) !== 'payment')
      throw new HttpError(400, 'invalid_request_error', 'mode must be payment', 'parameter_invalid', 'mode');
    const lineItems = list(p.line_items).map((l, i): FakeLineItem => {
      const priceData = obj(l.price_data);
      const item = {
        name: str(obj(priceData.product_data).name) ?? '',
        currency: str(priceData.currency) ?? '',
        unitAmount: Number(str(priceData.unit_amount)),
        quantity: Number(str(l.quantity)),
      };
      if (
        !item.name ||
        !/^[a-z]{3}$/.test(item.currency) ||
        !Number.isInteger(item.unitAmount) ||
        item.unitAmount < 0 ||
        !Number.isInteger(item.quantity) ||
        item.quantity < 1
      ) {
        throw new HttpError(
          400,
          'invalid_request_error',
          `Invalid line_items[${i}]`,
          'parameter_invalid',
          `line_items[${i}]`,
        );
      }
      return item;
    });
    if (lineItems.length === 0)
      throw new HttpError(400, 'invalid_request_error', 'line_items is required', 'parameter_missing', 'line_items');
    const currency = lineItems[0]!.currency;
    if (lineItems.some((l) => l.currency !== currency))
      throw new HttpError(
        400,
        'invalid_request_error',
        'All line items must share a currency',
        'parameter_invalid',
        'line_items',
      );
    const successUrl = str(p.success_url);
    if (!successUrl)
      throw new HttpError(400, 'invalid_request_error', 'success_url is required', 'parameter_missing', 'success_url');
    const expiresAt = p.expires_at === undefined ? nowSeconds() + 86_400 : Number(str(p.expires_at));
    if (!Number.isInteger(expiresAt) || expiresAt < nowSeconds() + 30 * 60 || expiresAt > nowSeconds() + 24 * 3600) {
      throw new HttpError(
        400,
        'invalid_request_error',
        'expires_at must be between 30 minutes and 24 hours from now',
        'parameter_invalid',
        'expires_at',
      );
    }
    const pid = obj(p.payment_intent_data);
    const suffix = str(pid.statement_descriptor_suffix);
    if (suffix !== null && (suffix.length > 22 || !/[A-Za-z]/.test(suffix) || /[<>\\'"*]/.test(suffix))) {
      throw new HttpError(
        400,
        'invalid_request_error',
        'Invalid statement_descriptor_suffix',
        'parameter_invalid',
        'payment_intent_data[statement_descriptor_suffix]',
      );
    }
    const id = stripeId('cs');
    const session: FakeSession = {
      id,
      object: 'checkout.session',
      mode: 'payment',
      created: nowSeconds(),
      livemode: false,
      status: 'open',
      payment_status: 'unpaid',
      amount_total: lineItems.reduce((s, l) => s + l.unitAmount * l.quantity, 0),
      currency,
      payment_intent: null,
      client_reference_id: str(p.client_reference_id),
      metadata: strings(p.metadata),
      customer_email: str(p.customer_email),
      expires_at: expiresAt,
      success_url: successUrl,
      cancel_url: str(p.cancel_url),
      url: `${baseUrl}/c/pay/${id}`,
      lineItems,
      paymentIntentData: { statementDescriptorSuffix: suffix, metadata: strings(pid.metadata) },
      idempotencyKey,
      amountRefunded: 0,
    };
    sessions.set(id, session);
    createdCount++;
    return session;
  }

  function sessionOrThrow(id: string): FakeSession {
    const session = sessions.get(id);
    if (!session)
      throw new HttpError(
        404,
        'invalid_request_error',
        `No such checkout.session: '${id}'`,
        'resource_missing',
        'session',
      );
    return session;
  }

  function publicSession(
    s: FakeSession,
  ): Omit<FakeSession, 'lineItems' | 'paymentIntentData' | 'idempotencyKey' | 'amountRefunded'> {
    const { lineItems: _l, paymentIntentData: _p, idempotencyKey: _k, amountRefunded: _a, ...rest } = s;
    return rest;
  }

  function createRefund(p: FormNode): FakeRefund {
    const paymentIntent = str(p.payment_intent);
    const session = [...sessions.values()].find((s) => s.payment_intent === paymentIntent && paymentIntent !== null);
    if (!session || session.payment_status !== 'paid') {
      throw new HttpError(
        404,
        'invalid_request_error',
        `No such payment_intent: '${paymentIntent}'`,
        'resource_missing',
        'payment_intent',
      );
    }
    const remaining = session.amount_total - session.amountRefunded;
    const amount = p.amount === undefined ? remaining : Number(str(p.amount));
    if (!Number.isInteger(amount) || amount < 1 || amount > remaining) {
      throw new HttpError(
        400,
        'invalid_request_error',
        'Refund amount is greater than unrefunded amount on charge',
        'amount_too_large',
        'amount',
      );
    }
    session.amountRefunded += amount;
    const refund: FakeRefund = {
      id: stripeId('re'),
      object: 'refund',
      amount,
      currency: session.currency,
      payment_intent: session.payment_intent!,
      status: 'succeeded',
      created: nowSeconds(),
    };
    refunds.set(refund.id, refund);
    return refund;
  }

  function route(method: string, path: string, p: FormNode, idempotencyKey: string | null): Answer {
    let m: RegExpMatchArray | null;
    if (method === 'POST' && path === '/v1/checkout/sessions')
      return { status: 200, body: publicSession(createSession(p, idempotencyKey)) };
    if (method === 'GET' && (m = path.match(/^\/v1\/checkout\/sessions\/([\w-]+)$/)))
      return { status: 200, body: publicSession(sessionOrThrow(m[1]!)) };
    if (method === 'POST' && (m = path.match(/^\/v1\/checkout\/sessions\/([\w-]+)\/expire$/))) {
      const session = sessionOrThrow(m[1]!);
      if (session.status !== 'open') {
        throw new HttpError(
          400,
          'invalid_request_error',
          `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
        );
      }
      Object.assign(session, { status: 'expired', url: null });
      return { status: 200, body: publicSession(session) };
    }
    if (method === 'POST' && path === '/v1/refunds') return { status: 200, body: createRefund(p) };
    throw new HttpError(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path})`);
  }

  function send(res: ServerResponse, answer: Answer, replayed = false): void {
    if (res.destroyed) return;
    res.writeHead(answer.status, {
      'content-type': 'application/json',
      'request-id': `req_${randomBytes(8).toString('hex')}`,
      ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
    });
    res.end(JSON.stringify(answer.body));
  }

  const errorAnswer = (e: HttpError): Answer => ({
    status: e.status,
    body: {
      error: {
        type: e.type,
        message: e.message,
        ...(e.code ? { code: e.code } : {}),
        ...(e.param ? { param: e.param } : {}),
      },
    },
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const params = parseForm(method === 'GET' ? url.search.slice(1) : raw);
    const keyHeader = req.headers['idempotency-key'];
    const idempotencyKey = typeof keyHeader === 'string' ? keyHeader : null;
    requests.push({ method, path, idempotencyKey, params });
    if (fake.delayMs > 0) await new Promise((r) => setTimeout(r, fake.delayMs));

    if (!/^Bearer (sk|rk)_(test|live)_\w+/.test(req.headers.authorization ?? '')) {
      return send(res, errorAnswer(new HttpError(401, 'invalid_request_error', 'Invalid API Key provided')));
    }
    const endpoint = `${method} ${path}`;
    const failureAt = failures.findIndex((f) => !f.match || f.match.test(endpoint));
    const failure = failureAt >= 0 ? failures.splice(failureAt, 1)[0] : undefined;
    if (failure?.mode === 'error500')
      return send(
        res,
        errorAnswer(new HttpError(500, 'api_error', 'An unknown error occurred (injected by the fake).')),
      );
    if (failure?.mode === 'rateLimit')
      return send(
        res,
        errorAnswer(
          new HttpError(429, 'invalid_request_error', 'Too many requests (injected by the fake).', 'rate_limit'),
        ),
      );

    let answer: Answer;
    let replayed = false;
    const previous = idempotencyKey && method === 'POST' ? saved.get(idempotencyKey) : undefined;
    if (previous && (previous.endpoint !== endpoint || previous.body !== raw)) {
      answer = errorAnswer(
        new HttpError(
          400,
          'idempotency_error',
          'Keys for idempotent requests can only be used with the same parameters they were first used with.',
        ),
      );
    } else if (previous) {
      answer = previous.answer;
      replayed = true;
    } else {
      try {
        answer = route(method, path, params, idempotencyKey);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        answer = errorAnswer(error);
      }
      if (idempotencyKey && method === 'POST') saved.set(idempotencyKey, { endpoint, body: raw, answer });
    }
    // A timeout: the work is done and saved under the key, but the answer never reaches the client.
    if (failure?.mode === 'timeout') return;
    send(res, answer, replayed);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, { status: 500, body: { error: { type: 'api_error', message: 'fake crashed' } } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function signed(event: StripeEventJson, at = now()): SignedWebhook {
    const body = JSON.stringify(event);
    return { body, header: signStripeWebhook(body, webhookSecret, at), event };
  }

  function sessionEvent(type: CheckoutEventType, session: FakeSession): SignedWebhook {
    return signed(buildCheckoutSessionEvent({ type, session: publicSession(session), created: now() }));
  }

  const fake: FakeStripe = {
    url: baseUrl,
    webhookSecret,
    sessions,
    refunds,
    requests,
    get createdCount() {
      return createdCount;
    },
    createdWithKey: (key) => [...sessions.values()].filter((s) => s.idempotencyKey === key),
    failNext(n, mode, match) {
      for (let i = 0; i < n; i++) failures.push({ mode, match });
    },
    delayMs: 0,
    completeSession(id, opts = {}) {
      const session = sessions.get(id);
      if (!session || session.status !== 'open') throw new Error(`fake stripe: session ${id} is not open`);
      Object.assign(session, {
        status: 'complete',
        payment_status: opts.paymentStatus ?? 'paid',
        payment_intent: stripeId('pi'),
        url: null,
      });
      return sessionEvent('checkout.session.completed', session);
    },
    expireEvent(id) {
      const session = sessions.get(id);
      if (!session) throw new Error(`fake stripe: no session ${id}`);
      if (session.status === 'open') Object.assign(session, { status: 'expired', url: null });
      return sessionEvent('checkout.session.expired', session);
    },
    refundEvent(paymentIntent) {
      const session = [...sessions.values()].find((s) => s.payment_intent === paymentIntent);
      if (!session) throw new Error(`fake stripe: no payment ${paymentIntent}`);
      return signed(
        buildChargeRefundedEvent({
          paymentIntent,
          amount: session.amount_total,
          amountRefunded: session.amountRefunded,
          currency: session.currency,
          created: now(),
        }),
      );
    },
    sign: (payload, at) => signStripeWebhook(payload, webhookSecret, at ?? now()),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}
