/**
 * `npm run worker`: a process that only works the background queue (resync sweep, IPN
 * processing, …), for merchants who run dedicated workers beside web instances started
 * with JOBS_WORKER=false. It needs PostgreSQL when the storefront runs too: a PGlite
 * folder belongs to one process.
 */
import { loadEnvConfig } from '@next/env';
import { closeDatabase } from '@/lib/db';
import { startBackgroundWork } from '@/lib/jobs';
import { errorFields, log } from '@/lib/log';
import { onShutdown } from '@/lib/shutdown';

async function main(): Promise<void> {
  loadEnvConfig(process.cwd(), false, { info: () => {}, error: (message: string) => log.warn({ context: 'env' }, message) });
  const runner = await startBackgroundWork({ work: true });
  onShutdown(async () => {
    await runner.stop();
    await closeDatabase();
  });
  log.info({ context: 'worker', jobs: runner.jobs.map((job) => job.name) }, 'worker started; stop it with SIGTERM');
}

main().catch(async (error: unknown) => {
  log.fatal({ context: 'worker', ...errorFields(error) }, 'the worker could not start');
  await closeDatabase().catch(() => undefined);
  process.exit(1);
});
