import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOrigin, getAuthOptions } from '@/lib/auth';
import { dropForeignCallbackCookies, sanitizedAuthRequest } from '@/lib/auth/auth-request';
import { answeringErrors } from '@/lib/route-errors';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// next-auth validates its own routes and inputs; the options are built per request
// because the session secret may come from the database.
const handler = answeringErrors('auth', async (request: NextRequest, context: RouteContext): Promise<Response> => {
  const options = await getAuthOptions();
  const origin = authOrigin();
  await dropForeignCallbackCookies(origin);
  return NextAuth(await sanitizedAuthRequest(request, origin), context, options) as Promise<Response>;
});

export { handler as GET, handler as POST };
