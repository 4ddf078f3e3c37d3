import { UserFacingError } from '@/lib/errors';

/** No request the shop serves needs more; server actions have the same limit (next.config.mjs). */
export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends UserFacingError {
  constructor() {
    super('The request is too large.', 'body_too_large');
  }
}

/**
 * A request's body as text, refused (BodyTooLargeError) past maxBytes without reading
 * the rest: Content-Length is checked first, and a chunked body is counted as it arrives.
 */
export async function readBodyText(request: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new BodyTooLargeError();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
