// The local demo checkout (test mode only): stands in for Stripe's hosted page when no Stripe keys are set. It
// exists only while the local gateway is active; otherwise every address here is a 404.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getRequestContext } from '@/app/_lib/request-context';
import { formatMoney } from '@/lib/money';
import { getLocalCheckout, isLocalCheckoutActive } from '@/lib/payments/local-checkout';
import { localCheckoutAction } from './actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Test checkout',
  robots: { index: false, follow: false, nocache: true },
  // Not "no-referrer": that sends `Origin: null` with the form, which Next refuses for server actions.
  referrer: 'same-origin',
};

export default async function DevCheckoutPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const ctx = await getRequestContext();
  if (!isLocalCheckoutActive(ctx)) notFound();
  const checkout = await getLocalCheckout(ctx, id);
  if (!checkout) notFound();
  const deliveryFailed = (await searchParams).delivery === 'failed';
  const open = checkout.status === 'open' && checkout.expiresAt > ctx.clock.now();

  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <p className="rounded-md border-2 border-dashed border-current px-4 py-3 text-lg font-bold uppercase tracking-wide">
        Test mode — no real payment is taken
      </p>
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold sm:text-4xl">Test checkout</h1>
        <p>
          This page stands in for the card payment page while the site runs without a payment provider. Nothing you do
          here charges anyone.
        </p>
      </header>

      <section aria-labelledby="summary-heading" className="card flex flex-col gap-2 p-4 sm:p-5">
        <h2 id="summary-heading" className="text-xl font-semibold">
          Order
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium text-muted">Reference</dt>
          <dd className="font-mono tracking-wide">{checkout.orderReference}</dd>
          <dt className="font-medium text-muted">For</dt>
          <dd>{checkout.description}</dd>
          <dt className="font-medium text-muted">Amount</dt>
          <dd className="text-lg font-bold tabular-nums">{formatMoney(checkout.amount, checkout.currency)}</dd>
        </dl>
      </section>

      {deliveryFailed && (
        <p className="card border-2 p-4" id="delivery-error">
          <strong>The payment result could not be passed to the site.</strong> Press the same button again to resend it.
        </p>
      )}

      {open ? (
        <form
          action={localCheckoutAction}
          className="flex flex-col gap-3"
          aria-describedby={deliveryFailed ? 'delivery-error' : undefined}
        >
          <input type="hidden" name="id" value={checkout.id} />
          <div className="flex flex-wrap gap-3">
            <button type="submit" name="outcome" value="pay" className="btn btn-primary">
              Pay (test)
            </button>
            <button type="submit" name="outcome" value="decline" className="btn btn-secondary">
              Decline (test)
            </button>
            <button type="submit" name="outcome" value="abandon" className="btn btn-secondary">
              Abandon checkout
            </button>
          </div>
          <p className="text-sm text-muted">
            Decline acts as a refused card: the order stays unpaid and can be paid again. Abandon ends this checkout and
            releases the held seats.
          </p>
        </form>
      ) : (
        <div className="flex flex-col gap-3">
          <p className="text-lg">
            {checkout.status === 'complete' ? 'This test checkout has been paid.' : 'This test checkout has ended.'}
          </p>
          {deliveryFailed && (
            <form action={localCheckoutAction}>
              <input type="hidden" name="id" value={checkout.id} />
              <button type="submit" name="outcome" value="pay" className="btn btn-primary">
                Send the result again
              </button>
            </form>
          )}
          <p>
            <Link href={checkout.status === 'complete' ? checkout.successUrl : checkout.cancelUrl}>
              Back to your order
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}
