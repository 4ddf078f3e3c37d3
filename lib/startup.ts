import 'server-only';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';

/**
 * Runs once when a server instance starts: validate the environment and bring the
 * database up to date before the first request, so a bad setting fails loudly now
 * rather than on a shopper's first click.
 */
export async function prepareServer(): Promise<void> {
  try {
    getConfig();
    await getDb();
  } catch (error) {
    console.error(`Cannot start the storefront.\n${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
