import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getAdminSession } from '@/lib/auth';
import { getDb } from '@/lib/db';
import { listAdminOrders, orderListQuerySchema, searchParamsRecord } from '@/lib/orders/admin/list';
import { answeringErrors } from '@/lib/route-errors';

/** One page of the admin order list, as the list's own polling reads it. Admin only. */
export const GET = answeringErrors('admin-orders-list', async (request: Request): Promise<NextResponse> => {
  if (!(await getAdminSession())) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  const parsed = orderListQuerySchema.safeParse(searchParamsRecord(new URL(request.url).searchParams));
  if (!parsed.success)
    return NextResponse.json({ error: 'invalid query', fields: z.flattenError(parsed.error).fieldErrors }, { status: 400 });
  const page = await listAdminOrders(await getDb(), parsed.data);
  return NextResponse.json(page, { headers: { 'cache-control': 'no-store' } });
});
