import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="main" className="mx-auto flex min-h-[60vh] max-w-xl flex-col items-center justify-center gap-4 px-4 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">404</p>
      <h1 className="font-serif text-3xl text-ink">We couldn’t find that page</h1>
      <p className="text-ink-muted">The product may have sold out or moved. The rest of the shop is still here.</p>
      <Link href="/" className="btn-primary">
        Back to the shop
      </Link>
    </main>
  );
}
