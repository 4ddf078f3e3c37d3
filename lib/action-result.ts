import { z } from 'zod';
import { UserFacingError } from '@/lib/errors';

export type ActionResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export function invalidInput(error: z.ZodError, message = 'Please check the highlighted fields.'): ActionResult<never> {
  return { ok: false, message, fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]> };
}

/** Turns an error thrown by lib/ into words for the person; anything unexpected is logged and hidden. */
export function failure(error: unknown, context: string): ActionResult<never> {
  if (error instanceof UserFacingError) return { ok: false, message: error.message };
  console.error(`[${context}]`, error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error');
  return { ok: false, message: 'Something went wrong on our side. Please try again.' };
}
