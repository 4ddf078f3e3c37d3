export function SiteFooter({ storeName }: { storeName: string }) {
  return (
    <footer className="mt-16 border-t border-black/5 bg-white">
      <div className="mx-auto flex max-w-shop flex-col gap-2 px-4 py-8 text-sm text-ink-muted sm:flex-row sm:justify-between sm:px-6">
        <p>
          © {new Date().getFullYear()} {storeName}. Prices include everything but tax and shipping, shown before you pay.
        </p>
        <p>Secure checkout with Amazon Pay.</p>
      </div>
    </footer>
  );
}
