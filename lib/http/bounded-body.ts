// Reads a request body as text, never more than a limit: a declared Content-Length over it is refused unread, and a
// body that streams past it is refused as soon as it does (the stream is cancelled), so an oversize upload costs
// at most the limit in memory and time, not its whole length.

export type BoundedBody = { ok: true; text: string } | { ok: false; reason: 'too_large' | 'unreadable' };

export async function readBoundedText(request: Request, maxBytes: number): Promise<BoundedBody> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, reason: 'too_large' };
  }
  if (!request.body) return { ok: true, text: '' };
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = request.body.getReader();
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'too_large' };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  // As Request.text() does: UTF-8, a leading byte order mark dropped, malformed bytes replaced.
  return { ok: true, text: new TextDecoder('utf-8').decode(Buffer.concat(chunks, total)) };
}
