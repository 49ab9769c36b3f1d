// Registration's first step with a voucher, a waiting-list offer or a selection to check (a query string):
// rendered per request. The plain address /register is served from the cache by
// app/(public)/[locale]/register/page.tsx.
import { connection } from 'next/server';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { getRequestContext } from '@/app/_lib/request-context';
import { registerMetadata, RegisterView } from './_lib/register-view';
import type { SearchParams } from './_lib/selection';

export const metadata = registerMetadata;

export default async function RegisterPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const params = await searchParams;
  return <RegisterView ctx={await getRequestContext()} event={await getCurrentEvent()} params={params} />;
}
