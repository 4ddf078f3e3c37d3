import 'server-only';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_BUDGET_MS, DEFAULT_TIMEOUT_MS } from '@/lib/amazon-pay/config';
import { keyIdEnvironment } from '@/lib/amazon-pay/endpoints';
import {
  checkoutLanguageFor,
  LEDGER_CURRENCIES,
  REGION_ALIASES,
  REGION_NAMES,
  regionOfLedgerCurrency,
  resolveRegion,
  type LedgerCurrency,
  type Region,
} from '@/lib/amazon-pay/regions';

/**
 * The one place that reads the environment. It is validated once, at start-up
 * (instrumentation.ts), and a bad value stops the server with a message that
 * names the variable.
 */

const REGION_CHOICES = `${REGION_NAMES.join(', ')} (or ${REGION_ALIASES.filter((alias) => resolveRegion(alias) !== alias).join(', ')})`;

/** Where `npm start` keeps the offline sandbox's generated merchant key (see scripts/start.mjs). */
export const OFFLINE_KEY_DIR = path.join(process.cwd(), '.data', 'sandbox');
export const DEFAULT_SANDBOX_PORT = 4010;
export const DEFAULT_RESYNC_SWEEP_CRON = '*/5 * * * *';
/** Where the files of digital products are kept, beside the PGlite data. */
export const DEFAULT_STORAGE_DIR = path.join(process.cwd(), '.data', 'storage');

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''], { message: 'must be true or false' })
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : ['true', '1', 'yes'].includes(value)));

/** An optional whole number in [min, max], written in digits only. */
const wholeNumber = (min: number, max: number, message: string) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,9}$/, message)
      .transform(Number)
      .pipe(z.number().min(min, message).max(max, message))
      .optional(),
  );

const countryList = z
  .string()
  .trim()
  .transform((value) =>
    value
      .split(',')
      .map((code) => code.trim().toUpperCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[A-Z]{2}$/, 'must be comma-separated two-letter ISO country codes')).min(1));

const environmentSchema = z.object({
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^(postgres(ql)?:\/\/|pglite:|memory:)/, 'must start with postgres://, postgresql://, pglite: or memory:')
      .optional(),
  ),
  AMAZON_PAY_PUBLIC_KEY_ID: optionalText,
  // Not trimmed: a PEM's layout is part of it.
  AMAZON_PAY_PRIVATE_KEY: z
    .string()
    .transform((value) => (value.trim() === '' ? undefined : value))
    .optional(),
  AMAZON_PAY_REGION: z
    .string()
    .default('na')
    .transform((value, ctx) => {
      const region = resolveRegion(value);
      if (region) return region;
      ctx.addIssue({ code: 'custom', message: `must be one of ${REGION_CHOICES}` });
      return z.NEVER;
    }),
  AMAZON_PAY_SANDBOX: booleanFlag,
  AMAZON_PAY_MERCHANT_ID: optionalText,
  AMAZON_PAY_STORE_ID: optionalText,
  AMAZON_PAY_ENDPOINT: optionalText.pipe(z.url({ message: 'must be an absolute http(s) URL' }).optional()),
  AMAZON_PAY_IPN_TOPIC_ARNS: optionalText,
  AMAZON_PAY_IPN_CERT_HOSTS: optionalText,
  ECOMCHARGE_SHOP_ID: optionalText,
  ECOMCHARGE_SECRET_KEY: optionalText,
  ECOMCHARGE_API_URL: optionalText.pipe(z.url({ message: 'must be an absolute http(s) URL' }).optional()),
  AUTH_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  ADMIN_EMAIL: optionalText.pipe(z.email({ message: 'must be an email address' }).optional()),
  ADMIN_PASSWORD: optionalText.pipe(z.string().min(12, 'must be at least 12 characters').optional()),
  STORE_CURRENCY: z
    .string()
    .trim()
    .toUpperCase()
    .default('USD')
    .pipe(z.enum(LEDGER_CURRENCIES, { message: `must be one of ${LEDGER_CURRENCIES.join(', ')}` })),
  SHIP_TO_COUNTRIES: countryList.default(['US', 'CA', 'GB', 'DE', 'FR', 'JP']),
  STORE_NAME: z
    .string()
    .trim()
    .max(50, 'must be at most 50 characters (Amazon Pay merchantStoreName)')
    .default('Northwind Goods'),
  APP_URL: optionalText,
  PORT: wholeNumber(1, 65535, 'must be a port number'),
  TRUSTED_PROXY_HOPS: wholeNumber(0, 10, 'must be the number of proxies in front of the storefront, 0 to 10'),
  SANDBOX_PORT: wholeNumber(1, 65535, 'must be a port number'),
  AMAZON_PAY_TIMEOUT_MS: wholeNumber(100, 120_000, 'must be a number of milliseconds from 100 to 120000'),
  AMAZON_PAY_BUDGET_MS: wholeNumber(100, 600_000, 'must be a number of milliseconds from 100 to 600000'),
  JOBS_WORKER: booleanFlag,
  RESYNC_SWEEP_CRON: optionalText.pipe(
    z
      .string()
      .regex(/^\S+( \S+){4}$/, 'must be a five-field cron expression, e.g. */5 * * * *')
      .optional(),
  ),
  SMTP_URL: optionalText.pipe(
    z
      .url({ protocol: /^smtps?$/, message: 'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.com:587' })
      .optional(),
  ),
  MAIL_FROM: optionalText.pipe(z.string().regex(/@/, 'must be an address, e.g. Northwind Goods <orders@example.com>').optional()),
  MERCHANT_EMAIL: optionalText.pipe(z.email({ message: 'must be an email address' }).optional()),
  STORAGE_DIR: optionalText,
  NODE_ENV: z.string().optional(),
});

export type AmazonPayMode = 'offline' | 'amazon';

export interface AppConfig {
  database: { url: string | undefined };
  amazonPay: {
    mode: AmazonPayMode;
    publicKeyId: string | undefined;
    /** PEM text, read from the file when the variable held a path. */
    privateKey: string | undefined;
    region: Region;
    sandbox: boolean;
    merchantId: string;
    storeId: string;
    endpoint: string | undefined;
    ledgerCurrency: LedgerCurrency;
    checkoutLanguage: string;
    /** How long one Amazon Pay attempt may take before it is abandoned and retried. */
    timeoutMs: number;
    /** How long one Amazon Pay call may take across all its attempts and retry waits. */
    budgetMs: number;
    ipn: { topicArns: string[]; certHosts: string[] | undefined; allowInsecureCertUrl: boolean };
  };
  ecomcharge: { shopId: string | undefined; secretKey: string | undefined; apiUrl: string | undefined };
  auth: { secret: string | undefined; adminEmail: string | undefined; adminPassword: string | undefined };
  /** appUrl: the public origin (no trailing slash) every return URL and redirect is built on. */
  store: { name: string; currency: LedgerCurrency; shipToCountries: string[]; appUrl: string };
  /**
   * How many proxies in front of the storefront append to X-Forwarded-For (0: none, so the
   * header is only what the client claims and is never read).
   */
  network: { trustedProxyHops: number };
  /** Background work: whether this process works the queue, and when the resync sweep runs. */
  jobs: { worker: boolean; resyncSweepCron: string };
  /** Transactional e-mail: without an SMTP URL, messages are kept in the outbox and not sent. */
  /** merchant: where the store writes to the merchant (a subscription whose renewals stopped). */
  email: { smtpUrl: string | undefined; from: string; merchant: string };
  /** The folder holding the files digital products deliver (absolute). */
  storage: { dir: string };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`).join('\n');
}

function readPrivateKey(value: string): string {
  const inline = value.replace(/\\n/g, '\n');
  if (inline.includes('-----BEGIN')) return inline;
  const file = path.resolve(value);
  if (!existsSync(file)) {
    throw new ConfigError(`AMAZON_PAY_PRIVATE_KEY: is neither PEM text nor a readable file (${file} does not exist)`);
  }
  const pem = readFileSync(file, 'utf8');
  if (!pem.includes('-----BEGIN')) throw new ConfigError(`AMAZON_PAY_PRIVATE_KEY: ${file} does not contain a PEM key`);
  return pem;
}

/**
 * A LIVE-/SANDBOX- key id selects its environment itself, for the API and for checkout.js
 * (https://developer.amazon.com/docs/amazon-pay-api-v2/signing-requests.html), so the flag follows
 * it; an AMAZON_PAY_SANDBOX that says otherwise is a mistake, refused at start-up. Other key ids
 * take the flag, sandbox unless told.
 */
function sandboxFor(publicKeyId: string, flag: boolean | undefined): boolean {
  const environment = keyIdEnvironment(publicKeyId);
  if (environment === null) return flag ?? true;
  const sandbox = environment === 'sandbox';
  if (flag !== undefined && flag !== sandbox) {
    const prefix = sandbox ? 'SANDBOX-' : 'LIVE-';
    throw new ConfigError(
      `AMAZON_PAY_SANDBOX: is ${flag}, but AMAZON_PAY_PUBLIC_KEY_ID starts with ${prefix} and is a ${environment} key; ` +
        `leave AMAZON_PAY_SANDBOX unset or use a ${flag ? 'SANDBOX-' : 'LIVE-'} key`,
    );
  }
  return sandbox;
}

function readOfflineKey(): { publicKeyId: string; privateKey: string } | undefined {
  const metaFile = path.join(OFFLINE_KEY_DIR, 'merchant-key.json');
  const keyFile = path.join(OFFLINE_KEY_DIR, 'merchant-private.pem');
  if (!existsSync(metaFile) || !existsSync(keyFile)) return undefined;
  const meta = z.object({ publicKeyId: z.string() }).parse(JSON.parse(readFileSync(metaFile, 'utf8')));
  return { publicKeyId: meta.publicKeyId, privateKey: readFileSync(keyFile, 'utf8') };
}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`Invalid environment configuration:\n${describeIssues(parsed.error)}`);
  }
  const e = parsed.data;

  const hasKeyId = e.AMAZON_PAY_PUBLIC_KEY_ID !== undefined;
  const hasKey = e.AMAZON_PAY_PRIVATE_KEY !== undefined;
  if (hasKeyId !== hasKey) {
    const missing = hasKeyId ? 'AMAZON_PAY_PRIVATE_KEY' : 'AMAZON_PAY_PUBLIC_KEY_ID';
    throw new ConfigError(`${missing}: is required when the other Amazon Pay key variable is set`);
  }
  const mode: AmazonPayMode = hasKeyId ? 'amazon' : 'offline';
  if (mode === 'amazon') {
    for (const name of ['AMAZON_PAY_MERCHANT_ID', 'AMAZON_PAY_STORE_ID'] as const) {
      if (!e[name]) throw new ConfigError(`${name}: is required when Amazon Pay credentials are set`);
    }
  }
  const offlineKey = mode === 'offline' ? readOfflineKey() : undefined;

  const currencyRegion = regionOfLedgerCurrency(e.STORE_CURRENCY);
  if (mode === 'amazon' && currencyRegion !== e.AMAZON_PAY_REGION) {
    throw new ConfigError(
      `STORE_CURRENCY: ${e.STORE_CURRENCY} is not a ledger currency of Amazon Pay region ${e.AMAZON_PAY_REGION}`,
    );
  }
  // The same default `npm start` gives the sandbox, so every process of the store reaches one emulator.
  const offlineEndpoint = `http://127.0.0.1:${e.SANDBOX_PORT ?? DEFAULT_SANDBOX_PORT}`;
  const endpoint = e.AMAZON_PAY_ENDPOINT ?? (mode === 'offline' ? offlineEndpoint : undefined);
  // Offline, the emulator serves every region, so the currency picks it.
  const region = mode === 'offline' ? currencyRegion : e.AMAZON_PAY_REGION;

  if ((e.ECOMCHARGE_SHOP_ID === undefined) !== (e.ECOMCHARGE_SECRET_KEY === undefined)) {
    throw new ConfigError('ECOMCHARGE_SECRET_KEY: ECOMCHARGE_SHOP_ID and ECOMCHARGE_SECRET_KEY are set together or not at all');
  }
  const appUrl = publicOrigin(e.APP_URL, e.PORT, mode, mode === 'offline' ? true : (e.AMAZON_PAY_SANDBOX ?? true));
  if (e.NODE_ENV === 'production' && mode === 'amazon' && !e.AUTH_SECRET) {
    throw new ConfigError('AUTH_SECRET: is required in production when real Amazon Pay credentials are set');
  }

  return {
    database: { url: e.DATABASE_URL },
    amazonPay: {
      mode,
      publicKeyId: mode === 'amazon' ? e.AMAZON_PAY_PUBLIC_KEY_ID : offlineKey?.publicKeyId,
      privateKey: mode === 'amazon' ? readPrivateKey(e.AMAZON_PAY_PRIVATE_KEY!) : offlineKey?.privateKey,
      region,
      sandbox: mode === 'offline' ? true : sandboxFor(e.AMAZON_PAY_PUBLIC_KEY_ID!, e.AMAZON_PAY_SANDBOX),
      merchantId: e.AMAZON_PAY_MERCHANT_ID ?? 'OFFLINE-MERCHANT',
      storeId: e.AMAZON_PAY_STORE_ID ?? 'amzn1.application-oa2-client.offline-sandbox',
      endpoint,
      ledgerCurrency: e.STORE_CURRENCY,
      checkoutLanguage: checkoutLanguageFor(e.STORE_CURRENCY),
      timeoutMs: e.AMAZON_PAY_TIMEOUT_MS ?? DEFAULT_TIMEOUT_MS,
      budgetMs: e.AMAZON_PAY_BUDGET_MS ?? DEFAULT_BUDGET_MS,
      ipn: ipnSettings(mode, endpoint, e),
    },
    ecomcharge: {
      shopId: e.ECOMCHARGE_SHOP_ID,
      secretKey: e.ECOMCHARGE_SECRET_KEY,
      apiUrl: e.ECOMCHARGE_API_URL,
    },
    auth: { secret: e.AUTH_SECRET, adminEmail: e.ADMIN_EMAIL, adminPassword: e.ADMIN_PASSWORD },
    store: {
      name: e.STORE_NAME,
      currency: e.STORE_CURRENCY,
      shipToCountries: e.SHIP_TO_COUNTRIES,
      appUrl,
    },
    network: { trustedProxyHops: e.TRUSTED_PROXY_HOPS ?? 0 },
    jobs: { worker: e.JOBS_WORKER ?? true, resyncSweepCron: e.RESYNC_SWEEP_CRON ?? DEFAULT_RESYNC_SWEEP_CRON },
    email: emailSettings(e),
    storage: { dir: path.resolve(e.STORAGE_DIR ?? DEFAULT_STORAGE_DIR) },
  };
}

function emailSettings(e: z.output<typeof environmentSchema>): AppConfig['email'] {
  const from = e.MAIL_FROM ?? `${e.STORE_NAME} <orders@localhost>`;
  // Unset, the merchant is the admin who signs in, else the sender's own mailbox.
  const merchant = e.MERCHANT_EMAIL ?? e.ADMIN_EMAIL ?? /<([^<>]+)>/.exec(from)?.[1] ?? from;
  return { smtpUrl: e.SMTP_URL, from, merchant };
}

const APP_URL_SHAPE =
  'must be the shop’s public origin, like https://shop.example (http or https, no path, query or credentials)';

/**
 * The shop's public origin. It is configuration, never taken from a request's Host or
 * X-Forwarded-Host, because Amazon Pay return URLs are signed with it: a header would let
 * anyone have a return URL of their choosing signed with the merchant's key.
 */
function publicOrigin(value: string | undefined, port: number | undefined, mode: AmazonPayMode, sandbox: boolean): string {
  if (value === undefined) {
    if (mode === 'amazon') throw new ConfigError('APP_URL: is required when Amazon Pay credentials are set');
    return `http://localhost:${port ?? 3000}`;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`APP_URL: ${APP_URL_SHAPE}`);
  }
  const originOnly = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  if (!['http:', 'https:'].includes(url.protocol) || !originOnly) throw new ConfigError(`APP_URL: ${APP_URL_SHAPE}`);
  // Live, the shopper's cookies and buyer details travel on these URLs: plain http would expose them.
  if (mode === 'amazon' && !sandbox && url.protocol !== 'https:') {
    throw new ConfigError('APP_URL: must be https when live Amazon Pay credentials are set');
  }
  return url.origin;
}

const SANDBOX_IPN_TOPIC_ARN = 'arn:aws:sns:us-east-1:000000000000:AmazonPaySandboxIpn';

const commaList = (value: string | undefined) =>
  value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * Who may sign IPNs (https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html). Against Amazon: certificates from Amazon SNS hosts
 * over https only. Offline: the sandbox's own host, over plain http on this machine.
 */
function ipnSettings(
  mode: AmazonPayMode,
  endpoint: string | undefined,
  e: { AMAZON_PAY_IPN_TOPIC_ARNS?: string | undefined; AMAZON_PAY_IPN_CERT_HOSTS?: string | undefined },
): AppConfig['amazonPay']['ipn'] {
  const offline = mode === 'offline';
  return {
    topicArns: commaList(e.AMAZON_PAY_IPN_TOPIC_ARNS) ?? (offline ? [SANDBOX_IPN_TOPIC_ARN] : []),
    certHosts: commaList(e.AMAZON_PAY_IPN_CERT_HOSTS) ?? (offline && endpoint ? [new URL(endpoint).host] : undefined),
    allowInsecureCertUrl: offline,
  };
}

let cached: AppConfig | undefined;

export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
