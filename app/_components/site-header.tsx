// The site's header. It names the event when the database answers and falls back to a neutral name otherwise,
// so no page (admin included) fails because of its chrome.
import Link from '@/app/_components/link';
import { currentEventName } from '@/app/_lib/current-event';

export const FALLBACK_SITE_NAME = 'Conference';

export async function SiteHeader() {
  const name = (await currentEventName()) ?? FALLBACK_SITE_NAME;
  return (
    <header className="border-b border-line bg-surface">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-bold leading-tight text-ink no-underline hover:text-brand">
          {name}
        </Link>
        <nav aria-label="Main">
          <ul className="flex flex-wrap items-center gap-x-1 gap-y-1">
            <li>
              <Link
                href="/programme"
                className="inline-flex min-h-11 items-center rounded-md px-3 font-medium no-underline hover:bg-brand-soft"
              >
                Programme
              </Link>
            </li>
            <li>
              <Link
                href="/speakers"
                className="inline-flex min-h-11 items-center rounded-md px-3 font-medium no-underline hover:bg-brand-soft"
              >
                Speakers
              </Link>
            </li>
            <li className="ml-1">
              <Link href="/register" prefetch={false} className="btn btn-primary">
                Register
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
