import 'server-only';
import { getConfig } from '@/lib/config';
import { closeDatabase, getDatabaseHandle } from '@/lib/db';
import { currentJobRunner, publishControlAddress, startBackgroundWork } from '@/lib/jobs';
import { onShutdown } from '@/lib/shutdown';
import { log } from '@/lib/log';

/**
 * Runs once when a server instance starts: validate the environment and bring the
 * database up to date before the first request, so a bad setting fails loudly now
 * rather than on a shopper's first click; then start the background work.
 */
export async function prepareServer(): Promise<void> {
  try {
    getConfig();
    const handle = await getDatabaseHandle();
    if (handle.driver === 'pglite' && handle.dataDir) {
      publishControlAddress(handle.dataDir, `http://127.0.0.1:${process.env.PORT ?? '3000'}`);
    }
    await startBackgroundWork();
  } catch (error) {
    log.fatal({ context: 'startup' }, `Cannot start the storefront. ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  onShutdown(async () => {
    await (await currentJobRunner())?.stop();
    await closeDatabase();
  });
}
