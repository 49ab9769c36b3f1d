// The shell of a provider webhook route: the raw body is read first (signatures are over the exact bytes) and
// bounded, the lib function verifies and applies it, and nothing but a generic 503 escapes when it throws.
import 'server-only';

// Provider events are a few kilobytes; anything far larger is not one.
const MAX_BODY_CHARS = 1_000_000;
const headers = { 'Cache-Control': 'no-store' };

export type ReceiveWebhook = (raw: string, request: Request) => Promise<{ status: number; body: Record<string, unknown> }>;

export function webhookRoute(provider: string, receive: ReceiveWebhook) {
  return async function POST(request: Request): Promise<Response> {
    let raw: string;
    try {
      raw = await request.text();
    } catch {
      return Response.json({ error: 'unreadable body' }, { status: 400, headers });
    }
    if (raw.length > MAX_BODY_CHARS) return Response.json({ error: 'body too large' }, { status: 413, headers });
    try {
      const { status, body } = await receive(raw, request);
      return Response.json(body, { status, headers });
    } catch (error) {
      // Configuration or database unavailable before the event could be read: ask for a redelivery.
      console.error(`${provider} webhook failed (${error instanceof Error ? error.name : 'unknown'})`);
      return Response.json({ error: 'temporarily unavailable, retry later' }, { status: 503, headers });
    }
  };
}
