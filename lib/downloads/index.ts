import 'server-only';
import { authSecret } from '@/lib/auth';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { currentOrderViewer } from '@/lib/orders/shopper/visible-order';
import { downloadSigningKeyFrom } from './token';
import { authorizeDownload, downloadLinks, type DownloadDecision, type DownloadLink, type DownloadScope } from './delivery';

export { DOWNLOAD_LIMIT, type DownloadLink, type DownloadRefusal } from './delivery';
export { storedFileStream } from './storage';

async function downloadSigningKey(): Promise<string> {
  return downloadSigningKeyFrom(await authSecret());
}

/** Fresh links for a page the caller has already checked the visitor may see. */
export async function downloadLinksFor(scope: DownloadScope): Promise<DownloadLink[]> {
  return downloadLinks(await getDb(), scope, { signingKey: await downloadSigningKey(), now: new Date() });
}

/** A download asked for by this browser (its shopper cookie) or this signed-in buyer. */
export async function authorizeCurrentDownload(token: string): Promise<DownloadDecision> {
  const [db, viewer, signingKey] = await Promise.all([getDb(), currentOrderViewer(), downloadSigningKey()]);
  return authorizeDownload(db, { token, viewer, signingKey, storageDir: getConfig().storage.dir, now: new Date() });
}
