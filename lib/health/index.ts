import 'server-only';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { currentJobRunner } from '@/lib/jobs';
import { checkReadiness, type Readiness } from './readiness';

export type { Readiness } from './readiness';

export function checkServerReadiness(): Promise<Readiness> {
  return checkReadiness({
    database: getDb,
    queueRunning: async () => (await currentJobRunner())?.running() ?? false,
    amazonPayEndpoint: () => {
      const { amazonPay } = getConfig();
      return {
        configured: Boolean(amazonPay.publicKeyId && amazonPay.privateKey && (amazonPay.mode === 'amazon' || amazonPay.endpoint)),
        mode: amazonPay.mode === 'offline' ? 'offline sandbox' : amazonPay.sandbox ? 'Amazon Pay sandbox' : 'Amazon Pay live',
      };
    },
  });
}
