// POST /api/v1/orders: create an order from JSON. The same createOrder the registration page uses.
import { connection } from 'next/server';
import { errorResponse, readJsonBody } from '@/app/_lib/http';
import { getClientKey, getRequestContext } from '@/app/_lib/request-context';
import { createOrder } from '@/lib/orders/create-order';

export async function POST(request: Request) {
  await connection();
  try {
    const body = await readJsonBody(request);
    const ctx = await getRequestContext();
    const { order, accessToken } = await createOrder(ctx, { slug: ctx.config.EVENT_SLUG }, body, {
      clientKey: await getClientKey(),
    });
    const appUrl = ctx.config.APP_URL.replace(/\/$/, '');
    return Response.json(
      {
        reference: order.reference,
        status: order.status,
        total: order.total,
        currency: order.currency,
        expiresAt: order.expiresAt?.toISOString() ?? null,
        orderUrl: `${appUrl}/orders/${accessToken}`,
      },
      { status: 201, headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (error) {
    return errorResponse(error, 'POST /api/v1/orders');
  }
}
