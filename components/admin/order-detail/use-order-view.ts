'use client';

import { useQuery } from '@tanstack/react-query';
import type { AdminOrderView } from '@/lib/orders/admin/order-view-types';

export const orderViewKey = (orderNumber: string) => ['admin-order', orderNumber] as const;

// While Amazon settles something (pending capture or refund) the page follows it; the IPN
// records the change on our side within seconds, so a short interval shows it promptly.
const SETTLING_REFETCH_MS = 2_000;

async function fetchOrderView(orderNumber: string): Promise<AdminOrderView> {
  const response = await fetch(`/api/admin/orders/${encodeURIComponent(orderNumber)}/live`, { cache: 'no-store' });
  if (!response.ok)
    throw new Error(
      response.status === 401 ? 'Your admin session has ended. Sign in again.' : `Could not load the order (${response.status}).`,
    );
  return (await response.json()) as AdminOrderView;
}

export function useOrderView(initial: AdminOrderView) {
  return useQuery({
    queryKey: orderViewKey(initial.order.number),
    queryFn: () => fetchOrderView(initial.order.number),
    initialData: initial,
    staleTime: 5_000,
    refetchOnWindowFocus: true,
    refetchInterval: (query) => (query.state.data?.settling ? SETTLING_REFETCH_MS : false),
  });
}
