import type { DownloadRefusal } from './delivery';

export type DownloadFailure = DownloadRefusal | 'unavailable';

/** What a refused download answers: a status a client can act on, and words for the shopper. */
export const DOWNLOAD_REFUSALS: Readonly<Record<DownloadFailure, { status: 403 | 404 | 410 | 503; message: string }>> = {
  not_found: { status: 404, message: 'This download link is not valid.' },
  expired: {
    status: 410,
    message: 'This download link has expired. Open your order again for a fresh link.',
  },
  not_yours: {
    status: 403,
    message:
      'This download belongs to someone else’s order. Open it in the browser you ordered with, or sign in with the Amazon account you paid with.',
  },
  not_paid: { status: 403, message: 'This order is not paid, or it was refunded, so its downloads are not available.' },
  used_up: {
    status: 410,
    message: 'This file has been downloaded as many times as the purchase allows. Please contact us if you need it again.',
  },
  unavailable: { status: 503, message: 'The download is unavailable right now. Please try again in a moment.' },
};
