import { describe, expect, it } from 'vitest';
import { parseFilterDate, toAmazonTimestamp, validateReportListFilters } from './date-range';

const NOW = new Date(Date.UTC(2026, 0, 15, 12, 0, 0));

describe('validateReportListFilters', () => {
  it('accepts no filters and defaults the page size to 10', () => {
    expect(validateReportListFilters({}, NOW)).toEqual({ ok: true, value: { pageSize: 10 } });
    expect(validateReportListFilters({ createdSince: '', createdUntil: null, pageSize: '' }, NOW)).toEqual({
      ok: true,
      value: { pageSize: 10 },
    });
  });

  it("converts to Amazon's yyyyMMddTHHmmssZ; a bare until-date covers its day", () => {
    const result = validateReportListFilters({ createdSince: '2026-01-01', createdUntil: '2026-01-10', pageSize: '25' }, NOW);
    expect(result).toEqual({
      ok: true,
      value: { createdSince: '20260101T000000Z', createdUntil: '20260110T235959Z', pageSize: 25 },
    });
    const exact = validateReportListFilters({ createdSince: '2026-01-01T08:30', createdUntil: '2026-01-02T10:00:00+02:00' }, NOW);
    expect(exact).toMatchObject({ ok: true, value: { createdSince: '20260101T083000Z', createdUntil: '20260102T080000Z' } });
    expect(
      validateReportListFilters({ createdSince: '20260101T000000Z', createdUntil: new Date(Date.UTC(2026, 0, 2)) }, NOW),
    ).toMatchObject({ ok: true });
  });

  it('refuses since after until', () => {
    const result = validateReportListFilters({ createdSince: '2026-01-10', createdUntil: '2026-01-01T00:00' }, NOW);
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { createdUntil: '"Created until" must not be before "created since".' },
    });
  });

  it('refuses ranges over 90 days, counting an open end as now', () => {
    expect(validateReportListFilters({ createdSince: '2025-01-01', createdUntil: '2025-04-02' }, NOW)).toMatchObject({
      ok: false,
      fieldErrors: { createdSince: expect.stringContaining('90 days') },
    });
    expect(validateReportListFilters({ createdSince: '2025-01-01', createdUntil: '2025-03-31T23:59:59Z' }, NOW)).toMatchObject({
      ok: true,
    });
    expect(validateReportListFilters({ createdSince: '2025-10-01' }, NOW)).toMatchObject({
      ok: false,
      fieldErrors: { createdSince: expect.stringContaining('90 days') },
    });
    expect(validateReportListFilters({ createdSince: '2025-10-20' }, NOW)).toMatchObject({ ok: true });
  });

  it('checks the page size is 1–100', () => {
    for (const bad of [0, 101, 2.5, '10x', '-1']) {
      expect(validateReportListFilters({ pageSize: bad }, NOW)).toMatchObject({
        ok: false,
        fieldErrors: { pageSize: 'Page size must be a whole number from 1 to 100.' },
      });
    }
    expect(validateReportListFilters({ pageSize: 100 }, NOW)).toMatchObject({ ok: true, value: { pageSize: 100 } });
    expect(validateReportListFilters({ pageSize: 1 }, NOW)).toMatchObject({ ok: true, value: { pageSize: 1 } });
  });

  it('explains unreadable and impossible dates, and future starts', () => {
    expect(validateReportListFilters({ createdSince: 'yesterday' }, NOW)).toMatchObject({
      ok: false,
      fieldErrors: { createdSince: expect.stringContaining('2026-01-15') },
    });
    expect(validateReportListFilters({ createdUntil: '2026-02-31' }, NOW)).toMatchObject({
      ok: false,
      fieldErrors: { createdUntil: expect.any(String) },
    });
    expect(validateReportListFilters({ createdSince: '2026-02-01' }, NOW)).toMatchObject({
      ok: false,
      fieldErrors: { createdSince: '"Created since" is in the future.' },
    });
  });
});

describe('date helpers', () => {
  it('formats and parses', () => {
    expect(toAmazonTimestamp(new Date(Date.UTC(2022, 10, 14, 7, 45, 50, 123)))).toBe('20221114T074550Z');
    expect(parseFilterDate('20221114T074550Z')?.toISOString()).toBe('2022-11-14T07:45:50.000Z');
    expect(parseFilterDate('2022-11-14', true)?.toISOString()).toBe('2022-11-14T23:59:59.000Z');
    expect(parseFilterDate('14/11/2022')).toBeNull();
  });
});
