import { X509Certificate } from 'node:crypto';
import { InvalidNotificationError } from './errors';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface CertificateCacheOptions {
  fetch: FetchLike;
  ttlMs: number;
  timeoutMs: number;
  now: () => number;
  maxEntries: number;
}

export interface CertificateCache {
  /** Resolves the certificate at an already-checked URL; rejects with InvalidNotificationError('cert-unavailable'). */
  get(url: string): Promise<X509Certificate>;
  readonly size: number;
  clear(): void;
}

// A PEM certificate is ~2 KiB; anything far larger is not one.
const MAX_CERT_BYTES = 64 * 1024;

/**
 * Certificates by URL. SNS names each signing
 * certificate by its own URL, so a cached entry never goes stale in content; the TTL
 * only bounds how long a retired one stays in memory. The promise is cached, not the
 * result, so a burst of IPNs after a cold start shares one fetch. Failures are
 * dropped at once, so one network blip does not refuse every later notification.
 */
export function createCertificateCache(options: CertificateCacheOptions): CertificateCache {
  const entries = new Map<string, { certificate: Promise<X509Certificate>; expiresAt: number }>();

  async function load(url: string): Promise<X509Certificate> {
    let pem: string;
    try {
      // redirect 'error': a redirect could lead away from the host we just allowed.
      const response = await options.fetch(url, { redirect: 'error', signal: AbortSignal.timeout(options.timeoutMs) });
      if (!response.ok) throw new Error(`status ${response.status}`);
      pem = await response.text();
    } catch (error) {
      throw new InvalidNotificationError('cert-unavailable', `signing certificate could not be fetched from ${url}`, {
        cause: error,
      });
    }
    if (pem.length > MAX_CERT_BYTES)
      throw new InvalidNotificationError('cert-unavailable', `signing certificate at ${url} is too large`);
    try {
      return new X509Certificate(pem);
    } catch (error) {
      throw new InvalidNotificationError('cert-unavailable', `signing certificate at ${url} is not an X.509 PEM`, {
        cause: error,
      });
    }
  }

  return {
    get(url) {
      const now = options.now();
      const hit = entries.get(url);
      if (hit && hit.expiresAt > now) return hit.certificate;
      entries.delete(url);
      const certificate = load(url);
      entries.set(url, { certificate, expiresAt: now + options.ttlMs });
      certificate.catch(() => {
        if (entries.get(url)?.certificate === certificate) entries.delete(url);
      });
      // Map keeps insertion order, so the first key is the oldest entry.
      while (entries.size > options.maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done === true) break;
        entries.delete(oldest.value);
      }
      return certificate;
    },
    get size() {
      return entries.size;
    },
    clear() {
      entries.clear();
    },
  };
}
