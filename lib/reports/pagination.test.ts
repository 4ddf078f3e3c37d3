import { describe, expect, it } from 'vitest';
import { decodeReportCursor, encodeReportCursor, filtersKey } from './pagination';

const TOKEN = 'eyJtYXJrZXIiOiJBMDg0MzkwMjFUMzlLNkRUWDRKUzgifQ==/+ü';

describe('report list cursors', () => {
  it('round-trips a nextToken through a URL-safe cursor', () => {
    const cursor = encodeReportCursor(TOKEN);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeReportCursor(cursor)).toEqual({ ok: true, nextToken: TOKEN });
  });

  it('ties a cursor to its filters', () => {
    const key = filtersKey({ reportTypes: ['B', 'A'], pageSize: 10, createdSince: undefined });
    expect(key).toBe(filtersKey({ pageSize: 10, reportTypes: ['A', 'B'] }));
    const cursor = encodeReportCursor(TOKEN, key);
    expect(decodeReportCursor(cursor, key)).toEqual({ ok: true, nextToken: TOKEN });
    expect(decodeReportCursor(cursor, filtersKey({ pageSize: 20 }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('filters changed'),
    });
  });

  it('refuses tampered, foreign or oversized cursors', () => {
    for (const bad of [
      '',
      'not base64!',
      encodeReportCursor(TOKEN).slice(0, -3),
      btoa('{"v":2,"t":"x"}'),
      btoa('{"v":1,"t":""}'),
      btoa('[1,2]'),
      'A'.repeat(5000),
    ]) {
      expect(decodeReportCursor(bad)).toMatchObject({ ok: false });
    }
  });
});
