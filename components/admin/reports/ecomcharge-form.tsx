import { ECOM_DATE_TYPES, ECOM_STATUSES, type EcomQuery } from '@/lib/reports/ecomcharge-query';
import { BUTTON, INPUT } from './ui';

/** A plain GET form: the query (and the page cursor) live in the URL. */
export function EcomchargeForm({ query, errors }: { query: EcomQuery | null; errors: Record<string, string> }) {
  const mode = query?.mode ?? 'day';
  const field = (name: string) => (errors[name] ? <span className="text-xs text-red-700">{errors[name]}</span> : null);
  const today = new Date().toISOString().slice(0, 10);
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
        <label className="grid gap-1 text-sm">
          <span className="text-ink-muted">Day</span>
          <input type="date" name="date" className={INPUT} defaultValue={query?.mode === 'day' ? query.date : today} />
          {field('date')}
        </label>
        <label className="grid gap-1 text-sm">
          <span className="text-ink-muted">Period from</span>
          <input
            type="datetime-local"
            name="from"
            className={INPUT}
            defaultValue={query?.mode === 'period' ? query.from : `${today}T00:00`}
          />
          {field('from')}
        </label>
        <label className="grid gap-1 text-sm">
          <span className="text-ink-muted">Period to (inclusive)</span>
          <input
            type="datetime-local"
            name="to"
            className={INPUT}
            defaultValue={query?.mode === 'period' ? query.to : `${today}T23:59`}
          />
          {field('to')}
        </label>
        <label className="grid gap-1 text-sm">
          <span className="text-ink-muted">Status</span>
          <select name="status" className={INPUT} defaultValue={query?.status ?? 'all'}>
            {ECOM_STATUSES.map((status) => (
              <option key={status}>{status}</option>
            ))}
          </select>
        </label>
        <label className="grid gap-1 text-sm">
          <span className="text-ink-muted">Date of</span>
          <select name="dateType" className={INPUT} defaultValue={query?.dateType ?? 'created_at'}>
            {ECOM_DATE_TYPES.map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
        </label>
        <label className="grid gap-1 text-sm">
          <span className="text-ink-muted">Time zone</span>
          <input name="timeZone" className={INPUT} defaultValue={query?.timeZone ?? 'Etc/UTC'} />
          {field('timeZone')}
        </label>
      </div>
      <div>
        <button type="submit" className={BUTTON}>
          Show transactions
        </button>
      </div>
    </form>
  );
}
