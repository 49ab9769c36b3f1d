import { describe, expect, it } from 'vitest';
import { readBoundedText } from '@/lib/http/bounded-body';
import { countingStream, streamingPost } from '../../support/counting-stream';

const LIMIT = 1_000_000;
const CHUNK = 64 * 1024;

describe('readBoundedText', () => {
  it('stops reading a streamed body as soon as it passes the limit, and cancels the stream', async () => {
    const body = countingStream(160, CHUNK); // 10 MB on offer
    expect(await readBoundedText(streamingPost('http://localhost/x', body.stream), LIMIT)).toEqual({
      ok: false,
      reason: 'too_large',
    });
    // 1 MB is 15.3 chunks of 64 KiB: the 16th passes the limit, and nothing after it is asked for.
    expect(body.pulls).toBeLessThanOrEqual(Math.ceil(LIMIT / CHUNK) + 1);
    expect(body.cancelled).toBe(true);
  });

  it('refuses a declared Content-Length over the limit without reading at all', async () => {
    const body = countingStream(160, CHUNK);
    const request = streamingPost('http://localhost/x', body.stream, { 'content-length': String(10 * LIMIT) });
    expect(await readBoundedText(request, LIMIT)).toEqual({ ok: false, reason: 'too_large' });
    expect(body.pulls).toBe(0);
  });

  it('reads a body within the limit whole, as UTF-8', async () => {
    const body = countingStream(3, 1000, 0x62);
    expect(await readBoundedText(streamingPost('http://localhost/x', body.stream), LIMIT)).toEqual({
      ok: true,
      text: 'b'.repeat(3000),
    });
    const text = '{"name":"Zoë Ørsted 😀"}';
    expect(await readBoundedText(new Request('http://localhost/x', { method: 'POST', body: text }), LIMIT)).toEqual({
      ok: true,
      text,
    });
    expect(await readBoundedText(new Request('http://localhost/x', { method: 'POST' }), LIMIT)).toEqual({
      ok: true,
      text: '',
    });
  });

  it('answers unreadable for a stream that fails', async () => {
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('connection reset'));
      },
    });
    expect(await readBoundedText(streamingPost('http://localhost/x', failing), LIMIT)).toEqual({
      ok: false,
      reason: 'unreadable',
    });
  });
});
