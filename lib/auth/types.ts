import type { DefaultSession } from 'next-auth';

export type Role = 'admin' | 'shopper';

declare module 'next-auth' {
  interface Session {
    user: DefaultSession['user'] & { role: Role; buyerId?: string };
  }
  interface User {
    role: Role;
    buyerId?: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: Role;
    buyerId?: string;
  }
}
