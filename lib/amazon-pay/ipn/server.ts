import 'server-only';
import { getConfig } from '@/lib/config';
import { AMAZON_SNS_HOST, createSnsVerifier, type SnsVerifier, type SnsUrlPolicy } from '@/lib/amazon-pay/ipn';

let verifier: SnsVerifier | undefined;

export function ipnUrlPolicy(): SnsUrlPolicy {
  const { ipn } = getConfig().amazonPay;
  return { allowedCertHosts: ipn.certHosts ?? AMAZON_SNS_HOST, allowInsecureCertUrl: ipn.allowInsecureCertUrl };
}

/** One verifier per process, so its certificate cache is shared by every request. */
export function getIpnVerifier(): SnsVerifier {
  const { ipn } = getConfig().amazonPay;
  verifier ??= createSnsVerifier({
    ...ipnUrlPolicy(),
    ...(ipn.topicArns.length > 0 ? { expectedTopicArns: ipn.topicArns } : {}),
  });
  return verifier;
}
