'use client';

import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

/** Trades the buyerToken Amazon returned for our session, then opens the account page. */
export function AmazonSignInCompletion({ buyerToken }: { buyerToken: string }) {
  const router = useRouter();
  const started = useRef(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    signIn('amazon', { buyerToken, redirect: false }).then((result) => {
      if (result?.ok && !result.error) {
        router.replace('/account');
        router.refresh();
      } else {
        setFailed(true);
      }
    });
  }, [buyerToken, router]);

  return failed ? (
    <div role="alert" className="flex flex-col items-center gap-3">
      <p>We could not sign you in with Amazon. Please try again.</p>
      <Link href="/account" className="btn-primary">
        Back to sign-in
      </Link>
    </div>
  ) : (
    <p role="status">Signing you in with Amazon…</p>
  );
}
