'use client';

import { useActionState, useState } from 'react';
import { reportTypeLabel, reportTypesFor, scheduleFrequencyLabel, SCHEDULE_FREQUENCIES } from '@/lib/reports/report-types';
import { ActionError } from './action-error';
import { Field } from './field';
import { cancelScheduleAction, createScheduleAction } from './report-actions';
import { submitKeepingFields } from './submit-keeping-fields';
import { BUTTON, BUTTON_SECONDARY, INPUT } from './ui';

const DEFAULT_FREQUENCY = 'P1D';

/**
 * Amazon keeps one schedule per report type: replacing one is offered only when it exists
 * (https://developer.amazon.com/docs/amazon-pay-reports/managing-report-schedules.html). Every field is held in
 * state and the form is never reset, so after a refusal ("exists already") the fields still show what was sent,
 * and Replace sends exactly those.
 */
export function ScheduleForm({ scheduledTypes, sandbox }: { scheduledTypes: readonly string[]; sandbox: boolean }) {
  const schedulable = reportTypesFor(sandbox).filter((info) => info.schedulable);
  const [state, action, pending] = useActionState(createScheduleAction, null);
  const [type, setType] = useState<string>(schedulable[0]?.type ?? '');
  const [frequency, setFrequency] = useState<string>(DEFAULT_FREQUENCY);
  const [replace, setReplace] = useState(false);
  const exists = scheduledTypes.includes(type);
  return (
    <form
      action={action}
      onSubmit={submitKeepingFields(action)}
      className="mt-4 grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end"
      aria-describedby="schedule-status"
    >
      <Field label="Report type">
        <select
          name="reportType"
          className={INPUT}
          value={type}
          onChange={(event) => {
            setType(event.target.value);
            // A tick given for one type's schedule never carries over to another's.
            setReplace(false);
          }}
        >
          {schedulable.map((info) => (
            <option key={info.type} value={info.type}>
              {info.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Frequency">
        <select
          name="scheduleFrequency"
          className={INPUT}
          value={frequency}
          onChange={(event) => setFrequency(event.target.value)}
        >
          {SCHEDULE_FREQUENCIES.map((entry) => (
            <option key={entry.frequency} value={entry.frequency}>
              {entry.label} ({entry.frequency})
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className={BUTTON} disabled={pending}>
        {pending ? 'Saving…' : exists && replace ? 'Replace schedule' : 'Create schedule'}
      </button>
      {exists && (
        <label className="flex items-center gap-2 text-sm sm:col-span-3">
          <input
            type="checkbox"
            name="deleteExistingSchedule"
            checked={replace}
            onChange={(event) => setReplace(event.target.checked)}
          />
          Replace the existing schedule for this type (deleteExistingSchedule)
        </label>
      )}
      <div id="schedule-status" aria-live="polite" className="text-sm sm:col-span-3">
        <ActionError state={state} />
        {state?.ok && (
          <p className="text-emerald-700" data-testid="schedule-saved">
            Schedule {state.reportScheduleId} saved: {reportTypeLabel(state.reportType)},{' '}
            {scheduleFrequencyLabel(state.scheduleFrequency).toLowerCase()}.
          </p>
        )}
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
