/**
 * Region, host and path resolution, as the official Node SDK's src/constants.js and
 * src/clientHelper.js do it (https://github.com/amzn/amazon-pay-api-sdk-nodejs). Secret-free so the emulator
 * can resolve the same region aliases.
 */

export type RegionAlias = 'na' | 'us' | 'eu' | 'de' | 'uk' | 'jp';
export type Region = 'na' | 'eu' | 'jp';

export const REGION_ALIASES: readonly RegionAlias[] = ['na', 'us', 'eu', 'de', 'uk', 'jp'];

const REGION_BY_ALIAS: Record<RegionAlias, Region> = { na: 'na', us: 'na', eu: 'eu', de: 'eu', uk: 'eu', jp: 'jp' };

export const API_HOSTS: Readonly<Record<Region, string>> = {
  na: 'pay-api.amazon.com',
  eu: 'pay-api.amazon.eu',
  jp: 'pay-api.amazon.jp',
};

export const API_VERSION = 'v2';

function isRegionAlias(value: string): value is RegionAlias {
  return Object.hasOwn(REGION_BY_ALIAS, value);
}

/** Case-insensitive: `US`, `de`, `Uk` all resolve. Returns null for an unknown region. */
export function resolveRegion(value: string): Region | null {
  const alias = value.trim().toLowerCase();
  return isRegionAlias(alias) ? REGION_BY_ALIAS[alias] : null;
}

export function hostForRegion(region: Region): string {
  return API_HOSTS[region];
}

/** Key ids prefixed LIVE/SANDBOX (case-insensitive) carry their environment themselves. */
export function isEnvironmentSpecificKeyId(publicKeyId: string): boolean {
  const upper = publicKeyId.toUpperCase();
  return upper.startsWith('LIVE') || upper.startsWith('SANDBOX');
}

/** `/v2`, `/sandbox/v2` or `/live/v2` (the Node SDK's tst/unit/clientHelperTest.js vectors). */
export function environmentPathPrefix(publicKeyId: string, sandbox: boolean): string {
  if (isEnvironmentSpecificKeyId(publicKeyId)) return `/${API_VERSION}`;
  return `/${sandbox ? 'sandbox' : 'live'}/${API_VERSION}`;
}

export type Environment = 'sandbox' | 'live';

/**
 * For the verifier: the environment from the key prefix, else from the path's
 * first segment. Null when neither says.
 */
export function environmentOf(publicKeyId: string, path: string): Environment | null {
  const upper = publicKeyId.toUpperCase();
  if (upper.startsWith('LIVE')) return 'live';
  if (upper.startsWith('SANDBOX')) return 'sandbox';
  const first = path.replace(/^\/+/, '').split('/')[0];
  return first === 'sandbox' || first === 'live' ? first : null;
}

export interface ResolvedBase {
  /** Origin requests go to, e.g. https://pay-api.amazon.eu or the override. */
  origin: string;
  /** Value of x-amz-pay-host: host[:port] as sent. */
  host: string;
  /** Path prefix joined before the endpoint override's own path, without a trailing slash. */
  basePath: string;
}

/** The override's host:port is what goes on the wire, so it is what must be signed. */
export function resolveBase(region: Region, endpoint?: string): ResolvedBase {
  if (!endpoint) return { origin: `https://${API_HOSTS[region]}`, host: API_HOSTS[region], basePath: '' };
  const url = new URL(endpoint);
  return { origin: url.origin, host: url.host, basePath: url.pathname.replace(/\/+$/, '') };
}
