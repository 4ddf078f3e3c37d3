export function OfflineSandboxBanner() {
  return (
    <div role="status" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950">
      <strong className="font-semibold">Offline sandbox mode.</strong> Payments go to the built-in Amazon Pay emulator; no real
      money moves. Set the <code className="font-mono">AMAZON_PAY_*</code> variables to use Amazon Pay.
    </div>
  );
}
