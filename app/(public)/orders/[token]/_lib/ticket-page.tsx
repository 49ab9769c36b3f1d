// What the pages under one ticket of an order (edit details, workshops, transfer) start with: the ticket's page
// through the order's secret link (a ticket of another order is a plain 404), under the order's sub-page header.
import 'server-only';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { getRequestContext } from '@/app/_lib/request-context';
import { getTicketPage, type TicketPage } from '@/lib/self-service/manage';
import { Subpage } from '../_components/subpage';

export type TicketPageParams = Promise<{ token: string; ticketId: string }>;

export async function loadTicketPage(params: TicketPageParams) {
  const { token, ticketId } = await params;
  const ctx = await getRequestContext();
  const page = await getTicketPage(ctx, token, ticketId);
  if (!page) notFound();
  return { ctx, token, page };
}

export function TicketSubpage({
  token,
  page,
  title,
  children,
}: {
  token: string;
  page: TicketPage;
  title: string;
  children: ReactNode;
}) {
  return (
    <Subpage token={token} eventName={page.event.name} reference={page.order.reference} title={title}>
      {children}
    </Subpage>
  );
}
