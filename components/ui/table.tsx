import type { AriaAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { cx } from './class-names';

type Align = 'left' | 'right';

/** A column of a table's head: its name, or a name with an alignment (amounts read right-aligned) and sort state. */
export type Column = string | { key: string; label: ReactNode; align?: Align; sort?: AriaAttributes['aria-sort'] };

/** A right-aligned column, for amounts and counts. */
export const rightAligned = (label: string): Column => ({ key: label, label, align: 'right' });

// The report screens' spacing is the default; the order screens pass their own.
const HEAD_SPACING = 'px-3 py-2';
const BODY_SPACING = 'px-3 py-2 align-top';

type CellProps<T> = T & { align?: Align; spacing?: string };

export function Th({ align, spacing = HEAD_SPACING, className, ...props }: CellProps<ThHTMLAttributes<HTMLTableCellElement>>) {
  return <th scope="col" {...props} className={cx(spacing, 'font-medium', align === 'right' && 'text-right', className)} />;
}

export function Td({ align, spacing = BODY_SPACING, className, ...props }: CellProps<TdHTMLAttributes<HTMLTableCellElement>>) {
  return <td {...props} className={cx(spacing, align === 'right' && 'text-right', className)} />;
}

/** One row of column headers, spaced alike; `shaded` gives the head a grey band. */
export function TableHead({
  columns,
  shaded = true,
  spacing,
  className,
}: {
  columns: readonly Column[];
  shaded?: boolean;
  spacing?: string;
  className?: string;
}) {
  return (
    <thead className={cx(shaded && 'bg-slate-100', 'text-ink-muted', className)}>
      <tr>
        {columns.map((column) => {
          const { key, label, align, sort } = typeof column === 'string' ? { key: column, label: column } : column;
          return (
            <Th key={key} align={align} spacing={spacing} aria-sort={sort}>
              {label}
            </Th>
          );
        })}
      </tr>
    </thead>
  );
}

/**
 * Holds a table that may be wider than a phone's screen: the table scrolls sideways inside it and the page does
 * not. It is `relative` so that absolutely placed content inside (visually hidden text) is clipped with the table
 * instead of widening the page. It takes the focus so keyboard users can scroll it too (https://dequeuniversity.com/rules/axe/4.10/scrollable-region-focusable),
 * and carries the table's name when `label` gives one, so the focus stop is announced by it.
 */
export function TableScroller({ label, className, children }: { label?: string; className?: string; children: ReactNode }) {
  return (
    <div
      className={cx('relative max-w-full overflow-x-auto', className)}
      tabIndex={0}
      role={label ? 'group' : undefined}
      aria-label={label}
    >
      {children}
    </div>
  );
}

/**
 * An admin data table: caption, head, body rows (`children`) and an optional footer.
 * `label` names it for assistive technology when it has no visible caption.
 */
export function DataTable({
  columns,
  label,
  caption,
  footer,
  shaded,
  spacing,
  divided = true,
  className,
  bodyClassName,
  children,
}: {
  columns: readonly Column[];
  label?: string;
  caption?: ReactNode;
  footer?: ReactNode;
  shaded?: boolean;
  spacing?: string;
  /** A hairline between body rows. */
  divided?: boolean;
  className?: string;
  bodyClassName?: string;
  children: ReactNode;
}) {
  return (
    <TableScroller label={label}>
      <table className={cx('w-full text-left text-sm', className)} aria-label={label}>
        {caption}
        <TableHead columns={columns} shaded={shaded} spacing={spacing} />
        <tbody className={cx(divided && 'divide-y divide-black/5', bodyClassName) || undefined}>{children}</tbody>
        {footer}
      </table>
    </TableScroller>
  );
}
