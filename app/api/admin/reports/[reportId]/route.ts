import { NextResponse } from 'next/server';
import { adminErrorMessage, adminErrorStatus } from '@/lib/auth/admin-errors';
import { reportIdSchema } from '@/lib/ids';
import { getAdminSession } from '@/lib/auth';
import { getReport } from '@/lib/reports/admin';

/** One report's status, for the poller after "Create report". Admin only. */
export async function GET(_request: Request, context: { params: Promise<{ reportId: string }> }): Promise<NextResponse> {
  if (!(await getAdminSession())) return NextResponse.json({ message: 'Sign in as the store admin.' }, { status: 401 });
  const parsed = reportIdSchema.safeParse((await context.params).reportId);
  if (!parsed.success) return NextResponse.json({ message: 'Invalid report id.' }, { status: 400 });
  try {
    return NextResponse.json(await getReport(parsed.data), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return NextResponse.json({ message: adminErrorMessage(error, 'admin-report-status') }, { status: adminErrorStatus(error) });
  }
}
