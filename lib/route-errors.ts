import 'server-only';
import { NextResponse } from 'next/server';
import { GENERIC_FAILURE, logFailure } from '@/lib/action-result';
import { UnauthorizedError } from '@/lib/errors';
import { BodyTooLargeError } from '@/lib/request-body';

/**
 * A route handler that never lets an error reach Next.js: whatever it throws is logged
 * here and answered in plain words (401 for a stranger, 413 for a body over the limit, 400 for a body that is
 * not the JSON it claims, 500 otherwise), never with a stack, a query or a driver message.
 */
export function answeringErrors<A extends unknown[]>(
  context: string,
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return NextResponse.json({ message: error.message }, { status: 413 });
      if (error instanceof UnauthorizedError) return NextResponse.json({ message: error.message }, { status: 401 });
      if (error instanceof SyntaxError) return NextResponse.json({ message: 'The request could not be read.' }, { status: 400 });
      logFailure(error, context);
      return NextResponse.json({ message: GENERIC_FAILURE }, { status: 500 });
    }
  };
}
