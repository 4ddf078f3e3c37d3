import { formatShortDay } from '@/components/ui/format-time';
import { formatPrice } from '@/components/ui/price';
import { DataTable, rightAligned, type Column } from '@/components/ui/table';
import { money } from '@/lib/money';
import type { DailyFigure } from '@/lib/orders/admin/dashboard';

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 16, right: 16, bottom: 28, left: 44 };

/** Rounds a maximum up to 1, 2 or 5 × 10ⁿ (at least 2, so the middle gridline is a whole number). */
function niceCeiling(value: number): number {
  if (value <= 2) return 2;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * power >= value) ?? 10;
  return step * power;
}

const FIGURE_COLUMNS: Column[] = ['Day (UTC)', rightAligned('Orders'), rightAligned('Revenue')];

/**
 * Orders per day as bars and revenue as a line, drawn by hand in SVG. Screen readers
 * get a summary as the image's name and the full figures in the table below it.
 */
export function DailyChart({ days }: { days: DailyFigure[] }) {
  const currency = days[0]?.revenue.currency ?? 'USD';
  const maxOrders = niceCeiling(Math.max(...days.map((day) => day.orders)));
  const maxRevenue = niceCeiling(Math.max(...days.map((day) => day.revenue.amount)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(days.length, 1);
  const x = (index: number) => PAD.left + index * slot;
  const yOrders = (value: number) => PAD.top + plotH - (value / maxOrders) * plotH;
  const yRevenue = (value: number) => PAD.top + plotH - (value / maxRevenue) * plotH;
  const totalOrders = days.reduce((sum, day) => sum + day.orders, 0);
  const totalRevenue = money(
    days.reduce((sum, day) => sum + day.revenue.amount, 0),
    currency,
  );
  const linePoints = days.map((day, index) => `${x(index) + slot / 2},${yRevenue(day.revenue.amount)}`).join(' ');
  const ordersWord = totalOrders === 1 ? 'order' : 'orders';
  const hasRevenue = days.some((day) => day.revenue.amount > 0);
  const summary = `${totalOrders} ${ordersWord} and ${formatPrice(totalRevenue)} revenue over the last ${days.length} days`;

  return (
    <figure className="card p-5">
      <figcaption className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold text-ink">Last {days.length} days</h2>
        <p className="text-sm text-ink-muted">
          <span className="font-medium text-ink">{totalOrders.toLocaleString('en-US')}</span> {ordersWord} ·{' '}
          <span className="font-medium text-ink">{formatPrice(totalRevenue)}</span> revenue (captured − refunded)
        </p>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="mt-4 h-auto w-full">
        {[0, 0.5, 1].map((fraction) => (
          <g key={fraction}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={PAD.top + plotH * (1 - fraction)}
              y2={PAD.top + plotH * (1 - fraction)}
              className="stroke-black/10"
            />
            <text
              x={PAD.left - 6}
              y={PAD.top + plotH * (1 - fraction) + 4}
              textAnchor="end"
              className="fill-slate-500 text-[11px]"
            >
              {Math.round(maxOrders * fraction)}
            </text>
          </g>
        ))}
        {days.map((day, index) => (
          <rect
            key={day.day}
            x={x(index) + slot * 0.15}
            width={slot * 0.7}
            y={yOrders(day.orders)}
            height={plotH + PAD.top - yOrders(day.orders)}
            rx={2}
            className="fill-sky-300"
          >
            <title>{`${formatShortDay(day.day)}: ${day.orders} orders, ${formatPrice(day.revenue)}`}</title>
          </rect>
        ))}
        {hasRevenue ? (
          <polyline points={linePoints} fill="none" strokeWidth={2} strokeLinejoin="round" className="stroke-emerald-700" />
        ) : null}
        {/* Labelled weekly, counted back from today so the latest day always has its label. */}
        {days.map((day, index) =>
          (days.length - 1 - index) % 7 === 0 ? (
            <text key={day.day} x={x(index) + slot / 2} y={HEIGHT - 8} textAnchor="middle" className="fill-slate-500 text-[11px]">
              {formatShortDay(day.day)}
            </text>
          ) : null,
        )}
      </svg>
      <div className="mt-2 flex gap-4 text-xs text-ink-muted" aria-hidden="true">
        <span className="flex items-center gap-1.5">
          <span className="inline-block h-2.5 w-2.5 rounded-sm bg-sky-300" /> Orders (left axis)
        </span>
        <span className="flex items-center gap-1.5">
          <span className="inline-block h-0.5 w-4 bg-emerald-700" />{' '}
          {hasRevenue
            ? `Revenue (top of the chart = ${formatPrice(money(maxRevenue, currency))})`
            : 'Revenue (nothing captured yet)'}
        </span>
      </div>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-ink-muted hover:text-ink">Show the figures as a table</summary>
        <DataTable
          columns={FIGURE_COLUMNS}
          shaded={false}
          spacing="py-1"
          className="mt-2"
          bodyClassName="tabular-nums"
          caption={<caption className="sr-only">Orders and revenue per day</caption>}
        >
          {days.map((day) => (
            <tr key={day.day}>
              <th scope="row" className="py-1 font-normal">
                {day.day}
              </th>
              <td className="py-1 text-right">{day.orders}</td>
              <td className="py-1 text-right">{formatPrice(day.revenue)}</td>
            </tr>
          ))}
        </DataTable>
      </details>
    </figure>
  );
}
