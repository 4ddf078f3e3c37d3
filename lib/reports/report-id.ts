import { z } from 'zod';

/** Amazon's report ids are short alphanumerics (A08439021T39K6DTX4JS8; the sandbox's R…); anything else never reaches a URL. */
export const reportIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
