'use client';

import { signSignInButtonAction } from './actions';
import { AmazonButton } from './amazon-button';
import type { AmazonButtonBase } from '@/lib/amazon-pay/button-options';

export function AmazonSignInButton({ base }: { base: AmazonButtonBase }) {
  return <AmazonButton base={base} sign={signSignInButtonAction} label="Sign in with Amazon" />;
}
