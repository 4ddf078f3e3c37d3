/**
 * Host and path resolution, as the official Node SDK's src/constants.js and src/clientHelper.js do it
 * (https://github.com/amzn/amazon-pay-api-sdk-nodejs). Secret-free so the emulator can resolve them too.
 */
import { hostForRegion, type Region } from './regions';

/** Host and path resolution; the regions themselves are in ./regions. */

export const API_VERSION = 'v2';

export type Environment = 'sandbox' | 'live';

/** Key ids prefixed LIVE/SANDBOX (case-insensitive) carry their environment themselves; null for the others. */
export function keyIdEnvironment(publicKeyId: string): Environment | null {
  const upper = publicKeyId.toUpperCase();
  if (upper.startsWith('LIVE')) return 'live';
  if (upper.startsWith('SANDBOX')) return 'sandbox';
  return null;
}

export function isEnvironmentSpecificKeyId(publicKeyId: string): boolean {
  return keyIdEnvironment(publicKeyId) !== null;
}

/** `/v2`, `/sandbox/v2` or `/live/v2` (the Node SDK's tst/unit/clientHelperTest.js vectors). */
export function environmentPathPrefix(publicKeyId: string, sandbox: boolean): string {
  if (isEnvironmentSpecificKeyId(publicKeyId)) return `/${API_VERSION}`;
  return `/${sandbox ? 'sandbox' : 'live'}/${API_VERSION}`;
}

/**
 * For the verifier: the environment from the key prefix, else from the path's
 * first segment. Null when neither says.
 */
export function environmentOf(publicKeyId: string, path: string): Environment | null {
  const fromKey = keyIdEnvironment(publicKeyId);
  if (fromKey) return fromKey;
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
  if (!endpoint) return { origin: `https://${hostForRegion(region)}`, host: hostForRegion(region), basePath: '' };
  const url = new URL(endpoint);
  return { origin: url.origin, host: url.host, basePath: url.pathname.replace(/\/+$/, '') };
}
