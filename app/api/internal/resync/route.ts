import { NextResponse } from 'next/server';
import { isControlToken, resyncNow } from '@/lib/jobs';
import { inRequestScope } from '@/lib/request-log';
import { answeringErrors } from '@/lib/route-errors';

export const dynamic = 'force-dynamic';

/**
 * `npm run resync` beside a running storefront on PGlite: the command cannot open the
 * database, so it asks here, proving itself with the token the storefront published
 * beside the database folder. Anyone else gets a 401 and nothing runs.
 */
export const POST = answeringErrors('internal-resync', async (request: Request): Promise<NextResponse> => {
  if (!isControlToken(request.headers.get('authorization'))) {
    return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  }
  return inRequestScope(request, async () => NextResponse.json(await resyncNow('cli')));
});
