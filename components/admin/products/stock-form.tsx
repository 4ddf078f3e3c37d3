'use client';

import { useActionState, useId } from 'react';
import { setStockAction, type StockActionResult } from './actions';

/** One row's form: the product rides along hidden; an empty level is unlimited. */
export function StockForm({ productId, productName, stock }: { productId: string; productName: string; stock: number | null }) {
  const [result, formAction, pending] = useActionState<StockActionResult | null, FormData>(setStockAction, null);
  const inputId = useId();
  const problem = result?.ok === false ? (result.fieldErrors?.stock?.[0] ?? result.message) : null;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="productId" value={productId} />
      <label htmlFor={inputId} className="sr-only">
        Stock of {productName}
      </label>
      <input
        id={inputId}
        name="stock"
        type="number"
        min={0}
        step={1}
        inputMode="numeric"
        defaultValue={stock ?? ''}
        placeholder="Unlimited"
        aria-invalid={problem ? true : undefined}
        className="w-20 rounded-lg border border-black/15 bg-white px-3 py-1 text-sm sm:w-28"
      />
      <button type="submit" className="btn-secondary py-1 text-sm" disabled={pending}>
        {pending ? 'Saving…' : 'Save'}
      </button>
      <span aria-live="polite" className={`text-sm ${problem ? 'text-rose-800' : 'text-emerald-800'}`}>
        {problem ?? (result?.ok ? result.message : '')}
      </span>
    </form>
  );
}
