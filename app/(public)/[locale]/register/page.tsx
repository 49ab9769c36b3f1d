// Registration's first step as it first shows (no voucher, no offer), served from the cache ([locale]/layout.tsx):
// seats left are at most a second old (PUBLIC_PAGE_MAX_AGE_SECONDS), and the order itself checks them again.
import { getContext } from '@/app/_lib/context';
import { getCachedPageEvent } from '@/app/_lib/current-event';
import { registerMetadata, RegisterView } from '../../register/_lib/register-view';

export const metadata = registerMetadata;

export default async function CachedRegisterPage() {
  return <RegisterView ctx={getContext()} event={await getCachedPageEvent()} params={{}} />;
}
