// A request body that streams `chunks` chunks of `chunkBytes` bytes and counts how often it was asked for more,
// so a test can tell a reader that stopped at a limit from one that read everything.
export interface CountingStream {
  stream: ReadableStream<Uint8Array>;
  readonly pulls: number;
  readonly cancelled: boolean;
}

export function countingStream(chunks: number, chunkBytes = 64 * 1024, fill = 0x61): CountingStream {
  let pulls = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        pulls++;
        if (pulls > chunks) controller.close();
        else controller.enqueue(new Uint8Array(chunkBytes).fill(fill));
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return {
    stream,
    get pulls() {
      return pulls;
    },
    get cancelled() {
      return cancelled;
    },
  };
}

/** A POST carrying the stream as its body, without a Content-Length (as a chunked upload arrives). */
export function streamingPost(
  url: string,
  body: ReadableStream<Uint8Array>,
  headers: Record<string, string> = {},
): Request {
  return new Request(url, { method: 'POST', body, headers, duplex: 'half' } as RequestInit & { duplex: 'half' });
}
