import type { OrderListQuery } from '@/lib/orders/admin/list';

type HrefParams = Partial<Record<keyof OrderListQuery, string | number | undefined>>;

/** The list's URL for a query: only non-default values, so bookmarks stay short and readable. */
export function listQueryString(query: OrderListQuery, overrides: HrefParams = {}): string {
  const merged: HrefParams = { ...query, ...overrides };
  const defaults: HrefParams = { view: 'orders', sort: 'date', dir: 'desc', size: 50 };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === '' || defaults[key as keyof HrefParams] === value) continue;
    params.set(key, String(value));
  }
  return params.toString();
}

export function listHref(query: OrderListQuery, overrides: HrefParams = {}): string {
  const search = listQueryString(query, overrides);
  return search ? `/admin/orders?${search}` : '/admin/orders';
}
