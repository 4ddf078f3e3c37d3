import { NextResponse } from 'next/server';
import { adminErrorMessage, adminErrorStatus } from '@/lib/auth/admin-errors';
import { parseEcomQuery, periodParams } from '@/lib/reports/ecomcharge-query';
import { getAdminSession } from '@/lib/auth';
import { transactionsToCsvStream, type EcomchargePage, type EcomchargeTransaction } from '@/lib/ecomcharge';
import { getEcomcharge } from '@/lib/ecomcharge/server';

type Page = EcomchargePage | readonly EcomchargeTransaction[];

/**
 * eComCharge transactions as CSV, streamed: pages are fetched only as the
 * browser reads (lib/ecomcharge/csv-export.ts). The first page is awaited
 * before answering, so a 401 or 422 becomes a clear error instead of a broken file.
 * The whole period is exported, whatever page the admin was looking at. Admin only.
 */
export async function GET(request: Request): Promise<Response> {
  if (!(await getAdminSession())) return NextResponse.json({ message: 'Sign in as the store admin.' }, { status: 401 });
  const parsed = parseEcomQuery(new URL(request.url).searchParams);
  if (parsed.ok !== true)
    return NextResponse.json({ message: parsed.ok === 'empty' ? 'Pick a day or a period.' : parsed.message }, { status: 400 });
  const setup = getEcomcharge();
  if (!setup.ok) return NextResponse.json({ message: setup.message }, { status: 503 });
  const { query } = parsed;
  const signal = request.signal;

  let pages: AsyncIterator<Page>;
  if (query.mode === 'day') {
    const day = setup.client.getDayReport(
      { date: query.date, status: query.status, dateType: query.dateType, timeZone: query.timeZone },
      { signal },
    );
    pages = (async function* () {
      yield (await day).transactions;
    })();
  } else {
    pages = setup.client.iterateTransactions(periodParams(query), { signal });
  }
  let first: IteratorResult<Page>;
  try {
    first = await pages.next();
  } catch (error) {
    return NextResponse.json(
      { message: adminErrorMessage(error, 'admin-ecomcharge-export') },
      { status: adminErrorStatus(error) },
    );
  }
  const replay = (async function* () {
    if (first.done) return;
    yield first.value;
    for (let next = await pages.next(); !next.done; next = await pages.next()) yield next.value;
  })();
  const name = query.mode === 'day' ? query.date : `${query.from}_${query.to}`.replace(/[^0-9A-Za-z_-]/g, '');
  return new Response(transactionsToCsvStream(replay), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="ecomcharge-${name}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
}
