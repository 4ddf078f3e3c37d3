import Link from 'next/link';

/** An unknown order, and someone else's, look the same: nothing here says which it was. */
export default function OrderNotFound() {
  return (
    <div className="card mx-auto flex max-w-xl flex-col items-center gap-4 p-10 text-center">
      <h1 className="font-serif text-3xl text-ink">Order not found</h1>
      <p className="text-ink-muted">
        We could not find that order in this browser. Orders open in the browser they were placed in, or in your account once you
        sign in with Amazon.
      </p>
      <div className="flex flex-wrap justify-center gap-3">
        <Link href="/account" className="btn-primary">
          Your orders
        </Link>
        <Link href="/" className="btn-secondary">
          Back to the shop
        </Link>
      </div>
    </div>
  );
}
