import { describe, expect, it } from 'vitest';
import { FREQUENCY_MS } from '@/sandbox/reports';
import { SETTLEMENT_TYPES, TRANSACTION_TYPES } from '@/sandbox/report-format';
import {
  canCreateReport,
  canScheduleReport,
  isScheduleFrequency,
  isSettlementReportType,
  isTerminalReportStatus,
  REPORT_TYPES,
  reportStatusLabel,
  reportTypeLabel,
  reportTypesFor,
  SCHEDULE_FREQUENCIES,
  scheduleFrequencyLabel,
} from './report-types';

describe('report types', () => {
  it('knows every type the sandbox knows', () => {
    const ours = REPORT_TYPES.map((info) => info.type as string);
    for (const type of [...SETTLEMENT_TYPES, ...TRANSACTION_TYPES]) expect(ours).toContain(type);
  });

  it('offers the sandbox settlement for create and schedule in the sandbox only, and the live one never', () => {
    const [sandboxSettlement, liveSettlement] = SETTLEMENT_TYPES;
    for (const type of SETTLEMENT_TYPES) expect(isSettlementReportType(type)).toBe(true);
    for (const sandbox of [true, false]) {
      expect([canCreateReport(liveSettlement, sandbox), canScheduleReport(liveSettlement, sandbox)]).toEqual([false, false]);
      expect([canCreateReport(sandboxSettlement, sandbox), canScheduleReport(sandboxSettlement, sandbox)]).toEqual([
        sandbox,
        sandbox,
      ]);
      expect(reportTypesFor(sandbox).some((info) => info.type === sandboxSettlement)).toBe(sandbox);
      for (const type of TRANSACTION_TYPES)
        expect([canCreateReport(type, sandbox), canScheduleReport(type, sandbox)]).toEqual([true, true]);
    }
    expect(canCreateReport('_GET_CSV_CUSTOM_OFFAMAZONPAYMENTS_MULTI_CURRENCY_PAYMENTS_DATA_', false)).toBe(true);
    expect(canScheduleReport('_GET_CSV_CUSTOM_OFFAMAZONPAYMENTS_MULTI_CURRENCY_PAYMENTS_DATA_', false)).toBe(false);
    expect(canCreateReport('_SOMETHING_NEW_', true)).toBe(false);
  });

  it('labels known values and shows unknown ones as they are', () => {
    expect(reportTypeLabel('_GET_FLAT_FILE_OFFAMAZONPAYMENTS_CAPTURE_DATA_')).toBe('Captures');
    expect(reportTypeLabel('_SOMETHING_NEW_')).toBe('_SOMETHING_NEW_');
    expect(reportStatusLabel('CANCELLED')).toBe('Cancelled (or no data)');
    expect(reportStatusLabel('QUEUED')).toBe('QUEUED');
    expect(isTerminalReportStatus('COMPLETED')).toBe(true);
    expect(isTerminalReportStatus('IN_PROGRESS')).toBe(false);
    expect(isTerminalReportStatus('QUEUED')).toBe(false);
  });

  it('lists the same frequencies as the sandbox, with matching durations', () => {
    expect(SCHEDULE_FREQUENCIES.map((entry) => entry.frequency)).toEqual(Object.keys(FREQUENCY_MS));
    for (const entry of SCHEDULE_FREQUENCIES) expect(entry.minutes * 60_000).toBe(FREQUENCY_MS[entry.frequency]);
    expect(isScheduleFrequency('P7D')).toBe(true);
    expect(isScheduleFrequency('P1M')).toBe(false);
    expect(scheduleFrequencyLabel('P1D')).toBe('Daily');
  });
});
