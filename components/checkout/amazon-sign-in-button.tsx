'use client';

import { signSignInButtonAction } from './actions';
import { AmazonButton } from './amazon-button';
import type { AmazonButtonBase } from '@/lib/amazon-pay/server';

export function AmazonSignInButton({ base }: { base: AmazonButtonBase }) {
  return <AmazonButton base={base} sign={signSignInButtonAction} label="Sign in with Amazon" />;
}
