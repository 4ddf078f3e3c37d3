import nodemailer from 'nodemailer';
import type { MailTransport } from './outbox';

const globalForMailer = globalThis as typeof globalThis & { __mailTransport?: { url: string; transport: MailTransport } };

/**
 * The SMTP transport for SMTP_URL (smtp:// upgrades with STARTTLS when the server offers it,
 * smtps:// is TLS from the start: https://nodemailer.com/smtp/), one pooled per process.
 * Null without a URL: messages are then kept in the outbox.
 */
export function mailTransportFor(smtpUrl: string | undefined): MailTransport | null {
  if (!smtpUrl) return null;
  const cached = globalForMailer.__mailTransport;
  if (cached?.url === smtpUrl) return cached.transport;
  const transport = nodemailer.createTransport(smtpUrl);
  globalForMailer.__mailTransport = { url: smtpUrl, transport };
  return transport;
}
