import type { ActionResult } from '@/lib/action-result';

/** A refused action's message, followed by what each field said. */
export function ActionError({ state }: { state: ActionResult | null }) {
  if (!state || state.ok) return null;
  return (
    <p className="text-sm text-red-700" role="alert">
      {state.message}{' '}
      {Object.values(state.fieldErrors ?? {})
        .flat()
        .join(' ')}
    </p>
  );
}
