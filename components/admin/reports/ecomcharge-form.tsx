import { formatUtcDay } from '@/components/ui/format-time';
import { ECOM_DATE_TYPES, ECOM_STATUSES, type EcomQuery } from '@/lib/reports/ecomcharge-query';
import { Field } from './field';
import { BUTTON, INPUT } from './ui';

// A period defaults to the whole of today.
const PERIOD_FIELDS = [
  ['from', 'Period from', '00:00'],
  ['to', 'Period to (inclusive)', '23:59'],
] as const;

/** A select whose options are eComCharge's own words. */
function ChoiceField({
  label,
  name,
  choices,
  defaultValue,
}: {
  label: string;
  name: string;
  choices: readonly string[];
  defaultValue: string;
}) {
  return (
    <Field label={label}>
      <select name={name} className={INPUT} defaultValue={defaultValue}>
        {choices.map((choice) => (
          <option key={choice}>{choice}</option>
        ))}
      </select>
    </Field>
  );
}

/** A plain GET form: the query (and the page cursor) live in the URL. */
export function EcomchargeForm({ query, errors }: { query: EcomQuery | null; errors: Record<string, string> }) {
  const mode = query?.mode ?? 'day';
  const today = formatUtcDay(new Date());
  return (
    <form
      method="get"
      action="/admin/reports/ecomcharge"
      className="grid gap-4 rounded-xl bg-white p-5 shadow-sm"
      aria-label="eComCharge query"
    >
      <fieldset className="flex gap-4 text-sm">
        <legend className="mb-1 text-ink-muted">Show</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="mode" value="day" defaultChecked={mode === 'day'} /> One day (API v2)
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="mode" value="period" defaultChecked={mode === 'period'} /> A period, paged (API v3)
        </label>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Day" error={errors.date}>
          <input type="date" name="date" className={INPUT} defaultValue={query?.mode === 'day' ? query.date : today} />
        </Field>
        {PERIOD_FIELDS.map(([name, label, defaultTime]) => (
          <Field key={name} label={label} error={errors[name]}>
            <input
              type="datetime-local"
              name={name}
              className={INPUT}
              defaultValue={query?.mode === 'period' ? query[name] : `${today}T${defaultTime}`}
            />
          </Field>
        ))}
        <ChoiceField label="Status" name="status" choices={ECOM_STATUSES} defaultValue={query?.status ?? 'all'} />
        <ChoiceField label="Date of" name="dateType" choices={ECOM_DATE_TYPES} defaultValue={query?.dateType ?? 'created_at'} />
        <Field label="Time zone" error={errors.timeZone}>
          <input name="timeZone" className={INPUT} defaultValue={query?.timeZone ?? 'Etc/UTC'} />
        </Field>
      </div>
      <div>
        <button type="submit" className={BUTTON}>
          Show transactions
        </button>
      </div>
    </form>
  );
}
