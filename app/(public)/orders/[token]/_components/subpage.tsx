// A page under an order (edit details, workshops, transfer, cancel): its heading with the way back, and the
// notice shown in place of the form once changes have closed.
import Link from '@/app/_components/link';
import type { ReactNode } from 'react';

export function Subpage({
  token,
  eventName,
  title,
  reference,
  children,
}: {
  token: string;
  eventName: string;
  title: string;
  reference: string;
  children: ReactNode;
}) {
  return (
    <div className="flex max-w-2xl flex-col gap-6">
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
      {children}
    </div>
  );
}

export function ClosedNotice({ message }: { message: string }) {
  return <p className="card border-2 border-note-line bg-note p-4 font-medium text-note-ink">{message}</p>;
}
