import { NextResponse } from 'next/server';
import { adminErrorMessage, adminErrorStatus } from '@/lib/auth/admin-errors';
import { reportIdSchema } from '@/lib/ids';
import { getAdminSession } from '@/lib/auth';
import { downloadReportDocument } from '@/lib/reports/admin';

/**
 * Streams the report document to the browser as an attachment. The pre-signed URL is
 * fetched per download (it is valid for 30 seconds,
 * https://developer.amazon.com/docs/amazon-pay-api-v2/reports.html) and never shown to
 * the browser. Admin only.
 */
export async function GET(request: Request, context: { params: Promise<{ reportId: string }> }): Promise<Response> {
  if (!(await getAdminSession())) return NextResponse.json({ message: 'Sign in as the store admin.' }, { status: 401 });
  const parsed = reportIdSchema.safeParse((await context.params).reportId);
  if (!parsed.success) return NextResponse.json({ message: 'Invalid report id.' }, { status: 400 });
  try {
    // The browser's abort signal stops the upstream download when the admin cancels.
    return await downloadReportDocument(parsed.data, { signal: request.signal });
  } catch (error) {
    return NextResponse.json({ message: adminErrorMessage(error, 'admin-report-document') }, { status: adminErrorStatus(error) });
  }
}
