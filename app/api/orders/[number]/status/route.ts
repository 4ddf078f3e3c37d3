import { NextResponse } from 'next/server';
import { orderNumberSchema } from '@/lib/ids';
import { visibleOrderStatus } from '@/lib/orders/shopper/visible-order-actions';

const NO_STORE = { 'cache-control': 'no-store' };

/**
 * What the order page polls while a payment is being confirmed. Read-only: it answers
 * from the database and never calls Amazon (IPNs, background jobs, the resync and the
 * page's "Check again" do that). Someone else's order looks exactly like no order.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ number: string }> }): Promise<NextResponse> {
  const parsed = orderNumberSchema.safeParse((await params).number);
  const status = parsed.success ? await visibleOrderStatus(parsed.data) : null;
  if (!status) return NextResponse.json({ error: 'not found' }, { status: 404, headers: NO_STORE });
  return NextResponse.json(status, { headers: NO_STORE });
}
