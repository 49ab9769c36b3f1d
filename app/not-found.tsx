import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 py-8 text-center">
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="text-lg">We could not find this page. It may have moved, or the link may be incomplete.</p>
      <p className="flex flex-wrap justify-center gap-3">
        <Link href="/programme" className="btn btn-primary">
          Browse the programme
        </Link>
        <Link href="/" className="btn btn-secondary">
          Go to the home page
        </Link>
      </p>
    </div>
  );
}
