'use client';

import { startTransition, type FormEvent } from 'react';

/**
 * Sends a form to its useActionState dispatch without React's automatic reset. React resets a form once an
 * action given as its `action` prop has run (https://react.dev/reference/react-dom/components/form): fields fall
 * back to their defaults, and a controlled <select> can be left showing its default option while its state holds
 * another, so the next submit would send a value the admin never chose. Here the fields keep what they show.
 */
export function submitKeepingFields(dispatch: (form: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The submitter's name and value belong to the form data, as in a native submit.
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(form));
  };
}
