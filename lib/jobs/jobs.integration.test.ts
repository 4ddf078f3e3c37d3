import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '@/lib/catalog/seed';
import type { DatabaseHandle } from '@/lib/db/connection';
import { notificationsReceived, orders } from '@/lib/db/schema';
import { recordNotification } from '@/lib/orders/payments/ipn-inbox';
import { completedOrder } from '@/test/checkout-fixtures';
import { testDatabaseTargets } from '@/test/databases';
import { formatAmazonTimestamp } from '@/lib/amazon-pay';
import { createHarness, START, type Harness } from '@/test/sandbox-harness';
import { processIpnJob } from './ipn';
import { ReportNotReadyError, reportFollowUpJob, reportSchedulesJob } from './report-follow-up';
import { resyncSweepJob } from './resync-sweep';
import type { JobRunner } from './runner';
import { jobInState, startTestRunner } from '@/test/jobs';

describe.each(testDatabaseTargets)('background jobs against the sandbox on $name', (target) => {
  let handle: DatabaseHandle;
  let h: Harness;
  let runner: JobRunner;
  const sweep = resyncSweepJob('*/5 * * * *');

  beforeAll(async () => {
    handle = await target.open();
    await seedCatalog(handle.db, 'USD');
    h = await createHarness();
    runner = await startTestRunner(handle, [sweep, processIpnJob], { amazon: h.client });
  });
  afterAll(async () => {
    await runner?.stop(5_000);
    await handle?.close();
  });

  const statusOf = async (number: string) =>
    (await handle.db.select({ status: orders.status }).from(orders).where(eq(orders.number, number)))[0]?.status;

  it('processes a recorded IPN in the worker: the order follows what Amazon says', async () => {
    const { number, chargeId } = await completedOrder(handle.db, h, {
      slugs: ['enamel-camp-mug'],
      card: '1111',
      shopperTokenHash: 'd'.repeat(64),
    });
    await h.client.captureCharge(
      chargeId,
      { captureAmount: { amount: '29.55', currencyCode: 'USD' } },
      { idempotencyKey: 'capture-behind-our-back-1' },
    );
    const message = h.sandbox
      .notifications()
      .map((record) => record.message)
      .filter((candidate) => candidate.ObjectId === chargeId)
      .at(-1)!;
    expect(await recordNotification(handle.db, `msg-${message.NotificationId}`, message)).toBe(true);
    const first = await runner.enqueue(
      processIpnJob,
      { notificationId: message.NotificationId },
      { singletonKey: message.NotificationId },
    );
    expect(first).toBeTruthy();
    const job = await jobInState(runner.boss, processIpnJob.name, first!, 'completed');
    expect(job?.output).toEqual({ notificationId: message.NotificationId, status: 'processed' });
    expect(await statusOf(number)).toBe('paid');
    const [row] = await handle.db
      .select()
      .from(notificationsReceived)
      .where(eq(notificationsReceived.notificationId, message.NotificationId));
    expect(row).toMatchObject({ status: 'processed', attempts: 1 });
  });

  it('runs the resync sweep on request and keeps its summary', async () => {
    await completedOrder(handle.db, h, { slugs: ['enamel-camp-mug'], card: '1111', shopperTokenHash: 'e'.repeat(64) });
    const id = await runner.enqueue(sweep, { trigger: 'admin' });
    const job = await jobInState(runner.boss, sweep.name, id!, 'completed');
    expect(job?.state).toBe('completed');
    expect(job?.output).toMatchObject({ status: 'succeeded', errorCount: 0 });
    expect(Number((job?.output as { ordersChecked: number }).ordersChecked)).toBeGreaterThanOrEqual(1);
  });
});

describe('report follow-up against the sandbox', () => {
  const CAPTURES = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_CAPTURE_DATA_';
  const at = (ms: number) => formatAmazonTimestamp(new Date(ms));

  it('waits for a report Amazon is still generating, then keeps what Amazon finished', async () => {
    const h = await createHarness();
    const { reportId } = await h.client.createReport({
      reportType: CAPTURES,
      startTime: at(START - 86_400_000),
      endTime: at(START),
    });
    const context = { db: undefined as never, amazon: h.client, jobId: 'test', enqueue: async () => null };
    await expect(reportFollowUpJob.run({ reportId }, context)).rejects.toThrow(ReportNotReadyError);
    h.sandbox.advance(10);
    await expect(reportFollowUpJob.run({ reportId }, context)).resolves.toMatchObject({
      reportId,
      reportType: CAPTURES,
      // Nothing was captured in the period, so Amazon cancels the report instead of finishing an empty one.
      status: 'CANCELLED',
      reportDocumentId: null,
    });
  });

  it('follows up the reports a schedule started that are still in progress', async () => {
    const h = await createHarness();
    await h.client.createReportSchedule({ reportType: CAPTURES, scheduleFrequency: 'PT1H' });
    const { reportId } = await h.client.createReport({
      reportType: CAPTURES,
      startTime: at(START - 86_400_000),
      endTime: at(START),
    });
    const queued: unknown[] = [];
    const summary = await reportSchedulesJob(() => new Date(START + 1000)).run(
      { trigger: 'schedule' },
      {
        db: undefined as never,
        amazon: h.client,
        jobId: 'test',
        enqueue: async (job, payload) => {
          queued.push([job.name, payload]);
          return 'queued';
        },
      },
    );
    expect(summary).toMatchObject({ schedules: 1, reportsInProgress: 1 });
    expect(queued).toEqual([[reportFollowUpJob.name, { reportId }]]);
  });
});
