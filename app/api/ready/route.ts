import { NextResponse } from 'next/server';
import { checkServerReadiness } from '@/lib/health';

export const dynamic = 'force-dynamic';

/** Readiness for a load balancer: 200 when every dependency holds, 503 otherwise. */
export async function GET(): Promise<NextResponse> {
  const readiness = await checkServerReadiness();
  return NextResponse.json(
    { status: readiness.ready ? 'ready' : 'not ready', checks: readiness.checks },
    { status: readiness.ready ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  );
}
