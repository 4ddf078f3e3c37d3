import { sha256Hex } from '@/lib/amazon-pay/signing';
import { SandboxHttpError, type RawRequest } from './http';

/**
 * https://developer.amazon.com/docs/amazon-pay-api-v2/idempotency.html: POST only; the first response is replayed for
 * the same key, the same key with other values is 400 DuplicateIdempotencyKey.
 * Keys are ≤32 chars of [A-Za-z0-9_-], scoped per merchant (here: per publicKeyId's
 * merchant, which is one merchant in the sandbox, so scoped globally per key id).
 */
const KEY_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

interface StoredResponse {
  fingerprint: string;
  status: number;
  body: string;
  headers: Array<[string, string]>;
}

export type IdempotencyRule = 'required' | 'optional' | 'none';

export class IdempotencyStore {
  private readonly entries = new Map<string, StoredResponse>();

  clear(): void {
    this.entries.clear();
  }

  /** Returns the replayed response, or a `save` callback for the fresh one. */
  check(
    request: RawRequest,
    scope: string,
    rule: IdempotencyRule,
  ): { replay: Response } | { save: (response: Response) => Promise<Response> } | null {
    if (request.method !== 'POST' || rule === 'none') return null;
    const key = request.headers.get('x-amz-pay-idempotency-key');
    if (key === null || key.trim() === '') {
      if (rule === 'required')
        throw new SandboxHttpError(400, 'MissingHeader', "The mandatory header 'x-amz-pay-idempotency-key' is missing.");
      return null;
    }
    if (!KEY_PATTERN.test(key.trim()))
      throw new SandboxHttpError(
        400,
        'InvalidHeaderValue',
        "The value provided for header 'x-amz-pay-idempotency-key' is invalid.",
      );
    const id = `${scope}|${key.trim()}`;
    const fingerprint = sha256Hex(
      `${request.method} ${request.url.pathname.replace(/\/+$/, '')}\n${new TextDecoder().decode(request.body)}`,
    );
    const stored = this.entries.get(id);
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        throw new SandboxHttpError(
          400,
          'DuplicateIdempotencyKey',
          'The idempotency key was already used with different request values.',
        );
      }
      return { replay: new Response(stored.body, { status: stored.status, headers: stored.headers }) };
    }
    return {
      save: async (response: Response) => {
        const body = await response.text();
        const headers = [...response.headers.entries()];
        // Server faults are not the "first response": a retry with the same key must be able to succeed.
        if (response.status < 500 && response.status !== 429)
          this.entries.set(id, { fingerprint, status: response.status, body, headers });
        return new Response(body, { status: response.status, headers });
      },
    };
  }
}
