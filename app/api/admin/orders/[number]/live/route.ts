import { NextResponse } from 'next/server';
import { z } from 'zod';
import { orderNumberSchema } from '@/lib/ids';
import { getAdminSession } from '@/lib/auth';
import { getDb } from '@/lib/db';
import { loadAdminOrderView } from '@/lib/orders/admin/order-view';
import { getAmazonPay } from '@/lib/amazon-pay/server';
import { answeringErrors } from '@/lib/route-errors';

const paramsSchema = z.object({ number: orderNumberSchema });

/** The admin order page's data: the stored record next to a fresh read from Amazon. Admin only, never cached. */
export const GET = answeringErrors(
  'admin-order-live',
  async (_request: Request, context: { params: Promise<{ number: string }> }): Promise<NextResponse> => {
    if (!(await getAdminSession())) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
    const parsed = paramsSchema.safeParse(await context.params);
    if (!parsed.success) return NextResponse.json({ error: 'invalid order number' }, { status: 400 });
    const view = await loadAdminOrderView(await getDb(), getAmazonPay(), parsed.data.number);
    if (!view) return NextResponse.json({ error: 'not found' }, { status: 404 });
    return NextResponse.json(view, { headers: { 'cache-control': 'no-store' } });
  },
);
