import { z } from 'zod';

/**
 * Every free-text input (a form field, a query parameter, a credential) goes through
 * this: bounded in length, and without NUL, which PostgreSQL refuses in text and no
 * honest input contains. Checked at the zod layer, so such a value is a field error,
 * never a database error.
 */
export function textInput(max: number, tooLong = `At most ${max} characters.`) {
  return z
    .string()
    .max(max, tooLong)
    .refine((value) => !value.includes('\0'), 'Remove the invisible characters.');
}
