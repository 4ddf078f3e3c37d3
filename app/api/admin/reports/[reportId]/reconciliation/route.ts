import { NextResponse } from 'next/server';
import { adminErrorMessage, adminErrorStatus } from '@/lib/auth/admin-errors';
import { reportIdSchema } from '@/lib/ids';
import { getAdminSession } from '@/lib/auth';
import { reconciliationCsv } from '@/lib/reports/admin';

/** The settlement reconciliation as CSV for finance. Admin only. */
export async function GET(_request: Request, context: { params: Promise<{ reportId: string }> }): Promise<Response> {
  if (!(await getAdminSession())) return NextResponse.json({ message: 'Sign in as the store admin.' }, { status: 401 });
  const parsed = reportIdSchema.safeParse((await context.params).reportId);
  if (!parsed.success) return NextResponse.json({ message: 'Invalid report id.' }, { status: 400 });
  try {
    return new Response(await reconciliationCsv(parsed.data), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="reconciliation-${parsed.data}.csv"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    return NextResponse.json(
      { message: adminErrorMessage(error, 'admin-reconciliation-csv') },
      { status: adminErrorStatus(error) },
    );
  }
}
