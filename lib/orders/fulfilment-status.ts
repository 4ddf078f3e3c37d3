/** Where an order's goods are. Only physical goods move past unfulfilled. */
export const FULFILMENT_STATUSES = ['unfulfilled', 'shipped', 'delivered'] as const;
export type FulfilmentStatus = (typeof FULFILMENT_STATUSES)[number];

export const FULFILMENT_STATUS_LABELS: Record<FulfilmentStatus, string> = {
  unfulfilled: 'Not shipped yet',
  shipped: 'Shipped',
  delivered: 'Delivered',
};

const LABEL_BY_STATUS: Readonly<Record<string, string>> = FULFILMENT_STATUS_LABELS;

/** Views carry the status as JSON text; an unknown one shows as itself. */
export function fulfilmentStatusLabel(status: string): string {
  return LABEL_BY_STATUS[status] ?? status;
}
