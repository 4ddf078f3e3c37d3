import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getAdminSession } from '@/lib/auth';
import { getDb } from '@/lib/db';
import { orderCsvChunk, orderCsvHeader } from '@/lib/orders/admin/orders-csv';
import { eachOrderBatch, orderListFiltersSchema, searchParamsRecord } from '@/lib/orders/admin/list';
import { errorFields, log } from '@/lib/log';
import { answeringErrors } from '@/lib/route-errors';

/**
 * The order list as CSV, with the list's filters. Streamed batch by batch over keyset
 * pages, so exporting every order never holds them all in memory. Admin only.
 */
export const GET = answeringErrors('orders-export', async (request: Request): Promise<Response> => {
  if (!(await getAdminSession())) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  const parsed = orderListFiltersSchema.safeParse(searchParamsRecord(new URL(request.url).searchParams));
  if (!parsed.success)
    return NextResponse.json({ error: 'invalid query', fields: z.flattenError(parsed.error).fieldErrors }, { status: 400 });
  const db = await getDb();
  const batches = eachOrderBatch(db, parsed.data);
  const encoder = new TextEncoder();

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // A BOM so spreadsheet apps read the file as UTF-8 (names with accents).
      controller.enqueue(encoder.encode(`\uFEFF${orderCsvHeader()}`));
    },
    // pull() runs only when the client has read what we sent: backpressure for free.
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) return controller.close();
        controller.enqueue(encoder.encode(await orderCsvChunk(db, next.value)));
      } catch (error) {
        log.error({ context: 'orders-export', ...errorFields(error) }, 'order export failed');
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });

  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="orders-${stamp}.csv"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
