import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { getAuthOptions } from '@/lib/auth';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// next-auth validates its own routes and inputs; the options are built per request
// because the session secret may come from the database.
async function handler(request: NextRequest, context: RouteContext): Promise<Response> {
  return NextAuth(request, context, await getAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
