// The attendee's own page: ask for their data to be erased (a pending request is shown as such).
import { getRequestContext } from '@/app/_lib/request-context';
import { formatInstant } from '@/lib/time';
import { getErasureRequestState } from '@/lib/rights/erasure-requests';
import { ErasureForm } from './erasure-form';

export async function ErasureRequest({ token, timeZone }: { token: string; timeZone: string }) {
  const state = await getErasureRequestState(await getRequestContext(), token);
  return (
    <section aria-labelledby="erasure-heading" className="card flex flex-col gap-3 p-4 sm:p-5">
      <h2 id="erasure-heading" className="text-xl font-semibold">
        Erase your data
      </h2>
      {state ? (
        <p role="status">
          You asked for your data to be erased on{' '}
          <time dateTime={state.requestedAt.toISOString()}>
            {formatInstant(state.requestedAt, timeZone, { weekday: false })}
          </time>
          . The request is pending with the organizers.
        </p>
      ) : (
        <>
          <p className="text-[0.9375rem]">
            You can ask the organizers to erase your name, email address, answers and access request. Once they confirm,
            this page and your ticket’s links and QR code stop working. What the law requires for accounting (amounts,
            dates, invoice numbers) is kept.
          </p>
          <ErasureForm token={token} />
        </>
      )}
    </section>
  );
}
