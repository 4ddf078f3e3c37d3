import { InvalidNotificationError, type InvalidNotificationReason } from './errors';

/**
 * Where a signing certificate (and a SubscribeURL) may come from
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html).
 * Production: https and `AMAZON_SNS_HOST`. Offline, the sandbox serves its own
 * certificate over plain http on 127.0.0.1, which that rule can never match, so both
 * halves are configuration rather than constants.
 */
export interface SnsUrlPolicy {
  /**
   * Matched against `URL.host`, i.e. hostname plus `:port` when the port is not the
   * scheme's default, so a sandbox entry pins its port ('127.0.0.1:4010'). Strings
   * compare case-insensitively and exactly; a RegExp should be anchored.
   */
  allowedCertHosts: RegExp | readonly string[];
  /** Accept http URLs. Only for the offline sandbox. */
  allowInsecureCertUrl?: boolean;
}

/** The SNS host rule from AWS's own validators (e.g. https://github.com/aws/aws-php-sns-message-validator). */
export const AMAZON_SNS_HOST = /^sns\.[a-zA-Z0-9-]{3,}\.amazonaws\.com(\.cn)?$/;

export function isAllowedHost(host: string, allowed: SnsUrlPolicy['allowedCertHosts']): boolean {
  if (allowed instanceof RegExp) {
    // A copy without g/y: a stateful lastIndex would make every other check fail.
    return new RegExp(allowed.source, allowed.flags.replace(/[gy]/g, '')).test(host);
  }
  const candidate = host.toLowerCase();
  return allowed.some((entry) => entry.toLowerCase() === candidate);
}

/** Parses `raw` and enforces scheme and host; throws InvalidNotificationError(reason). */
export function checkSnsUrl(raw: string, policy: SnsUrlPolicy, reason: InvalidNotificationReason, label: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidNotificationError(reason, `${label} is not a URL`);
  }
  const secure = url.protocol === 'https:';
  if (!secure && !(policy.allowInsecureCertUrl === true && url.protocol === 'http:')) {
    throw new InvalidNotificationError(reason, `${label} must use https, got ${url.protocol}`);
  }
  // userinfo is how `https://sns.x.amazonaws.com@evil.test/` fools a naive string check.
  if (url.username !== '' || url.password !== '') {
    throw new InvalidNotificationError(reason, `${label} must not carry credentials`);
  }
  if (!isAllowedHost(url.host, policy.allowedCertHosts)) {
    throw new InvalidNotificationError(reason, `${label} host is not allowed: ${url.host}`);
  }
  return url;
}

/** SigningCertURL: the URL rule plus a path ending in `.pem`. */
export function checkCertUrl(raw: string, policy: SnsUrlPolicy): URL {
  const url = checkSnsUrl(raw, policy, 'bad-cert-url', 'SigningCertURL');
  // The path, not the whole URL: `…/x?file=.pem` must not pass.
  if (!url.pathname.endsWith('.pem')) {
    throw new InvalidNotificationError('bad-cert-url', 'SigningCertURL must point at a .pem file');
  }
  return url;
}
