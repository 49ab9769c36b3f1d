import type { Metadata, Viewport } from 'next';
import Link from '@/app/_components/link';
import { currentEventName } from '@/app/_lib/current-event';
import { FALLBACK_SITE_NAME, SiteHeader } from './_components/site-header';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const name = (await currentEventName()) ?? FALLBACK_SITE_NAME;
  return {
    title: { default: name, template: `%s · ${name}` },
    description: `Programme, speakers and registration for ${name}.`,
    applicationName: name,
  };
}

export const viewport: Viewport = {
  themeColor: '#0b5563',
  width: 'device-width',
  initialScale: 1,
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col">
        <a href="#main" className="skip-link">
          Skip to main content
        </a>
        <SiteHeader />
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 outline-none sm:px-6 sm:py-10"
        >
          {children}
        </main>
        <footer className="border-t border-line bg-surface">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-6 text-sm text-muted sm:px-6">
            <nav aria-label="Footer">
              <ul className="flex flex-wrap gap-x-5 gap-y-2">
                <li>
                  <Link href="/programme" className="text-muted">
                    Programme
                  </Link>
                </li>
                <li>
                  <Link href="/speakers" className="text-muted">
                    Speakers
                  </Link>
                </li>
                <li>
                  <Link href="/find-registration" className="text-muted">
                    Find my registration
                  </Link>
                </li>
                <li>
                  <Link href="/privacy" className="text-muted">
                    Privacy
                  </Link>
                </li>
              </ul>
            </nav>
            <Link href="/sign-in" className="text-muted">
              Organizer sign-in
            </Link>
          </div>
        </footer>
      </body>
    </html>
  );
}
