'use client';

import { useMemo, useState } from 'react';
import { DataTable, Td, type Column } from '@/components/ui/table';

type Sort = { column: number; direction: 'asc' | 'desc' } | null;

// Amounts ("-10.00", "1,234.56") sort as numbers, everything else as text.
const NUMERIC = /^[+-]?\d{1,3}(?:,?\d{3})*(?:\.\d+)?$|^[+-]?\d+(?:\.\d+)?$/;

function compareCells(a: string, b: string): number {
  if (NUMERIC.test(a) && NUMERIC.test(b)) return Number(a.replace(/,/g, '')) - Number(b.replace(/,/g, ''));
  return a.localeCompare(b, undefined, { numeric: true });
}

/** The first rows of a document; each column sorts in the browser (only the previewed rows). */
export function PreviewTable({ columns, rows }: { columns: readonly string[]; rows: readonly (readonly string[])[] }) {
  const [sort, setSort] = useState<Sort>(null);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const factor = sort.direction === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => factor * compareCells(a[sort.column] ?? '', b[sort.column] ?? ''));
  }, [rows, sort]);
  const toggle = (column: number) =>
    setSort((current) =>
      current?.column === column
        ? current.direction === 'asc'
          ? { column, direction: 'desc' }
          : null
        : { column, direction: 'asc' },
    );
  const headers: Column[] = columns.map((column, index) => {
    const state = sort?.column === index ? sort.direction : null;
    return {
      key: `${column}-${index}`,
      sort: state === 'asc' ? 'ascending' : state === 'desc' ? 'descending' : 'none',
      label: (
        <button type="button" className="whitespace-nowrap hover:text-ink" onClick={() => toggle(index)}>
          {column || `Column ${index + 1}`} {state === 'asc' ? '▲' : state === 'desc' ? '▼' : ''}
        </button>
      ),
    };
  });

  return (
    <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
      <DataTable columns={headers} label="Document preview">
        {sorted.map((row, rowIndex) => (
          <tr key={rowIndex}>
            {columns.map((_, index) => (
              <Td key={index} className="whitespace-nowrap font-mono text-xs">
                {row[index] ?? ''}
              </Td>
            ))}
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
