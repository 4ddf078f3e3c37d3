import { NextResponse } from 'next/server';
import { z } from 'zod';
import { orderNumberSchema } from '@/lib/ids';
import { getAdminSession } from '@/lib/auth';
import { getDb } from '@/lib/db';
import { loadOrderRecord } from '@/lib/orders/admin/order-record';
import { answeringErrors } from '@/lib/route-errors';

const paramsSchema = z.object({ number: orderNumberSchema });

/** The stored record of one order, with its charges, refunds and payment events. Admin only. */
export const GET = answeringErrors(
  'admin-order-record',
  async (_request: Request, context: { params: Promise<{ number: string }> }): Promise<NextResponse> => {
    if (!(await getAdminSession())) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
    const parsed = paramsSchema.safeParse(await context.params);
    if (!parsed.success) return NextResponse.json({ error: 'invalid order number' }, { status: 400 });
    const record = await loadOrderRecord(await getDb(), parsed.data.number);
    if (!record) return NextResponse.json({ error: 'not found' }, { status: 404 });
    return NextResponse.json(record, { headers: { 'cache-control': 'no-store' } });
  },
);
