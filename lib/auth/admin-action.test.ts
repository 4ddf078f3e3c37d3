import type { Session } from 'next-auth';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AmazonPayError } from '@/lib/amazon-pay/errors';
import { UnauthorizedError, UserFacingError } from '@/lib/errors';

const { assertAdmin } = vi.hoisted(() => ({ assertAdmin: vi.fn() }));
vi.mock('@/lib/auth', () => ({ assertAdmin }));

const { adminAction } = await import('./admin-action');

const admin: Session = { user: { role: 'admin', email: 'admin@example.com' }, expires: '2099-01-01T00:00:00Z' } as Session;

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

describe('adminAction', () => {
  const run = vi.fn(async (input: { name: string }, session: Session) => ({
    greeting: `${input.name} by ${session.user.email}`,
  }));
  const action = adminAction({ context: 'test', schema: z.object({ name: z.string().min(1, 'Give a name.') }), run });

  beforeEach(() => {
    assertAdmin.mockReset();
    assertAdmin.mockResolvedValue(admin);
    run.mockClear();
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });

  it('refuses anyone but the admin before reading the form', async () => {
    assertAdmin.mockRejectedValue(new UnauthorizedError());
    expect(await action(null, form({}))).toEqual({ ok: false, message: 'You need to sign in as the store admin to do that.' });
    expect(run).not.toHaveBeenCalled();
  });

  it('answers field errors for an invalid form without calling lib/', async () => {
    const result = await action(null, form({ name: '' }));
    expect(result).toEqual({
      ok: false,
      message: 'Please check the highlighted fields.',
      fieldErrors: { name: ['Give a name.'] },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it('returns what lib/ returned beside ok: true', async () => {
    expect(await action(null, form({ name: 'Ada' }))).toEqual({ ok: true, greeting: 'Ada by admin@example.com' });
  });

  it('turns a thrown error into the admin’s words instead of throwing', async () => {
    run.mockRejectedValueOnce(new UserFacingError('Nothing to capture.', 'refused'));
    expect(await action(null, form({ name: 'Ada' }))).toEqual({ ok: false, message: 'Nothing to capture.' });
    run.mockRejectedValueOnce(new Error('boom'));
    expect(await action(null, form({ name: 'Ada' }))).toEqual({
      ok: false,
      message: 'Something went wrong on our side. Please try again.',
    });
  });

  it('words a raw AmazonPayError with its reason, or briefly where asked', async () => {
    const refusal = () =>
      new AmazonPayError({
        operation: 'getReports',
        status: 400,
        reasonCode: 'InvalidParameterValue',
        message: 'Bad type.',
        retryable: false,
      });
    run.mockRejectedValueOnce(refusal());
    expect(await action(null, form({ name: 'Ada' }))).toEqual({
      ok: false,
      message: 'Amazon Pay refused the request (InvalidParameterValue): Bad type.',
    });
    const brief = adminAction({
      context: 'test',
      schema: z.object({}),
      amazonPay: 'brief',
      run: () => Promise.reject(refusal()),
    });
    expect(await brief(null, form({}))).toEqual({
      ok: false,
      message: 'Amazon Pay could not complete the request. Please try again.',
    });
  });
});
