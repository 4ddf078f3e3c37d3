/**
 * `npm run worker`: a process that only works the background queue (resync sweep, IPN
 * processing, …), for merchants who run dedicated workers beside web instances started
 * with JOBS_WORKER=false. It needs PostgreSQL when the storefront runs too: a PGlite
 * folder belongs to one process.
 */
import { loadEnvConfig } from '@next/env';
import { closeDatabase } from '@/lib/db';
import { startBackgroundWork } from '@/lib/jobs';
import { onShutdown } from '@/lib/shutdown';

async function main(): Promise<void> {
  loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
  const runner = await startBackgroundWork({ work: true });
  onShutdown(async () => {
    await runner.stop();
    await closeDatabase();
  });
  console.log(`Worker ${process.pid} is working: ${runner.jobs.map((job) => job.name).join(', ')}. Stop it with SIGTERM.`);
}

main().catch(async (error: unknown) => {
  console.error('The worker could not start:', error instanceof Error ? error.message : error);
  await closeDatabase().catch(() => undefined);
  process.exit(1);
});
