import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateAuthSecret } from '@/lib/auth/secret';
import { getConfig } from '@/lib/config';
import { emailOutbox, orders } from '@/lib/db/schema';
import { authorizeDownload } from '@/lib/downloads/delivery';
import { downloadSigningKeyFrom } from '@/lib/downloads/token';
import { outboxDispatcher, sendEmailJob, SEND_EMAIL } from '@/lib/jobs/email';
import { JOB_SCHEMA } from '@/lib/jobs/queue';
import { syncCharge } from '@/lib/orders/payments/sync';
import { completedOrder } from '@/test/checkout-fixtures';
import { testDatabaseTargets } from '@/test/databases';
import { startTestRunner, until } from '@/test/jobs';
import { storeOnSandbox } from '@/test/store-on-sandbox';
import { queueEmailsFor, setOutboxDispatcher } from '.';
import { mailTransportFor } from './mailer';
import { deliverQueuedEmail, listOutbox, loadOutboxMessage } from './outbox';

interface ReceivedMail {
  to: string[];
  raw: string;
}

/** An SMTP server in this process that keeps what it is given. */
async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(resolve)) };
}

/** The decoded text/plain part of a raw MIME message (quoted-printable, as nodemailer writes non-ASCII text). */
function textPart(raw: string): string {
  const part = raw.split(/\r?\n--/).find((section) => /content-type: text\/plain/i.test(section));
  if (!part) throw new Error('no text/plain part');
  const body = part
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n\n');
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

describe.each(testDatabaseTargets)('the e-mail outbox on $name', (target) => {
  const store = storeOnSandbox(target);
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => smtp?.close());

  const outboxOf = async (number: string) => {
    const [order] = await store.db.select().from(orders).where(eq(orders.number, number));
    return store.db.select().from(emailOutbox).where(eq(emailOutbox.orderId, order!.id));
  };

  it('writes one confirmation per order, however often its payment is recorded, and sends it once over SMTP', async () => {
    const { number, chargeId } = await completedOrder(store.db, store.h, {
      slugs: ['enamel-camp-mug'],
      card: '1111',
      shopperTokenHash: 'e'.repeat(64),
    });
    const [message] = await outboxOf(number);
    expect(message).toMatchObject({ kind: 'order_confirmation', status: 'queued', recipient: 'jane.doe@example.com' });

    // The same facts recorded again: Amazon's IPN and the sweep re-read the charge, a trigger repeats.
    await syncCharge(store.db, store.h.client, chargeId);
    await queueEmailsFor(store.db, {
      orderId: message!.orderId,
      type: 'order.status_changed',
      actor: 'amazon',
      detail: { status: 'authorized' },
    });
    expect(await outboxOf(number)).toHaveLength(1);

    const transport = mailTransportFor(smtp.url);
    const before = smtp.received.length;
    await expect(
      deliverQueuedEmail(store.db, message!.id, transport, 'Northwind Goods <orders@localhost>'),
    ).resolves.toMatchObject({ status: 'sent' });
    await expect(
      deliverQueuedEmail(store.db, message!.id, transport, 'Northwind Goods <orders@localhost>'),
    ).resolves.toMatchObject({ status: 'sent' });
    expect(smtp.received).toHaveLength(before + 1);

    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual(['jane.doe@example.com']);
    expect(mail.raw).toMatch(new RegExp(`^Subject: Thank you for your order ${number}$`, 'm'));
    expect(mail.raw).toMatch(/^From: Northwind Goods <orders@localhost>$/m);
    const text = textPart(mail.raw);
    expect(text).toContain('We have your order and your payment is confirmed.');
    expect(text).toMatch(/^Enamel Camp Mug × 1 \$\d+\.\d{2}$/m);
    const [sent] = await outboxOf(number);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(sent!.messageId).toBeTruthy();
    // The admin outbox lists it under its order and shows what was sent.
    const listed = (await listOutbox(store.db)).find((row) => row.id === message!.id);
    expect(listed).toMatchObject({ orderNumber: number, status: 'sent', kind: 'order_confirmation' });
    const shown = await loadOutboxMessage(store.db, message!.id);
    expect(shown?.html).toContain(`Thank you for your order ${number}`);
    expect(shown?.text).toContain('We have your order and your payment is confirmed.');
  });

  it("gives a paid digital order's confirmation a download link that opens for the buyer only", async () => {
    const shopperTokenHash = 'c'.repeat(64);
    const { number } = await completedOrder(store.db, store.h, {
      slugs: ['brewing-field-guide'],
      card: '1111',
      shopperTokenHash,
    });
    const [message] = await outboxOf(number);
    expect(message).toMatchObject({ kind: 'order_confirmation' });
    const token = /\/api\/downloads\/([A-Za-z0-9._-]+)/.exec(message!.text)?.[1];
    expect(token).toBeDefined();
    expect(message!.html).toContain('The Brewing Field Guide (e-book)</a>');

    const signingKey = downloadSigningKeyFrom(getConfig().auth.secret ?? (await loadOrCreateAuthSecret(store.db)));
    const ask = (viewerHash: string) =>
      authorizeDownload(store.db, {
        token: token!,
        viewer: { shopperTokenHash: viewerHash, buyerId: null },
        signingKey,
        storageDir: path.resolve('storage-seed'),
        now: new Date(),
      });
    await expect(ask('d'.repeat(64))).resolves.toEqual({ ok: false, refusal: 'not_yours' });
    await expect(ask(shopperTokenHash)).resolves.toMatchObject({ ok: true, downloads: 1 });
  });

  it("states a subscription's recurring amount, next charge and how to cancel in its confirmation", async () => {
    const { number } = await completedOrder(store.db, store.h, {
      slugs: ['monthly-coffee-club'],
      card: '1111',
      shopperTokenHash: '9'.repeat(64),
    });
    const [message] = await outboxOf(number);
    expect(message).toMatchObject({ kind: 'order_confirmation' });
    expect(message!.text).toMatch(/Your subscription: \$\d+\.\d{2} every month\./);
    expect(message!.text).toMatch(/Next charge: /);
    expect(message!.text).toMatch(/\/account\b/);
  });

  it('keeps a message offline, not failed, without an SMTP server, and never sends it later', async () => {
    const { number } = await completedOrder(store.db, store.h, {
      slugs: ['enamel-camp-mug'],
      card: '1111',
      shopperTokenHash: 'f'.repeat(64),
    });
    const [message] = await outboxOf(number);
    await expect(deliverQueuedEmail(store.db, message!.id, null, 'shop <orders@localhost>')).resolves.toMatchObject({
      status: 'offline',
    });
    const before = smtp.received.length;
    await deliverQueuedEmail(store.db, message!.id, mailTransportFor(smtp.url), 'shop <orders@localhost>');
    expect(smtp.received).toHaveLength(before);
    const [kept] = await outboxOf(number);
    expect(kept).toMatchObject({ status: 'offline', attempts: 0, lastError: null });
  });

  it('counts a refused delivery as an attempt and leaves the message queued for the retry', async () => {
    const { number } = await completedOrder(store.db, store.h, {
      slugs: ['enamel-camp-mug'],
      card: '1111',
      shopperTokenHash: 'a'.repeat(64),
    });
    const [message] = await outboxOf(number);
    const refusing = {
      sendMail: () => Promise.reject(new Error('550 5.1.1 <jane.doe@example.com>: Recipient address rejected')),
    };
    await expect(deliverQueuedEmail(store.db, message!.id, refusing, 'shop <orders@localhost>')).rejects.toThrow(
      /Recipient address rejected/,
    );
    const [after] = await outboxOf(number);
    expect(after).toMatchObject({ status: 'queued', attempts: 1 });
    expect(after!.lastError).toContain('[address]');
    expect(after!.lastError).not.toContain('jane.doe');
  });

  it('queues the send job in the transaction that records the order, and the job delivers it', async () => {
    const runner = await startTestRunner(store.handle, [sendEmailJob]);
    setOutboxDispatcher(outboxDispatcher(runner.boss));
    try {
      const { number } = await completedOrder(store.db, store.h, {
        slugs: ['enamel-camp-mug'],
        card: '1111',
        shopperTokenHash: 'b'.repeat(64),
      });
      const [message] = await outboxOf(number);
      const { rows } = await runner.boss
        .getDb()
        .executeSql(`SELECT id FROM ${JOB_SCHEMA}.job WHERE name = $1 AND singleton_key = $2`, [SEND_EMAIL, message!.id]);
      expect(rows).toHaveLength(1);
      // No SMTP_URL in the test environment: the job keeps the message offline.
      const settled = await until(
        () => outboxOf(number),
        ([row]) => row?.status !== 'queued',
      );
      expect(settled[0]).toMatchObject({ status: 'offline' });
    } finally {
      setOutboxDispatcher(undefined);
      await runner.stop();
    }
  });
});
