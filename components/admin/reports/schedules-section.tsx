import type { ReportSchedule } from '@/lib/amazon-pay/server';
import { reportTypeLabel, scheduleFrequencyLabel } from '@/lib/reports/report-types';
import { formatAmazonTime } from './format';
import { CancelScheduleButton, ScheduleForm } from './schedule-form';
import { CARD, TABLE, TD, TH } from './ui';

export function SchedulesSection({ schedules, error }: { schedules: readonly ReportSchedule[]; error: string | null }) {
  return (
    <section className={`${CARD} mt-8`} aria-labelledby="schedules-heading">
      <h2 id="schedules-heading" className="text-lg font-semibold text-ink">
        Schedules
      </h2>
      {error ? (
        <p className="mt-2 text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : schedules.length === 0 ? (
        <p className="mt-2 text-sm text-ink-muted">No report schedules.</p>
      ) : (
        <table className={`${TABLE} mt-3`} aria-label="Report schedules">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={TH}>
                Type
              </th>
              <th scope="col" className={TH}>
                Frequency
              </th>
              <th scope="col" className={TH}>
                Next report
              </th>
              <th scope="col" className={TH}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-black/5">
            {schedules.map((schedule) => (
              <tr key={schedule.reportScheduleId}>
                <td className={TD}>{reportTypeLabel(schedule.reportType)}</td>
                <td className={TD}>{scheduleFrequencyLabel(schedule.scheduleFrequency)}</td>
                <td className={TD}>{formatAmazonTime(schedule.nextReportCreationTime)}</td>
                <td className={`${TD} text-right`}>
                  <CancelScheduleButton reportScheduleId={schedule.reportScheduleId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ScheduleForm scheduledTypes={schedules.map((schedule) => schedule.reportType)} />
    </section>
  );
}
