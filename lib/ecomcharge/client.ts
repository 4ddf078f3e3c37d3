import { EcomchargeError, invalidArgument } from './errors';
import { iteratePages, type EcomchargeIterateParams } from './pagination';
import {
  dayReportBody,
  listBody,
  periodBody,
  type EcomchargeCallOptions,
  type EcomchargeDayReportParams,
  type EcomchargeListParams,
  type EcomchargePeriodParams,
} from './requests';
import { countSchema, dayReportSchema, pageSchema, type RawTransaction } from './schemas';
import { toTransaction, type EcomchargeTransaction } from './transactions';
import { createTransport } from './transport';
import type { EcomchargePage } from './types';

export type { EcomchargePage } from './types';

export interface EcomchargeClientConfig {
  shopId: string;
  secretKey: string;
  /** Base URL without `/api`, e.g. https://gateway.ecomcharge.com, or the sandbox's http://127.0.0.1:4010/ecomcharge. */
  apiUrl: string;
  fetch?: typeof fetch;
  /** Per attempt; default 15 s (a day report can hold 1000+ transactions). */
  timeoutMs?: number;
  /** Retries after a timeout, network error, 429 or 5xx; default 2. */
  retries?: number;
  /** First backoff, doubling with jitter; default 250 ms. */
  retryDelayMs?: number;
}

export interface EcomchargeDayReport {
  readonly transactions: readonly EcomchargeTransaction[];
  readonly count: number;
}

/** One page of the paginated report; the ids feed `startingAfter` / `endingBefore`. */
export interface EcomchargeClient {
  /**
   * POST /api/reports, X-Api-Version 2: every transaction of one day
   * (https://doc.ecomcharge.com/en/payment_management/reports/reports_shop/).
   */
  getDayReport(params: EcomchargeDayReportParams, options?: EcomchargeCallOptions): Promise<EcomchargeDayReport>;
  /** POST /api/reports/count, X-Api-Version 3 (https://doc.ecomcharge.com/en/payment_management/reports/reports_shop/). */
  countTransactions(params: EcomchargePeriodParams, options?: EcomchargeCallOptions): Promise<number>;
  /** POST /api/reports, X-Api-Version 3: one page (https://doc.ecomcharge.com/en/payment_management/reports/paginated_report/). */
  listTransactions(params: EcomchargeListParams, options?: EcomchargeCallOptions): Promise<EcomchargePage>;
  /** Every page of a period, forwards (default) or backwards, until an empty or short page. */
  iterateTransactions(
    params: EcomchargeIterateParams,
    options?: EcomchargeCallOptions,
  ): AsyncGenerator<EcomchargePage, void, undefined>;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_RETRIES = 2;
const DEFAULT_RETRY_DELAY_MS = 250;

export function createEcomchargeClient(config: EcomchargeClientConfig): EcomchargeClient {
  if (!config.shopId || !config.secretKey) throw invalidArgument('createEcomchargeClient', 'shopId and secretKey are required');
  let apiUrl: URL;
  try {
    apiUrl = new URL(config.apiUrl);
  } catch {
    throw invalidArgument('createEcomchargeClient', 'apiUrl must be an absolute URL');
  }
  const retries = config.retries ?? DEFAULT_RETRIES;
  if (!Number.isInteger(retries) || retries < 0)
    throw invalidArgument('createEcomchargeClient', 'retries must be a whole number ≥ 0');

  // The secret lives only inside the transport's closure: logging the client shows no credentials.
  const post = createTransport({
    apiUrl: apiUrl.toString(),
    shopId: config.shopId,
    secretKey: config.secretKey,
    fetch: config.fetch ?? globalThis.fetch.bind(globalThis),
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retries,
    retryDelayMs: config.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });

  const client: EcomchargeClient = {
    async getDayReport(params, options) {
      const operation = 'getDayReport';
      const body = await post({
        operation,
        path: '/api/reports',
        apiVersion: '2',
        body: dayReportBody(operation, params),
        schema: dayReportSchema,
        signal: options?.signal,
      });
      return { transactions: mapTransactions(operation, body.transactions), count: body.count };
    },

    async countTransactions(params, options) {
      const operation = 'countTransactions';
      return post({
        operation,
        path: '/api/reports/count',
        apiVersion: '3',
        body: periodBody(operation, params),
        schema: countSchema,
        signal: options?.signal,
      });
    },

    async listTransactions(params, options) {
      const operation = 'listTransactions';
      const body = await post({
        operation,
        path: '/api/reports',
        apiVersion: '3',
        body: listBody(operation, params),
        schema: pageSchema,
        signal: options?.signal,
      });
      return {
        transactions: mapTransactions(operation, body.transactions),
        firstObjectId: body.first_object_id ?? null,
        lastObjectId: body.last_object_id ?? null,
      };
    },

    iterateTransactions(params, options) {
      return iteratePages((page) => client.listTransactions(page, options), params);
    },
  };
  return client;
}

function mapTransactions(operation: string, raw: readonly RawTransaction[]): EcomchargeTransaction[] {
  return raw.map((transaction, index) => {
    try {
      return toTransaction(transaction);
    } catch (error) {
      // The id and index only: the payload itself may hold card data.
      throw new EcomchargeError({
        status: 200,
        code: 'UnexpectedResponse',
        retryable: false,
        operation,
        message: `eComCharge sent transaction ${transaction.id} (#${index}) with amounts we cannot read: ${error instanceof Error ? error.message : 'unknown error'}.`,
      });
    }
  });
}
