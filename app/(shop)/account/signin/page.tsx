import type { Metadata } from 'next';
import { z } from 'zod';
import { textInput } from '@/lib/text-input';
import { AmazonSignInCompletion } from '@/components/account/amazon-sign-in-completion';

export const metadata: Metadata = { title: 'Signing in', robots: { index: false } };

const searchSchema = z.object({ buyerToken: textInput(2048).min(8) });

/**
 * signInReturnUrl: Amazon sends the shopper here with ?buyerToken=…
 * (https://developer.amazon.com/docs/amazon-pay-checkout/amazon-sign-in.html).
 */
export default async function AmazonSignInReturnPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const parsed = searchSchema.safeParse(await searchParams);
  return (
    <div className="card mx-auto flex max-w-md flex-col items-center gap-4 p-10 text-center">
      {parsed.success ? (
        <AmazonSignInCompletion buyerToken={parsed.data.buyerToken} />
      ) : (
        <p role="alert">That sign-in link is not valid. Please try again.</p>
      )}
    </div>
  );
}
