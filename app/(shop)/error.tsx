'use client';

export default function ShopError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto flex max-w-xl flex-col items-center gap-4 py-16 text-center">
      <h1 className="font-serif text-3xl text-ink">Something went wrong</h1>
      <p className="text-ink-muted">We could not load this page. Your cart is safe; please try again.</p>
      <button type="button" className="btn-primary" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
