import Link from 'next/link';
import { PAGE_SIZE_MAX, PAGE_SIZE_MIN } from '@/lib/reports/date-range';
import { REPORT_STATUSES, REPORT_TYPES } from '@/lib/reports/report-types';
import type { ParsedReportFilters, ReportFilterValues } from '@/lib/reports/report-filters';
import { Field } from './field';
import { BUTTON, BUTTON_SECONDARY, INPUT } from './ui';

type FieldErrors = Extract<ParsedReportFilters, { ok: false }>['fieldErrors'];

const DATE_FIELDS = [
  ['createdSince', 'Created since'],
  ['createdUntil', 'Created until'],
] as const;

/** A plain GET form: the filters live in the URL, so a filtered list can be bookmarked and shared. */
export function ReportFiltersForm({ values, errors }: { values: ReportFilterValues; errors: FieldErrors }) {
  const errorId = (name: keyof FieldErrors) => `${name}-error`;
  const error = (name: keyof FieldErrors) =>
    errors[name] ? (
      <span id={errorId(name)} className="text-xs text-red-700">
        {errors[name]}
      </span>
    ) : null;
  // A refused value marks its input and points it at the message.
  const ariaFor = (name: keyof FieldErrors) => ({
    'aria-invalid': Boolean(errors[name]),
    'aria-describedby': errors[name] ? errorId(name) : undefined,
  });
  const field = (name: keyof FieldErrors, label: string) => ({ label, error: errors[name], errorId: errorId(name) });
  return (
    <form
      method="get"
      action="/admin/reports"
      className="grid gap-4 rounded-xl bg-white p-5 shadow-sm"
      aria-label="Report filters"
    >
      <div className="grid gap-4 md:grid-cols-2">
        <fieldset className="text-sm">
          <legend className="mb-1 text-ink-muted">Types</legend>
          {REPORT_TYPES.map((info) => (
            <label key={info.type} className="flex items-center gap-2">
              <input type="checkbox" name="type" value={info.type} defaultChecked={values.types.includes(info.type)} />
              {info.label}
            </label>
          ))}
          {error('types')}
        </fieldset>
        <div className="grid content-start gap-3">
          <fieldset className="text-sm">
            <legend className="mb-1 text-ink-muted">Statuses</legend>
            <div className="flex flex-wrap gap-x-4">
              {REPORT_STATUSES.map((entry) => (
                <label key={entry.status} className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    name="status"
                    value={entry.status}
                    defaultChecked={values.statuses.includes(entry.status)}
                  />
                  {entry.label}
                </label>
              ))}
            </div>
            {error('statuses')}
          </fieldset>
          <div className="grid grid-cols-3 items-start gap-3">
            {DATE_FIELDS.map(([name, label]) => (
              <Field key={name} {...field(name, label)}>
                <input type="date" name={name} defaultValue={values[name]} className={INPUT} {...ariaFor(name)} />
              </Field>
            ))}
            <Field {...field('pageSize', 'Page size')}>
              <input
                type="number"
                name="pageSize"
                min={PAGE_SIZE_MIN}
                max={PAGE_SIZE_MAX}
                defaultValue={values.pageSize || '10'}
                className={INPUT}
                {...ariaFor('pageSize')}
              />
            </Field>
          </div>
          <p className="text-xs text-ink-muted">Amazon keeps reports for 90 days; a range may span at most 90 days.</p>
        </div>
      </div>
      <div className="flex gap-2">
        <button type="submit" className={BUTTON}>
          Apply filters
        </button>
        <Link href="/admin/reports" className={BUTTON_SECONDARY}>
          Reset
        </Link>
      </div>
    </form>
  );
}
