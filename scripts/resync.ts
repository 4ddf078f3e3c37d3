/**
 * `npm run resync` (alias `npm run reconcile`): re-reads from Amazon every order whose
 * payment is not final and processes notifications left unprocessed, then prints what
 * changed. Exits 1 if anything failed.
 *
 * On PostgreSQL it does the work itself, from any machine. On PGlite only one process may
 * open the database: when the storefront runs, the command asks it to do the work (through
 * the address and token it publishes beside the database folder); when it does not, the
 * command opens the database itself.
 */
import { loadEnvConfig } from '@next/env';
import { closeDatabase, getDatabaseHandle } from '@/lib/db';
import { PgliteLockedError } from '@/lib/db/pglite-lock';
import { readControlAddress, resyncNow } from '@/lib/jobs';
import type { ResyncResult } from '@/lib/orders/payments/resync';

const say = (text: string) => process.stdout.write(`${text}\n`);
const complain = (text: string) => process.stderr.write(`${text}\n`);

function print(result: ResyncResult, where: string): number {
  say(`Resync ${result.runId} (${where}): ${result.status}`);
  say(
    `  orders checked: ${result.ordersChecked}, changed: ${result.changes.length}, notifications processed: ${result.notificationsProcessed}`,
  );
  for (const change of result.changes) {
    say(
      `  ${change.number}: ${change.before.status} → ${change.after.status} (payment ${change.before.paymentState} → ${change.after.paymentState})`,
    );
  }
  for (const error of result.errors) complain(`  ! ${error.subject}: ${error.message}`);
  return result.status === 'succeeded' && result.errors.length === 0 ? 0 : 1;
}

async function askRunningStorefront(locked: PgliteLockedError): Promise<number> {
  const address = readControlAddress(locked.dataDir);
  if (!address) {
    complain(`${locked.message}\nThe running storefront has not published its control address; restart it, then try again.`);
    return 1;
  }
  const response = await fetch(new URL('/api/internal/resync', address.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${address.token}` },
    signal: AbortSignal.timeout(10 * 60_000),
  });
  if (!response.ok) {
    complain(`The running storefront (pid ${address.pid}) refused the resync: HTTP ${response.status}.`);
    return 1;
  }
  return print((await response.json()) as ResyncResult, `by the running storefront, pid ${address.pid}`);
}

async function main(): Promise<number> {
  // The same .env files `next start` reads, so the command talks to the same database and Amazon account.
  loadEnvConfig(process.cwd(), false, { info: () => {}, error: (message: string) => complain(String(message)) });
  try {
    await getDatabaseHandle();
  } catch (error) {
    if (error instanceof PgliteLockedError) return askRunningStorefront(error);
    throw error;
  }
  try {
    return print(await resyncNow('cli'), 'in this process');
  } finally {
    await closeDatabase();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    complain(`The resync could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
