import { NextResponse } from 'next/server';
import { adminErrorMessage, adminErrorStatus } from '@/lib/auth/admin-errors';
import { parseEcomQuery } from '@/lib/reports/ecomcharge-query';
import { getAdminSession } from '@/lib/auth';
import { ecomchargeAvailability, exportEcomchargeCsv } from '@/lib/reports/admin';

/**
 * eComCharge transactions as CSV, streamed. The first page is read before answering
 * (lib/reports/admin.ts), so a 401 or 422 becomes a clear error instead of a broken file.
 * Admin only.
 */
export async function GET(request: Request): Promise<Response> {
  if (!(await getAdminSession())) return NextResponse.json({ message: 'Sign in as the store admin.' }, { status: 401 });
  const parsed = parseEcomQuery(new URL(request.url).searchParams);
  if (parsed.ok !== true)
    return NextResponse.json({ message: parsed.ok === 'empty' ? 'Pick a day or a period.' : parsed.message }, { status: 400 });
  const setup = ecomchargeAvailability();
  if (!setup.ok) return NextResponse.json({ message: setup.message }, { status: 503 });
  let csv: Awaited<ReturnType<typeof exportEcomchargeCsv>>;
  try {
    csv = await exportEcomchargeCsv(parsed.query, { signal: request.signal });
  } catch (error) {
    return NextResponse.json(
      { message: adminErrorMessage(error, 'admin-ecomcharge-export') },
      { status: adminErrorStatus(error) },
    );
  }
  return new Response(csv.body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${csv.filename}"`,
      'cache-control': 'private, no-store',
    },
  });
}
