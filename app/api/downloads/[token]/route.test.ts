import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DownloadDecision } from '@/lib/downloads/delivery';
import { findStoredFile, storedFileStream } from '@/lib/downloads/storage';
import { SPECULATIVE_REQUEST_HEADERS } from '@/test/speculative-requests';

// Records what the route asks of lib/downloads: a speculative request must ask nothing.
const downloads = vi.hoisted(() => ({ tokens: [] as string[], decision: null as DownloadDecision | null }));
vi.mock('@/lib/downloads', () => ({
  authorizeCurrentDownload: async (token: string) => {
    downloads.tokens.push(token);
    return downloads.decision;
  },
  storedFileStream,
}));

const { GET, HEAD } = await import('./route');

const TOKEN = `${'6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b'}.${'b7e8f9a0-1b2c-4d3e-9f4a-5b6c7d8e9f0a'}.1772452800.${'s'.repeat(43)}`;
const dir = mkdtempSync(path.join(tmpdir(), 'download-route-'));
const bytes = Buffer.from('%PDF-1.4\nthe field guide\n%%EOF\n');
writeFileSync(path.join(dir, 'field guide.pdf'), bytes);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (token: string, headers: Record<string, string> = {}) =>
  GET(new NextRequest(`http://localhost:3999/api/downloads/${token}`, { headers }), { params: Promise.resolve({ token }) });

describe('GET /api/downloads/[token]', () => {
  beforeEach(() => {
    downloads.tokens = [];
    downloads.decision = null;
  });

  it.each(SPECULATIVE_REQUEST_HEADERS)('counts nothing for %s', async (_name, headers) => {
    const response = await get(TOKEN, headers);
    expect(response.status).toBe(204);
    expect(downloads.tokens).toEqual([]);
  });

  it('answers HEAD without counting', () => {
    expect(HEAD().status).toBe(405);
  });

  it('refuses a malformed token before asking anything', async () => {
    const response = await get('not-a-token', { accept: 'application/json' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not_found', message: 'This download link is not valid.' });
    expect(downloads.tokens).toEqual([]);
  });

  it.each([
    ['not_yours', 403],
    ['not_paid', 403],
    ['expired', 410],
    ['used_up', 410],
    ['not_found', 404],
  ] as const)('answers a %s refusal with %i and words, as a page or JSON', async (refusal, status) => {
    downloads.decision = { ok: false, refusal };
    const page = await get(TOKEN, { accept: 'text/html' });
    expect(page.status).toBe(status);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<h1>Download unavailable</h1>');
    const json = await get(TOKEN, { accept: 'application/json' });
    expect(json.status).toBe(status);
    expect((await json.json()) as unknown).toMatchObject({ error: refusal });
  });

  it('streams an authorized file as an attachment of its type', async () => {
    downloads.decision = { ok: true, downloads: 1, file: (await findStoredFile(dir, 'field guide.pdf'))! };
    const response = await get(TOKEN);
    expect(downloads.tokens).toEqual([TOKEN]);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="field_guide.pdf"; filename*=UTF-8''field%20guide.pdf`,
    );
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });
});
