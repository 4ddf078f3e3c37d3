import type { ReportSchedule } from '@/lib/amazon-pay/server';
import { reportTypeLabel, scheduleFrequencyLabel } from '@/lib/reports/report-types';
import { formatAmazonTime } from '@/components/ui/format-time';
import { DataTable, Td, type Column } from '@/components/ui/table';
import { CancelScheduleButton, ScheduleForm } from './schedule-form';
import { CARD } from './ui';

const COLUMNS: Column[] = [
  'Type',
  'Frequency',
  'Next report',
  { key: 'actions', label: <span className="sr-only">Actions</span> },
];

export function SchedulesSection({
  schedules,
  error,
  sandbox,
}: {
  schedules: readonly ReportSchedule[];
  error: string | null;
  /** The store talks to Amazon's sandbox (or the emulator): the sandbox settlement type is offered. */
  sandbox: boolean;
}) {
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
        <DataTable columns={COLUMNS} label="Report schedules" className="mt-3">
          {schedules.map((schedule) => (
            <tr key={schedule.reportScheduleId}>
              <Td>{reportTypeLabel(schedule.reportType)}</Td>
              <Td>{scheduleFrequencyLabel(schedule.scheduleFrequency)}</Td>
              <Td>{formatAmazonTime(schedule.nextReportCreationTime)}</Td>
              <Td align="right">
                <CancelScheduleButton reportScheduleId={schedule.reportScheduleId} />
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
      <ScheduleForm scheduledTypes={schedules.map((schedule) => schedule.reportType)} sandbox={sandbox} />
    </section>
  );
}
