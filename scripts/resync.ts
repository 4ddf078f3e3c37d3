/**
 * `npm run resync` (alias `npm run reconcile`): re-reads from Amazon every order whose payment is not final and
 * processes notifications left unprocessed, then prints what changed. Run it from cron
 * (every few minutes) as the safety net under IPNs. Exits 1 if anything failed.
 */
import { loadEnvConfig } from '@next/env';
import { getDb } from '@/lib/db';
import { resyncPayments } from '@/lib/orders/payments/resync';
import { getAmazonPay } from '@/lib/amazon-pay/server';

async function main(): Promise<number> {
  // The same .env files `next start` reads, so the job talks to the same database and Amazon account.
  loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
  const result = await resyncPayments(await getDb(), getAmazonPay(), { trigger: 'cli' });
  console.log(`Resync ${result.runId}: ${result.status}`);
  console.log(
    `  orders checked: ${result.ordersChecked}, changed: ${result.changes.length}, notifications processed: ${result.notificationsProcessed}`,
  );
  for (const change of result.changes) {
    console.log(
      `  ${change.number}: ${change.before.status} → ${change.after.status} (payment ${change.before.paymentState} → ${change.after.paymentState})`,
    );
  }
  for (const error of result.errors) console.error(`  ! ${error.subject}: ${error.message}`);
  return result.errors.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('The resync could not run:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
