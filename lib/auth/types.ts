import type { DefaultSession } from 'next-auth';

export type Role = 'admin' | 'shopper';

declare module 'next-auth' {
  interface Session {
    user: DefaultSession['user'] & { role: Role; buyerId?: string; sessionId?: string };
  }
  interface User {
    role: Role;
    buyerId?: string;
    /** Where the sign-in came from, for the session's row. */
    userAgent?: string | null;
    clientIp?: string | null;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: Role;
    buyerId?: string;
    /** The session's row (lib/auth/sessions.ts). */
    sid?: string;
  }
}
