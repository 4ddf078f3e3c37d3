import { describe, expect, it } from 'vitest';
import { signDownloadToken, verifyDownloadToken } from './token';

const KEY = 'k'.repeat(43);
const ORDER = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
const OTHER_ORDER = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const LINE = 'b7e8f9a0-1b2c-4d3e-9f4a-5b6c7d8e9f0a';
const NOW = new Date('2026-03-01T12:00:00Z');
const LATER = new Date('2026-03-02T12:00:00Z');

const token = signDownloadToken({ orderId: ORDER, lineId: LINE, expiresAt: LATER }, KEY);
const parts = token.split('.');
const withPart = (index: number, value: string) => parts.map((part, at) => (at === index ? value : part)).join('.');

describe('download tokens', () => {
  it('verify with the key that signed them, until they expire', () => {
    expect(verifyDownloadToken(token, KEY, NOW)).toEqual({ ok: true, claim: { orderId: ORDER, lineId: LINE, expiresAt: LATER } });
    expect(verifyDownloadToken(token, KEY, LATER)).toEqual({ ok: false, reason: 'expired' });
  });

  it.each([
    ['another order', withPart(0, OTHER_ORDER)],
    ['another line', withPart(1, OTHER_ORDER)],
    ['a later expiry', withPart(2, String(Number(parts[2]) + 3600))],
    ['a changed signature', withPart(3, `${parts[3]!.slice(0, -1)}${parts[3]!.endsWith('A') ? 'B' : 'A'}`)],
    ['a missing part', parts.slice(0, 3).join('.')],
    ['no structure at all', 'not-a-token'],
    ['a padded signature', `${token}=`],
  ])('refuse %s', (_case, tampered) => {
    expect(verifyDownloadToken(tampered, KEY, NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuse a token signed with another key, even once expired', () => {
    const forged = signDownloadToken({ orderId: ORDER, lineId: LINE, expiresAt: NOW }, 'x'.repeat(43));
    expect(verifyDownloadToken(forged, KEY, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyDownloadToken(forged, KEY, LATER)).toEqual({ ok: false, reason: 'invalid' });
  });
});
