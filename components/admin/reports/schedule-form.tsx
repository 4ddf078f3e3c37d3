'use client';

import { useActionState, useState } from 'react';
import { SCHEDULABLE_REPORT_TYPES, SCHEDULE_FREQUENCIES } from '@/lib/reports/report-types';
import { ActionError } from './action-error';
import { Field } from './field';
import { cancelScheduleAction, createScheduleAction } from './report-actions';
import { BUTTON, BUTTON_SECONDARY, INPUT } from './ui';

/**
 * Amazon keeps one schedule per report type: replacing one is offered only when it exists
 * (https://developer.amazon.com/docs/amazon-pay-reports/managing-report-schedules.html).
 */
export function ScheduleForm({ scheduledTypes }: { scheduledTypes: readonly string[] }) {
  const [state, action, pending] = useActionState(createScheduleAction, null);
  const [type, setType] = useState<string>(SCHEDULABLE_REPORT_TYPES[0]?.type ?? '');
  const exists = scheduledTypes.includes(type);
  return (
    <form action={action} className="mt-4 grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end" aria-describedby="schedule-status">
      <Field label="Report type">
        <select name="reportType" className={INPUT} value={type} onChange={(event) => setType(event.target.value)}>
          {SCHEDULABLE_REPORT_TYPES.map((info) => (
            <option key={info.type} value={info.type}>
              {info.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Frequency">
        <select name="scheduleFrequency" className={INPUT} defaultValue="P1D">
          {SCHEDULE_FREQUENCIES.map((entry) => (
            <option key={entry.frequency} value={entry.frequency}>
              {entry.label} ({entry.frequency})
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className={BUTTON} disabled={pending}>
        {pending ? 'Saving…' : 'Create schedule'}
      </button>
      {exists && (
        <label className="flex items-center gap-2 text-sm sm:col-span-3">
          <input type="checkbox" name="deleteExistingSchedule" />
          Replace the existing schedule for this type (deleteExistingSchedule)
        </label>
      )}
      <div id="schedule-status" aria-live="polite" className="text-sm sm:col-span-3">
        <ActionError state={state} />
        {state?.ok && <p className="text-emerald-700">Schedule {state.reportScheduleId} created.</p>}
      </div>
    </form>
  );
}

export function CancelScheduleButton({ reportScheduleId }: { reportScheduleId: string }) {
  const [state, action, pending] = useActionState(cancelScheduleAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="reportScheduleId" value={reportScheduleId} />
      <button type="submit" className={BUTTON_SECONDARY} disabled={pending} aria-label={`Cancel schedule ${reportScheduleId}`}>
        {pending ? 'Cancelling…' : 'Cancel'}
      </button>
      {state && !state.ok && (
        <span className="ml-2 text-sm text-red-700" role="alert">
          {state.message}
        </span>
      )}
    </form>
  );
}
