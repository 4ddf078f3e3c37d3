import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AmazonPayClient } from '@/lib/amazon-pay';
import { createHarness, type Harness } from '@/test/sandbox-harness';

const { current } = vi.hoisted(() => ({ current: { client: null as AmazonPayClient | null, revalidated: 0 } }));
vi.mock('@/lib/auth', () => ({ assertAdmin: async () => ({ user: { email: 'admin@example.com', role: 'admin' } }) }));
vi.mock('@/lib/amazon-pay/server', () => ({ getAmazonPay: () => current.client }));
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
vi.mock('next/cache', () => ({ revalidatePath: () => (current.revalidated += 1) }));

const { createScheduleAction } = await import('./report-actions');

const REFUNDS = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_';
const CAPTURES = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_CAPTURE_DATA_';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** One schedule per report type (https://developer.amazon.com/docs/amazon-pay-reports/managing-report-schedules.html). */
describe('createScheduleAction', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    current.client = h.client;
    current.revalidated = 0;
  });
  const schedules = async () =>
    (await h.client.getReportSchedules()).reportSchedules.map((schedule) => [schedule.reportType, schedule.scheduleFrequency]);

  it('refuses a second schedule for a type in words, re-reads the list, and replaces exactly the one sent', async () => {
    expect(await createScheduleAction(null, form({ reportType: REFUNDS, scheduleFrequency: 'P1D' }))).toMatchObject({
      ok: true,
      reportType: REFUNDS,
      scheduleFrequency: 'P1D',
    });

    const refused = await createScheduleAction(null, form({ reportType: REFUNDS, scheduleFrequency: 'P7D' }));
    expect(refused).toEqual({
      ok: false,
      message: 'A Refunds schedule exists already. Tick "Replace the existing schedule" to replace it with this one.',
    });
    // The page is re-read after the refusal too, so the form learns the schedule exists and offers Replace.
    expect(current.revalidated).toBe(2);
    expect(await schedules()).toEqual([[REFUNDS, 'P1D']]);

    const replaced = await createScheduleAction(
      null,
      form({ reportType: REFUNDS, scheduleFrequency: 'P7D', deleteExistingSchedule: 'on' }),
    );
    expect(replaced).toMatchObject({ ok: true, reportType: REFUNDS, scheduleFrequency: 'P7D' });
    expect(await schedules()).toEqual([[REFUNDS, 'P7D']]);
  });

  it('creates a schedule for another type beside it, and refuses what cannot be scheduled', async () => {
    await createScheduleAction(null, form({ reportType: REFUNDS, scheduleFrequency: 'P1D' }));
    expect(await createScheduleAction(null, form({ reportType: CAPTURES, scheduleFrequency: 'PT12H' }))).toMatchObject({
      ok: true,
    });
    expect(await schedules()).toEqual(
      expect.arrayContaining([
        [REFUNDS, 'P1D'],
        [CAPTURES, 'PT12H'],
      ]),
    );
    const live = await createScheduleAction(
      null,
      form({ reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_', scheduleFrequency: 'P1D' }),
    );
    expect(live).toMatchObject({ ok: false, fieldErrors: { reportType: ['This report type cannot be scheduled.'] } });
  });
});
