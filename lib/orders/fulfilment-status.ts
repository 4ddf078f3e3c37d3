import { labelLookup } from './status';

/** Where an order's goods are. Only physical goods move past unfulfilled. */
export const FULFILMENT_STATUSES = ['unfulfilled', 'shipped', 'delivered'] as const;
export type FulfilmentStatus = (typeof FULFILMENT_STATUSES)[number];

export const FULFILMENT_STATUS_LABELS: Record<FulfilmentStatus, string> = {
  unfulfilled: 'Not shipped yet',
  shipped: 'Shipped',
  delivered: 'Delivered',
};

/** Views carry the status as JSON text; an unknown one shows as itself. */
export const fulfilmentStatusLabel = labelLookup(FULFILMENT_STATUS_LABELS);
