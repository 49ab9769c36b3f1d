// The heading of a page under an order (edit details, workshops, transfer, cancel), with the way back.
import Link from 'next/link';

export function SubpageHeader({
  token,
  eventName,
  title,
  reference,
}: {
  token: string;
  eventName: string;
  title: string;
  reference: string;
}) {
  return (
    <header className="flex flex-col gap-2">
      <p>
        <Link href={`/orders/${token}`}>
          <span aria-hidden="true">← </span>Back to your order
        </Link>
      </p>
      <p className="text-sm font-semibold uppercase tracking-wide text-muted">{eventName}</p>
      <h1 className="text-3xl font-bold sm:text-4xl">{title}</h1>
      <p>
        Order reference <strong className="font-mono tracking-wide">{reference}</strong>
      </p>
    </header>
  );
}
