import { describe, expect, it } from 'vitest';
import { snsIdentity } from '@/sandbox/sns-cert';
import { createCertificateCache, type FetchLike } from './cert-cache';

function servingCertificate() {
  const urls: string[] = [];
  const fetchLike: FetchLike = async (url) => {
    urls.push(url);
    return new Response(snsIdentity().certificatePem);
  };
  return { urls, fetchLike };
}

describe('certificate cache', () => {
  it('forgets the oldest entry past maxEntries', async () => {
    const { urls, fetchLike } = servingCertificate();
    const cache = createCertificateCache({ fetch: fetchLike, ttlMs: 60_000, timeoutMs: 1_000, now: () => 0, maxEntries: 2 });
    await cache.get('https://a/1.pem');
    await cache.get('https://a/2.pem');
    await cache.get('https://a/3.pem');
    expect(cache.size).toBe(2);
    await cache.get('https://a/3.pem');
    await cache.get('https://a/1.pem');
    expect(urls).toEqual(['https://a/1.pem', 'https://a/2.pem', 'https://a/3.pem', 'https://a/1.pem']);
  });

  it('refuses to follow redirects and sets a timeout', async () => {
    const seen: Array<RequestInit | undefined> = [];
    const cache = createCertificateCache({
      fetch: async (_url, init) => {
        seen.push(init);
        return new Response(snsIdentity().certificatePem);
      },
      ttlMs: 1,
      timeoutMs: 1_000,
      now: () => 0,
      maxEntries: 1,
    });
    await cache.get('https://a/1.pem');
    expect(seen[0]?.redirect).toBe('error');
    expect(seen[0]?.signal).toBeInstanceOf(AbortSignal);
  });
});
