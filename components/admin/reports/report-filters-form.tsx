import Link from 'next/link';
import { PAGE_SIZE_MAX, PAGE_SIZE_MIN } from '@/lib/reports/date-range';
import { REPORT_STATUSES, REPORT_TYPES } from '@/lib/reports/report-types';
import type { ParsedReportFilters, ReportFilterValues } from '@/lib/reports/report-filters';
import { BUTTON, BUTTON_SECONDARY, INPUT } from './ui';

type FieldErrors = Extract<ParsedReportFilters, { ok: false }>['fieldErrors'];

/** A plain GET form: the filters live in the URL, so a filtered list can be bookmarked and shared. */
export function ReportFiltersForm({ values, errors }: { values: ReportFilterValues; errors: FieldErrors }) {
  const error = (name: keyof FieldErrors) =>
    errors[name] ? (
      <span id={`${name}-error`} className="text-xs text-red-700">
        {errors[name]}
      </span>
    ) : null;
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
            <label className="grid gap-1 text-sm">
              <span className="text-ink-muted">Created since</span>
              <input
                type="date"
                name="createdSince"
                defaultValue={values.createdSince}
                className={INPUT}
                aria-invalid={Boolean(errors.createdSince)}
                aria-describedby={errors.createdSince ? 'createdSince-error' : undefined}
              />
              {error('createdSince')}
            </label>
            <label className="grid gap-1 text-sm">
              <span className="text-ink-muted">Created until</span>
              <input
                type="date"
                name="createdUntil"
                defaultValue={values.createdUntil}
                className={INPUT}
                aria-invalid={Boolean(errors.createdUntil)}
                aria-describedby={errors.createdUntil ? 'createdUntil-error' : undefined}
              />
              {error('createdUntil')}
            </label>
            <label className="grid gap-1 text-sm">
              <span className="text-ink-muted">Page size</span>
              <input
                type="number"
                name="pageSize"
                min={PAGE_SIZE_MIN}
                max={PAGE_SIZE_MAX}
                defaultValue={values.pageSize || '10'}
                className={INPUT}
                aria-invalid={Boolean(errors.pageSize)}
                aria-describedby={errors.pageSize ? 'pageSize-error' : undefined}
              />
              {error('pageSize')}
            </label>
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
