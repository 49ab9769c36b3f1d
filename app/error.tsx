'use client';
// Shown when a page cannot be built, above all while the database is out of reach (the custom server then answers
// 503 with Retry-After). Calm on purpose: nothing the visitor did caused it, and nothing of theirs was lost. The
// server's message never reaches the browser; the digest lets an organizer find the matching log line.
import Link from 'next/link';

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  return (
    <div role="alert" className="mx-auto flex max-w-xl flex-col gap-4 py-8 text-center">
      <h1 className="text-3xl font-bold">Temporarily unavailable</h1>
      <p className="text-lg">
        This page cannot be shown just now. This is on our side and usually passes within a minute: please try again in
        a moment.
      </p>
      <p className="flex flex-wrap justify-center gap-3">
        <button type="button" onClick={() => retry()} className="btn btn-primary">
          Try again
        </button>
        <Link href="/" className="btn btn-secondary">
          Go to the home page
        </Link>
      </p>
      {digest && <p className="text-sm text-muted">Reference: {digest}</p>}
    </div>
  );
}
