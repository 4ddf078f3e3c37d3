import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, withLogContext } from './log';
import { requestIdFrom } from './request-id';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger(stream, 'info') };
}

describe('the logger', () => {
  it('writes JSON lines that carry the request or job they were written in', async () => {
    const { lines, logger } = capture();
    await withLogContext({ requestId: 'req-12345678' }, async () => {
      logger.info({ operation: 'getCharge' }, 'amazon pay call');
      await withLogContext({ jobId: 'job-1', job: 'ipn-process' }, async () => logger.info('nested'));
    });
    logger.info('outside');
    expect(lines[0]).toMatchObject({ level: 30, msg: 'amazon pay call', operation: 'getCharge', requestId: 'req-12345678' });
    expect(lines[1]).toMatchObject({ requestId: 'req-12345678', jobId: 'job-1', job: 'ipn-process' });
    expect(lines[2]).not.toHaveProperty('requestId');
  });

  it('never writes personal data or secrets, wherever they sit', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        buyer: { name: 'Ada Lovelace', email: 'ada@example.com' },
        order: { email: 'ada@example.com', shippingAddress: { addressLine1: '1 Analytical Way', city: 'London' } },
        request: { headers: { authorization: 'AMZN-PAY-RSASSA-PSS Signature=abc', cookie: 'sid=1' } },
        key: { privateKey: '-----BEGIN PRIVATE KEY-----', signature: 'c2lnbmF0dXJl' },
        phoneNumber: '+44 20 7946 0000',
        err: { name: 'AmazonPayError', message: 'declined' },
      },
      'with everything',
    );
    const text = JSON.stringify(lines[0]);
    for (const secret of [
      'Ada',
      'ada@example.com',
      'Analytical',
      'Signature=abc',
      'sid=1',
      'BEGIN PRIVATE',
      'c2lnbmF0dXJl',
      '7946',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({ err: { name: 'AmazonPayError', message: 'declined' } });
  });

  it('keeps a sane incoming request id and replaces anything else', () => {
    expect(requestIdFrom('abc-12345678')).toBe('abc-12345678');
    expect(requestIdFrom('bad id with spaces')).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(null)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
