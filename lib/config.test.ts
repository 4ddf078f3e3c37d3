import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';
import { LIVE_ENV as live, TEST_PEM as PEM } from '@/test/config-fixtures';

function configError(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('runs in offline-sandbox mode with embedded defaults when nothing is set', () => {
    const config = parseConfig({});
    expect(config.amazonPay.mode).toBe('offline');
    expect(config.amazonPay.sandbox).toBe(true);
    expect(config.amazonPay.endpoint).toBe('http://127.0.0.1:4010');
    expect(config.database.url).toBeUndefined();
    expect(config.store.currency).toBe('USD');
    expect(config.store.shipToCountries).toContain('US');
  });

  it('uses Amazon Pay when credentials are set, with region aliases', () => {
    const config = parseConfig({
      ...live,
      AMAZON_PAY_PUBLIC_KEY_ID: 'AHEXAMPLE',
      AMAZON_PAY_REGION: 'UK',
      STORE_CURRENCY: 'gbp',
      AMAZON_PAY_SANDBOX: 'false',
    });
    expect(config.amazonPay.mode).toBe('amazon');
    expect(config.amazonPay.region).toBe('eu');
    expect(config.amazonPay.sandbox).toBe(false);
    expect(config.amazonPay.privateKey).toBe(PEM);
    expect(config.amazonPay.ledgerCurrency).toBe('GBP');
    expect(config.amazonPay.checkoutLanguage).toBe('en_GB');
  });

  // https://developer.amazon.com/docs/amazon-pay-api-v2/signing-requests.html: LIVE-/SANDBOX- key ids carry their environment.
  it('takes the environment from a LIVE-/SANDBOX- key id, and refuses a flag that contradicts it', () => {
    expect(parseConfig({ ...live, AMAZON_PAY_PUBLIC_KEY_ID: 'LIVE-AHEXAMPLE' }).amazonPay.sandbox).toBe(false);
    expect(parseConfig({ ...live, AMAZON_PAY_PUBLIC_KEY_ID: 'SANDBOX-AHEXAMPLE' }).amazonPay.sandbox).toBe(true);
    expect(
      parseConfig({ ...live, AMAZON_PAY_PUBLIC_KEY_ID: 'live-ahexample', AMAZON_PAY_SANDBOX: 'false' }).amazonPay.sandbox,
    ).toBe(false);
    expect(configError({ ...live, AMAZON_PAY_PUBLIC_KEY_ID: 'LIVE-AHEXAMPLE', AMAZON_PAY_SANDBOX: 'true' })).toBe(
      'AMAZON_PAY_SANDBOX: is true, but AMAZON_PAY_PUBLIC_KEY_ID starts with LIVE- and is a live key; leave AMAZON_PAY_SANDBOX unset or use a SANDBOX- key',
    );
    expect(configError({ ...live, AMAZON_PAY_SANDBOX: 'false' })).toMatch(
      /^AMAZON_PAY_SANDBOX: is false, but AMAZON_PAY_PUBLIC_KEY_ID starts with SANDBOX-/,
    );
    // A key id without a prefix follows the flag, sandbox unless told.
    expect(parseConfig({ ...live, AMAZON_PAY_PUBLIC_KEY_ID: 'AHEXAMPLE' }).amazonPay.sandbox).toBe(true);
  });

  it('reads the private key from a file path', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'config-'));
    const file = path.join(dir, 'key.pem');
    writeFileSync(file, PEM);
    expect(parseConfig({ ...live, AMAZON_PAY_PRIVATE_KEY: file }).amazonPay.privateKey).toBe(PEM);
    expect(configError({ ...live, AMAZON_PAY_PRIVATE_KEY: path.join(dir, 'missing.pem') })).toMatch(
      /AMAZON_PAY_PRIVATE_KEY: is neither PEM text nor a readable file/,
    );
  });

  it('names the variable and what is wrong', () => {
    expect(configError({ AMAZON_PAY_REGION: 'mars' })).toMatch(/AMAZON_PAY_REGION: must be one of na, eu, jp/);
    expect(configError({ STORE_CURRENCY: 'BTC' })).toMatch(/STORE_CURRENCY: must be one of USD, EUR, GBP, JPY/);
    expect(configError({ SHIP_TO_COUNTRIES: 'US,Germany' })).toMatch(/SHIP_TO_COUNTRIES/);
    expect(configError({ DATABASE_URL: 'mysql://x' })).toMatch(/DATABASE_URL: must start with postgres:\/\//);
    expect(configError({ AMAZON_PAY_SANDBOX: 'maybe' })).toMatch(/AMAZON_PAY_SANDBOX: must be true or false/);
    expect(configError({ ADMIN_PASSWORD: 'short' })).toMatch(/ADMIN_PASSWORD: must be at least 12 characters/);
    expect(configError({ AMAZON_PAY_PUBLIC_KEY_ID: 'SANDBOX-X' })).toMatch(/^AMAZON_PAY_PRIVATE_KEY: is required/);
    expect(configError({ ...live, AMAZON_PAY_STORE_ID: '' })).toMatch(/AMAZON_PAY_STORE_ID: is required/);
    expect(configError({ ...live, STORE_CURRENCY: 'JPY' })).toMatch(
      /STORE_CURRENCY: JPY is not a ledger currency of Amazon Pay region na/,
    );
    expect(configError({ ECOMCHARGE_SHOP_ID: '361' })).toMatch(/ECOMCHARGE_SECRET_KEY/);
  });

  it('keeps the digital products’ files in STORAGE_DIR, beside the PGlite data unless told', () => {
    expect(parseConfig({}).storage.dir).toBe(path.join(process.cwd(), '.data', 'storage'));
    expect(parseConfig({ STORAGE_DIR: 'files/store' }).storage.dir).toBe(path.resolve('files/store'));
  });

  it('offline, lets the store currency pick the emulated region', () => {
    expect(parseConfig({ STORE_CURRENCY: 'JPY' }).amazonPay.region).toBe('jp');
  });

  it('reads the background-work, timeout, budget and sandbox-port settings, and names a bad one', () => {
    const defaults = parseConfig({});
    expect(defaults.jobs).toEqual({ worker: true, resyncSweepCron: '*/5 * * * *' });
    expect(defaults.amazonPay.timeoutMs).toBe(10_000);
    expect(defaults.amazonPay.budgetMs).toBe(20_000);
    const set = parseConfig({
      JOBS_WORKER: 'false',
      RESYNC_SWEEP_CRON: '*/2 * * * *',
      AMAZON_PAY_TIMEOUT_MS: '2500',
      AMAZON_PAY_BUDGET_MS: '8000',
      SANDBOX_PORT: '4999',
    });
    expect(set.jobs).toEqual({ worker: false, resyncSweepCron: '*/2 * * * *' });
    expect(set.amazonPay.timeoutMs).toBe(2500);
    expect(set.amazonPay.budgetMs).toBe(8000);
    expect(set.amazonPay.endpoint).toBe('http://127.0.0.1:4999');
    expect(configError({ RESYNC_SWEEP_CRON: 'every five minutes' })).toContain('RESYNC_SWEEP_CRON: must be a five-field cron');
    expect(configError({ AMAZON_PAY_TIMEOUT_MS: '10s' })).toContain('AMAZON_PAY_TIMEOUT_MS: must be a number of milliseconds');
    expect(configError({ AMAZON_PAY_BUDGET_MS: '50' })).toContain('AMAZON_PAY_BUDGET_MS: must be a number of milliseconds');
    expect(configError({ SANDBOX_PORT: '70000' })).toContain('SANDBOX_PORT: must be a port number');
  });
});

describe('APP_URL', () => {
  it('defaults to http://localhost:$PORT offline', () => {
    expect(parseConfig({}).store.appUrl).toBe('http://localhost:3000');
    expect(parseConfig({ PORT: '3456' }).store.appUrl).toBe('http://localhost:3456');
  });

  it('keeps only the origin of a well-formed value', () => {
    expect(parseConfig({ APP_URL: 'https://Shop.Example/' }).store.appUrl).toBe('https://shop.example');
    expect(parseConfig({ ...live, APP_URL: 'https://shop.example' }).store.appUrl).toBe('https://shop.example');
  });

  it('is required with Amazon Pay credentials, and https when live', () => {
    expect(configError({ ...live, APP_URL: '' })).toMatch(/APP_URL: is required when Amazon Pay credentials are set/);
    expect(configError({ ...live, AMAZON_PAY_SANDBOX: 'false', APP_URL: 'http://shop.example' })).toMatch(
      /APP_URL: must be https/,
    );
  });

  it.each([
    'shop.example',
    'ftp://shop.example',
    'https://shop.example/store',
    'https://shop.example/?a=1',
    'https://u:p@shop.example',
  ])('refuses %s at start-up', (value) => {
    expect(configError({ APP_URL: value })).toMatch(/APP_URL: must be the shop’s public origin/);
  });
});
