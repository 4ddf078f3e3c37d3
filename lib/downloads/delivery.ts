import { and, desc, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { Database } from '@/lib/db/connection';
import { orderLines, orders, products } from '@/lib/db/schema';
import { canViewOrder, type OrderViewer } from '@/lib/orders/shopper/queries';
import type { OrderStatus } from '@/lib/orders/status';
import { claimDownload, downloadsUsed } from './grants';
import { findStoredFile, type StoredFile } from './storage';
import { signDownloadToken, verifyDownloadToken } from './token';

/** How often each purchased file may be downloaded, and how long one link stays good. */
export const DOWNLOAD_LIMIT = 5;
export const DOWNLOAD_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Money kept: paid in full, or refunded only in part. Refunded, declined and canceled orders deliver nothing. */
const DOWNLOADABLE_STATUSES: readonly OrderStatus[] = ['paid', 'partially_refunded'];

export function isDownloadableStatus(status: OrderStatus): boolean {
  return DOWNLOADABLE_STATUSES.includes(status);
}

export type DownloadRefusal = 'not_found' | 'expired' | 'not_yours' | 'not_paid' | 'used_up';

export type DownloadDecision = { ok: true; file: StoredFile; downloads: number } | { ok: false; refusal: DownloadRefusal };

export interface DownloadRequest {
  token: string;
  viewer: OrderViewer;
  signingKey: string;
  storageDir: string;
  now: Date;
  limit?: number;
}

/**
 * Everything a download must pass, in an order that tells nothing to the wrong asker: the
 * link itself, then whose order it is, then the order's status and the file, and last the
 * count, which is taken only when the file is about to be sent.
 */
export async function authorizeDownload(db: Database, request: DownloadRequest): Promise<DownloadDecision> {
  const checked = verifyDownloadToken(request.token, request.signingKey, request.now);
  if (!checked.ok) return { ok: false, refusal: checked.reason === 'expired' ? 'expired' : 'not_found' };
  const { orderId, lineId } = checked.claim;
  const [line] = await db
    .select({
      status: orders.status,
      browserTokenHash: orders.browserTokenHash,
      buyerId: orders.buyerId,
      downloadFile: products.downloadFile,
    })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .leftJoin(products, eq(products.id, orderLines.productId))
    .where(and(eq(orderLines.id, lineId), eq(orderLines.orderId, orderId)))
    .limit(1);
  if (!line) return { ok: false, refusal: 'not_found' };
  if (!canViewOrder(line, request.viewer)) return { ok: false, refusal: 'not_yours' };
  if (!isDownloadableStatus(line.status)) return { ok: false, refusal: 'not_paid' };
  const file = line.downloadFile ? await findStoredFile(request.storageDir, line.downloadFile) : null;
  if (!file) return { ok: false, refusal: 'not_found' };
  const downloads = await claimDownload(db, lineId, request.limit ?? DOWNLOAD_LIMIT);
  if (downloads === null) return { ok: false, refusal: 'used_up' };
  return { ok: true, file, downloads };
}

export interface DownloadLink {
  lineId: string;
  orderNumber: string;
  name: string;
  /** Null once every download is used. */
  href: string | null;
  remaining: number;
  expiresAt: Date;
}

export interface DownloadLinkOptions {
  signingKey: string;
  now: Date;
  limit?: number;
}

/** The download links of one order, or of every order of a signed-in buyer, for paid orders only. */
export type DownloadScope = { orderId: string } | { buyerId: string };

export async function downloadLinks(db: Database, scope: DownloadScope, options: DownloadLinkOptions): Promise<DownloadLink[]> {
  const owner: SQL = 'orderId' in scope ? eq(orders.id, scope.orderId) : eq(orders.buyerId, scope.buyerId);
  const lines = await db
    .select({ lineId: orderLines.id, orderId: orders.id, orderNumber: orders.number, name: orderLines.productName })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(and(owner, inArray(orders.status, [...DOWNLOADABLE_STATUSES]), isNotNull(products.downloadFile)))
    .orderBy(desc(orders.createdAt), orderLines.productName);
  const used = await downloadsUsed(
    db,
    lines.map((line) => line.lineId),
  );
  const limit = options.limit ?? DOWNLOAD_LIMIT;
  const expiresAt = new Date(options.now.getTime() + DOWNLOAD_LINK_LIFETIME_MS);
  return lines.map((line) => {
    const remaining = Math.max(0, limit - (used.get(line.lineId) ?? 0));
    const token = signDownloadToken({ orderId: line.orderId, lineId: line.lineId, expiresAt }, options.signingKey);
    return {
      lineId: line.lineId,
      orderNumber: line.orderNumber,
      name: line.name,
      href: remaining > 0 ? downloadPath(token) : null,
      remaining,
      expiresAt,
    };
  });
}

/** The route that serves a link (app/api/downloads/[token]/route.ts). */
export function downloadPath(token: string): string {
  return `/api/downloads/${token}`;
}
