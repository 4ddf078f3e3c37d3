import 'server-only';
import type { Session } from 'next-auth';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { invalidInput, type ActionResult } from '@/lib/action-result';
import { assertAdmin } from '@/lib/auth';
import { adminErrorMessage, type AmazonPayWording } from '@/lib/auth/admin-errors';
import { inActionScope } from '@/lib/request-log';

/** A server action for useActionState: (previous result, form) in, a typed result out. */
export type AdminAction<T extends object> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

export interface AdminActionSpec<S extends z.ZodType, T extends object> {
  /** Names the action in the logs. */
  readonly context: string;
  readonly schema: S;
  /** What the schema parses; by default the form's text fields. */
  readonly input?: (form: FormData) => unknown;
  /** The one call into lib/; what it returns is the result beside `ok: true`. */
  readonly run: (input: z.output<S>, session: Session) => Promise<T>;
  readonly amazonPay?: AmazonPayWording;
}

export function formFields(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  if (!(form instanceof FormData)) return values;
  for (const [key, value] of form.entries()) if (typeof value === 'string') values[key] = value;
  return values;
}

/**
 * Every admin action has this shape: check the admin before anything else (a test
 * enumerates every export), parse the form, make one call into lib/, and turn whatever
 * it throws into the admin's words. It never throws, except for Next's own redirect and
 * notFound signals, which must reach Next.
 */
export function adminAction<S extends z.ZodType, T extends object>(spec: AdminActionSpec<S, T>): AdminAction<T> {
  const refuse = (error: unknown): ActionResult<T> => ({
    ok: false,
    message: adminErrorMessage(error, spec.context, spec.amazonPay),
  });
  return (_previous, form) => inActionScope(() => handle(form));
  async function handle(form: FormData): Promise<ActionResult<T>> {
    let session: Session;
    try {
      session = await assertAdmin();
    } catch (error) {
      return refuse(error);
    }
    try {
      // Inside the try: an action may be called with anything, and a missing form is a refusal too.
      const parsed = spec.schema.safeParse((spec.input ?? formFields)(form));
      if (!parsed.success) return invalidInput(parsed.error);
      const value: ActionResult<T> = { ok: true, ...(await spec.run(parsed.data, session)) };
      return value;
    } catch (error) {
      unstable_rethrow(error);
      return refuse(error);
    }
  }
}
