// What a signed-in member of staff sees (with a 403 status) when their role does not cover a page: nothing of
// the page itself, only where to go instead.
import Link from 'next/link';

export default function Forbidden() {
  return (
    <div>
      <h1 className="text-3xl font-bold">You do not have access to that page</h1>
      <p className="mt-4">Your role does not include it. If you need it, ask the event&rsquo;s owner.</p>
      <p className="mt-4">
        <Link href="/admin">Back to the admin area</Link>
      </p>
    </div>
  );
}
