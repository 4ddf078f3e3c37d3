import { createSnsVerifier } from '@/lib/amazon-pay/ipn';
import { processNotification, recordNotification } from '@/lib/orders/payments/ipn-inbox';
import { TOPIC_ARN, type NotificationRecord } from '@/sandbox/ipn';
import { isCrash, type StorefrontProcess } from './storefront-process';
import { noteUnexpected, underChaos, type ChaosContext } from './context';

/**
 * Test-only: Amazon's IPNs reaching our side the way the route and its worker handle
 * them (verify the SNS signature, record by NotificationId, re-read the object), with
 * deliveries dropped, repeated, and workers that die before processing.
 */

/** Queues what the emulator emitted since the last look, as SNS would start delivering it. */
function collectEmitted(ctx: ChaosContext): void {
  const sent = ctx.h.sandbox.notifications();
  ctx.model.undelivered.push(...sent.slice(ctx.model.notificationCursor));
  ctx.model.notificationCursor = sent.length;
}

/** Everything Amazon emitted so far is lost for good (SNS gave up, or the endpoint was down). */
export function dropEmitted(ctx: ChaosContext): void {
  collectEmitted(ctx);
  ctx.stats.ipnDropped += ctx.model.undelivered.length;
  ctx.model.undelivered.length = 0;
}

/** The route's work for one POST: true once the notification is recorded (SNS got its 2xx). */
async function receive(ctx: ChaosContext, process: StorefrontProcess, record: NotificationRecord, worker: boolean) {
  const verifier = createSnsVerifier({
    allowedCertHosts: ['sandbox.test'],
    allowInsecureCertUrl: true,
    expectedTopicArns: [TOPIC_ARN],
    fetch: (input, init) => ctx.h.sandbox.fetch(input, init),
  });
  const verified = await verifier.verify(JSON.stringify(record.envelope, null, 2));
  if (verified.kind !== 'notification') throw new Error(`unexpected SNS message ${verified.kind}`);
  const fresh = await recordNotification(process.db, verified.messageId, verified.message);
  if (!fresh) return;
  if (!worker) {
    ctx.model.unprocessed.push(verified.message.NotificationId);
    return;
  }
  try {
    await processNotification(process.db, process.amazon, verified.message.NotificationId);
  } catch (error) {
    // The worker failed; the job queue (or the resync sweep) tries again later.
    ctx.model.unprocessed.push(verified.message.NotificationId);
    if (isCrash(error)) throw error;
  }
}

/**
 * Delivers some queued notifications. In chaos some are dropped for good, some sent
 * twice, and some recorded by a route whose worker never runs. When `drain`, every
 * queued one is delivered, once, with no faults: SNS's retries finally got through.
 */
export async function deliverNotifications(ctx: ChaosContext, drain = false): Promise<string> {
  const { prng, model } = ctx;
  collectEmitted(ctx);
  const batch = model.undelivered.splice(0, drain ? model.undelivered.length : prng.int(1, 6));
  const toSend = drain
    ? batch
    : batch.filter(() => {
        const dropped = prng.chance(0.12);
        if (dropped) ctx.stats.ipnDropped += 1;
        return !dropped;
      });
  const plan = toSend.map((record) => ({ record, worker: drain || !prng.chance(0.1), again: !drain && prng.chance(0.1) }));
  let delivered = 0;
  const results = await underChaos(
    ctx,
    'ipn',
    1,
    async (process) => {
      for (const { record, worker } of plan) {
        try {
          await receive(ctx, process, record, worker);
        } catch (error) {
          if (isCrash(error)) throw error;
          // The route answered 5xx: SNS delivers it again later.
          model.undelivered.push(record);
        }
        delivered += 1;
      }
    },
    { faults: !drain, crashes: !drain },
  );
  noteUnexpected(ctx, 'ipn', results);
  // A crashed route never answered the rest: SNS retries them.
  model.undelivered.unshift(...plan.slice(delivered).map((step) => step.record));
  for (const step of plan.slice(0, delivered)) if (step.again) model.undelivered.push(step.record);
  ctx.stats.ipnDelivered += delivered;
  return `ipn: ${batch.length} taken, ${toSend.length} sent, ${delivered} answered`;
}

/** The job queue retries notifications recorded but not processed; when `drain`, without faults or crashes. */
export async function retryUnprocessed(ctx: ChaosContext, drain = false): Promise<string> {
  const ids = ctx.model.unprocessed.splice(0, ctx.model.unprocessed.length);
  let tried = 0;
  let done = 0;
  const results = await underChaos(
    ctx,
    'ipn-worker',
    1,
    async (process) => {
      for (const id of ids) {
        tried += 1;
        try {
          await processNotification(process.db, process.amazon, id);
          done += 1;
        } catch (error) {
          ctx.model.unprocessed.push(id);
          if (isCrash(error)) throw error;
        }
      }
    },
    { faults: !drain, crashes: !drain },
  );
  noteUnexpected(ctx, 'ipn-worker', results);
  // Those after a crash were never tried.
  ctx.model.unprocessed.push(...ids.slice(tried));
  return `ipn-worker: ${done} of ${ids.length} processed`;
}
