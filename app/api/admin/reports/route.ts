import { NextResponse } from 'next/server';
import { textInput } from '@/lib/text-input';
import { adminErrorMessage, adminErrorStatus } from '@/lib/auth/admin-errors';
import { filterValuesFrom, parseReportFilters } from '@/lib/reports/report-filters';
import { getAdminSession } from '@/lib/auth';
import { listReports } from '@/lib/reports/admin';
import { decodeReportCursor } from '@/lib/reports/pagination';

const cursorSchema = textInput(4096).optional();
const noStore = { 'cache-control': 'no-store' };

/** One page of getReports for the admin list ("Load more" follows nextCursor). Admin only. */
export async function GET(request: Request): Promise<NextResponse> {
  if (!(await getAdminSession())) return NextResponse.json({ message: 'Sign in as the store admin.' }, { status: 401 });
  const params = new URL(request.url).searchParams;
  const filters = parseReportFilters(filterValuesFrom(params));
  if (!filters.ok) return NextResponse.json({ message: filters.message, fieldErrors: filters.fieldErrors }, { status: 400 });
  const cursor = cursorSchema.safeParse(params.get('cursor') ?? undefined);
  if (!cursor.success) return NextResponse.json({ message: 'Invalid page cursor.' }, { status: 400 });

  let query: Parameters<typeof listReports>[0] = filters.query;
  if (cursor.data) {
    // Amazon wants nextToken as the only parameter (https://developer.amazon.com/docs/amazon-pay-api-v2/reports.html);
    // the cursor remembers the filters it belongs to.
    const decoded = decodeReportCursor(cursor.data, filters.key);
    if (!decoded.ok) return NextResponse.json({ message: decoded.message }, { status: 400 });
    query = { nextToken: decoded.nextToken };
  }
  try {
    return NextResponse.json(await listReports(query, filters.key), { headers: noStore });
  } catch (error) {
    return NextResponse.json(
      { message: adminErrorMessage(error, 'admin-reports-list') },
      { status: adminErrorStatus(error), headers: noStore },
    );
  }
}
