'use client';

import { AmazonButton } from './amazon-button';
import type { AmazonButtonBase, SignedButtonResult } from '@/lib/amazon-pay/server';
import { Alert } from '@/components/ui/alert';

/** Sign-In with Amazon, rendered with the signInConfig the server signed for this page. */
export function AmazonSignInButton({ base, signed }: { base: AmazonButtonBase; signed: SignedButtonResult }) {
  if (!signed.ok) return <Alert compact>{signed.message}</Alert>;
  return <AmazonButton base={base} signInConfig={signed.config} label="Sign in with Amazon" />;
}
