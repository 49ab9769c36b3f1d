// The shell of a provider webhook route: the raw body is read first (signatures are over the exact bytes) and
// bounded while it streams, the lib function verifies and applies it, and nothing but a generic 503 escapes when
// it throws.
import 'server-only';
import { readBoundedText } from '@/lib/http/bounded-body';

// Provider events are a few kilobytes; anything far larger is not one, and reading stops as soon as it is past this.
export const MAX_WEBHOOK_BODY_BYTES = 1_000_000;
const headers = { 'Cache-Control': 'no-store' };

export type ReceiveWebhook = (
  raw: string,
  request: Request,
) => Promise<{ status: number; body: Record<string, unknown> }>;

export function webhookRoute(provider: string, receive: ReceiveWebhook) {
  return async function POST(request: Request): Promise<Response> {
    const read = await readBoundedText(request, MAX_WEBHOOK_BODY_BYTES);
    if (!read.ok) {
      return read.reason === 'too_large'
        ? Response.json({ error: 'body too large' }, { status: 413, headers })
        : Response.json({ error: 'unreadable body' }, { status: 400, headers });
    }
    try {
      const { status, body } = await receive(read.text, request);
      return Response.json(body, { status, headers });
    } catch (error) {
      // Configuration or database unavailable before the event could be read: ask for a redelivery.
      console.error(`${provider} webhook failed (${error instanceof Error ? error.name : 'unknown'})`);
      return Response.json({ error: 'temporarily unavailable, retry later' }, { status: 503, headers });
    }
  };
}
