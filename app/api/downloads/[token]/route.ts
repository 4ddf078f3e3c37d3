import type { NextRequest } from 'next/server';
import { downloadTokenSchema } from '@/lib/downloads/token';
import { authorizeCurrentDownload, storedFileStream } from '@/lib/downloads';
import { DOWNLOAD_REFUSALS, type DownloadFailure } from '@/lib/downloads/refusals';
import { logFailure } from '@/lib/action-result';
import { inRequestScope } from '@/lib/request-log';
import { isSpeculativeRequest, speculativeRequestResponse } from '@/lib/speculative-request';

export const dynamic = 'force-dynamic';

/**
 * A purchased file, for the order's own browser or Amazon buyer. It counts against the
 * line's downloads, so a prefetch or preview never reaches it, and HEAD (which Next would
 * otherwise answer by running GET) is refused rather than counted.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  if (isSpeculativeRequest(request.headers)) return speculativeRequestResponse();
  return inRequestScope(request, async () => {
    const parsed = downloadTokenSchema.safeParse((await params).token);
    if (!parsed.success) return refusal(request, 'not_found');
    try {
      const decision = await authorizeCurrentDownload(parsed.data.join('.'));
      if (!decision.ok) return refusal(request, decision.refusal);
      const { file } = decision;
      return new Response(storedFileStream(file), {
        status: 200,
        headers: {
          'content-type': file.contentType,
          'content-length': String(file.size),
          'content-disposition': `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          'cache-control': 'private, no-store',
          'x-content-type-options': 'nosniff',
        },
      });
    } catch (error) {
      logFailure(error, 'downloads.serve');
      return refusal(request, 'unavailable');
    }
  });
}

export function HEAD(): Response {
  return new Response(null, { status: 405, headers: { allow: 'GET', 'cache-control': 'no-store' } });
}

/** JSON for a client that asks for it, else a short page a shopper can read. */
function refusal(request: NextRequest, reason: DownloadFailure): Response {
  const { status, message } = DOWNLOAD_REFUSALS[reason];
  const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (request.headers.get('accept')?.includes('application/json')) {
    return Response.json({ error: reason, message }, { status, headers });
  }
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Download unavailable</title></head><body><main><h1>Download unavailable</h1><p>${message}</p><p><a href="/account">Your account</a> · <a href="/">Continue shopping</a></p></main></body></html>`;
  return new Response(page, { status, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
}
