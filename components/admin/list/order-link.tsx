import Link from 'next/link';

/** An order's number, linking to its admin page. */
export function OrderLink({ number }: { number: string }) {
  return (
    <Link href={`/admin/orders/${number}`} className="font-mono font-medium text-brand-800 hover:underline">
      {number}
    </Link>
  );
}
