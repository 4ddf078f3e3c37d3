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
}: {
  columns: readonly Column[];
  shaded?: boolean;
  spacing?: string;
}) {
  return (
    <thead className={cx(shaded && 'bg-slate-100', 'text-ink-muted')}>
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
    <table className={cx('w-full text-left text-sm', className)} aria-label={label}>
      {caption}
      <TableHead columns={columns} shaded={shaded} spacing={spacing} />
      <tbody className={cx(divided && 'divide-y divide-black/5', bodyClassName) || undefined}>{children}</tbody>
      {footer}
    </table>
  );
}
