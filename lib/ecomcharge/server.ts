import 'server-only';
import { getConfig } from '@/lib/config';
import { createEcomchargeClient, type EcomchargeClient } from './index';

/**
 * The app's eComCharge client. Offline (no Amazon Pay credentials) the sandbox
 * serves eComCharge at <AMAZON_PAY_ENDPOINT>/ecomcharge with shop `1` and
 * secret `sandbox-secret` (sandbox/README.md), used when ECOMCHARGE_* are unset;
 * the admin page says so.
 */
export const SANDBOX_SHOP_ID = '1';
const SANDBOX_SECRET = 'sandbox-secret';
const DEFAULT_API_URL = 'https://gateway.ecomcharge.com';

export type EcomchargeSetup =
  | { ok: true; client: EcomchargeClient; source: 'configured' | 'sandbox-defaults'; apiUrl: string; shopId: string }
  | { ok: false; message: string };

let cached: EcomchargeSetup | undefined;

export function getEcomcharge(): EcomchargeSetup {
  if (cached) return cached;
  const { ecomcharge, amazonPay } = getConfig();
  if (ecomcharge.shopId && ecomcharge.secretKey) {
    const apiUrl =
      ecomcharge.apiUrl ??
      (amazonPay.mode === 'offline' && amazonPay.endpoint ? sandboxUrl(amazonPay.endpoint) : DEFAULT_API_URL);
    cached = {
      ok: true,
      client: createEcomchargeClient({ shopId: ecomcharge.shopId, secretKey: ecomcharge.secretKey, apiUrl }),
      source: 'configured',
      apiUrl,
      shopId: ecomcharge.shopId,
    };
  } else if (amazonPay.mode === 'offline' && amazonPay.endpoint) {
    const apiUrl = ecomcharge.apiUrl ?? sandboxUrl(amazonPay.endpoint);
    cached = {
      ok: true,
      client: createEcomchargeClient({ shopId: SANDBOX_SHOP_ID, secretKey: SANDBOX_SECRET, apiUrl }),
      source: 'sandbox-defaults',
      apiUrl,
      shopId: SANDBOX_SHOP_ID,
    };
  } else {
    cached = {
      ok: false,
      message:
        'eComCharge is not configured: set ECOMCHARGE_SHOP_ID and ECOMCHARGE_SECRET_KEY (and ECOMCHARGE_API_URL for a white-label gateway).',
    };
  }
  return cached;
}

function sandboxUrl(endpoint: string): string {
  return new URL('/ecomcharge', endpoint).toString();
}
