import { describe, expect, it } from 'vitest';
import { parseConfig } from '@/lib/config';

describe('e-mail settings', () => {
  it('keep mail offline without SMTP_URL, and send from the store name by default', () => {
    expect(parseConfig({ STORE_NAME: 'Maple Supply' }).email).toEqual({
      smtpUrl: undefined,
      from: 'Maple Supply <orders@localhost>',
      merchant: 'orders@localhost',
    });
  });

  it('take an smtp:// or smtps:// URL and a sender', () => {
    const config = parseConfig({ SMTP_URL: 'smtps://user:secret@mail.example.com:465', MAIL_FROM: 'Shop <shop@example.com>' });
    expect(config.email).toEqual({
      smtpUrl: 'smtps://user:secret@mail.example.com:465',
      from: 'Shop <shop@example.com>',
      merchant: 'shop@example.com',
    });
  });

  it('write to the merchant at MERCHANT_EMAIL, else at the admin address', () => {
    expect(parseConfig({ MERCHANT_EMAIL: 'owner@shop.example', ADMIN_EMAIL: 'admin@shop.example' }).email.merchant).toBe(
      'owner@shop.example',
    );
    expect(parseConfig({ ADMIN_EMAIL: 'admin@shop.example' }).email.merchant).toBe('admin@shop.example');
    expect(() => parseConfig({ MERCHANT_EMAIL: 'owner' })).toThrow(/MERCHANT_EMAIL: must be an email address/);
  });

  it('refuse another scheme and a sender without an address', () => {
    expect(() => parseConfig({ SMTP_URL: 'https://mail.example.com' })).toThrow(
      /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
    expect(() => parseConfig({ MAIL_FROM: 'Shop' })).toThrow(/MAIL_FROM: must be an address/);
  });
});
